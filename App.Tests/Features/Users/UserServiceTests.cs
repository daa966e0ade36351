using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Users;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Users;

public sealed class UserServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(AsyncServiceScope Scope, UserService Service)> AdminAsync()
    {
        var scope = await app.AsUserAsync("admin@camtan.vn");
        return (scope, scope.ServiceProvider.GetRequiredService<UserService>());
    }

    private async Task<int[]> VillageIdsAsync(int count)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Villages.OrderBy(v => v.Code).Take(count).Select(v => v.Id).ToArrayAsync();
    }

    private async Task<int> UnitIdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Units.OrderBy(u => u.Code).Select(u => u.Id).FirstAsync();
    }

    [Fact]
    public async Task Administrator_creates_a_scorer_with_a_generated_password_that_must_be_changed()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var villages = await VillageIdsAsync(3);
        var password = await users.CreateAsync(new UserForm
        {
            Email = "moi.canbo@camtan.vn", FullName = "Đỗ Thị Mai", Role = Roles.Scorer,
            ScopeKind = ScopeKind.Villages, VillageIds = villages,
        });

        Assert.NotNull(password);
        Assert.True(password.Length >= 10);
        var row = (await users.ListAsync()).Single(u => u.Email == "moi.canbo@camtan.vn");
        Assert.Equal(Roles.Scorer, row.Role);
        Assert.True(row.MustChangePassword);
        Assert.Equal("Thôn Tân Hòa, Thôn Tân Thành, Thôn Tân Lập", row.ScopeText);
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await manager.CheckPasswordAsync((await manager.FindByEmailAsync("moi.canbo@camtan.vn"))!, password));
    }

    [Fact]
    public async Task Invalid_form_is_refused_by_the_service_with_Vietnamese_messages()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var error = await Assert.ThrowsAsync<ValidationException>(() => users.CreateAsync(new UserForm
        {
            Email = "khong-phai-email", FullName = "", Role = Roles.UnitReporter, ScopeKind = ScopeKind.Villages,
        }));
        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("E-mail không đúng định dạng.", messages);
        Assert.Contains("Hãy nhập họ và tên.", messages);
        Assert.Contains("Người báo cáo của đơn vị phải có phạm vi là một đơn vị.", messages);
        Assert.Contains("Hãy chọn ít nhất một thôn.", messages);
        Assert.DoesNotContain((await users.ListAsync()), u => u.Email == "khong-phai-email");
    }

    [Theory]
    [InlineData(Roles.Committee, ScopeKind.Villages, "Quản trị và Ban chỉ đạo làm việc trên toàn xã: phạm vi phải là \"Toàn xã\".")]
    [InlineData(Roles.Committee, ScopeKind.Unit, "Quản trị và Ban chỉ đạo làm việc trên toàn xã: phạm vi phải là \"Toàn xã\".")]
    [InlineData(Roles.Viewer, (ScopeKind)99, "Hãy chọn phạm vi.")]
    [InlineData(Roles.UnitReporter, ScopeKind.Commune, "Người báo cáo của đơn vị phải có phạm vi là một đơn vị.")]
    public async Task A_scope_that_does_not_fit_the_role_is_refused(string role, ScopeKind kind, string message)
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var email = $"pham-vi-{role}-{(int)kind}@camtan.vn".ToLowerInvariant();
        var form = new UserForm
        {
            Email = email, FullName = "Phạm Vi Sai", Role = role, ScopeKind = kind, VillageIds = await VillageIdsAsync(1), UnitId = await UnitIdAsync(),
        };
        var error = await Assert.ThrowsAsync<ValidationException>(() => users.CreateAsync(form));
        Assert.Contains(message, error.Errors.Select(e => e.ErrorMessage));
        Assert.DoesNotContain(await users.ListAsync(), u => u.Email == email);
    }

    [Fact]
    public async Task Duplicate_email_is_refused_in_Vietnamese()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var error = await Assert.ThrowsAsync<ValidationException>(() => users.CreateAsync(new UserForm
        {
            Email = "xem@camtan.vn", FullName = "Trùng", Role = Roles.Viewer, ScopeKind = ScopeKind.Commune,
        }));
        Assert.Contains("Đã có tài khoản dùng", error.Message);
    }

    [Fact]
    public async Task A_stale_edit_is_detected_not_written()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var id = (await users.ListAsync()).Single(u => u.Email == "xem@camtan.vn").Id;
        var first = await users.GetForEditAsync(id);
        var second = await users.GetForEditAsync(id);
        first.FullName = "Phạm Thị Lan (sửa lần 1)";
        await users.UpdateAsync(first);

        second.FullName = "Phạm Thị Lan (sửa lần 2)";
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => users.UpdateAsync(second));
        Assert.Contains("vừa được người khác sửa", conflict.Message);
        Assert.Equal("Phạm Thị Lan (sửa lần 1)", (await users.GetForEditAsync(id)).FullName);
    }

    [Fact]
    public async Task Locked_user_cannot_sign_in_and_unlocked_user_can()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var id = (await users.CreateAsync(new UserForm
        {
            Email = "khoa@camtan.vn", FullName = "Người Bị Khóa", Role = Roles.Viewer, ScopeKind = ScopeKind.Commune,
            GeneratePassword = false, Password = "Mat-khau-dai-2026",
        }) is null ? (await users.ListAsync()).Single(u => u.Email == "khoa@camtan.vn").Id : throw new InvalidOperationException());

        await users.SetLockedAsync(id, true);
        using var client = app.CreateBrowserlikeClient();
        var refused = await HttpSignIn.SignInAsync(client, "khoa@camtan.vn", "Mat-khau-dai-2026");
        Assert.Contains("đã bị quản trị viên khóa", await refused.TextAsync());

        await users.SetLockedAsync(id, false);
        await HttpSignIn.SignInOkAsync(client, "khoa@camtan.vn", "Mat-khau-dai-2026");
    }

    [Fact]
    public async Task Reset_password_gives_a_new_password_that_must_be_changed()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var id = (await users.ListAsync()).Single(u => u.Email == "donvi@camtan.vn").Id;
        var password = await users.ResetPasswordAsync(id);
        using var client = app.CreateBrowserlikeClient();
        var signIn = await HttpSignIn.SignInAsync(client, "donvi@camtan.vn", password);
        Assert.Equal("/doi-mat-khau", signIn.LocationPath());
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_locked_or_demoted()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var adminId = (await users.ListAsync()).Single(u => u.Email == "admin@camtan.vn").Id;
        var self = await Assert.ThrowsAsync<ValidationException>(() => users.SetLockedAsync(adminId, true));
        Assert.Equal("Bạn không thể tự khóa tài khoản của mình.", self.Message);

        var form = await users.GetForEditAsync(adminId);
        form.Role = Roles.Viewer;
        var demote = await Assert.ThrowsAsync<ValidationException>(() => users.UpdateAsync(form));
        Assert.Contains("quản trị viên cuối cùng", demote.Message);
    }

    [Theory]
    [InlineData("bcd@camtan.vn")]
    [InlineData("canbo@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    public async Task Non_administrators_are_refused_by_the_service_itself(string email)
    {
        await using var scope = await app.AsUserAsync(email);
        var users = scope.ServiceProvider.GetRequiredService<UserService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => users.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => users.CreateAsync(new UserForm
        {
            Email = "hack@camtan.vn", FullName = "Tự Cấp Quyền", Role = Roles.Administrator, ScopeKind = ScopeKind.Commune,
        }));
    }

    [Fact]
    public async Task Scope_outside_the_commune_is_refused()
    {
        var (scope, users) = await AdminAsync();
        await using var _ = scope;
        var error = await Assert.ThrowsAsync<ValidationException>(() => users.CreateAsync(new UserForm
        {
            Email = "ngoai@camtan.vn", FullName = "Ngoài Xã", Role = Roles.Scorer, ScopeKind = ScopeKind.Villages, VillageIds = [999_999],
        }));
        Assert.Equal("Có thôn đã chọn không thuộc xã của bạn.", error.Message);
    }
}
