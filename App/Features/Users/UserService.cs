using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Features.Users;

public sealed record UserRow(
    string Id, string Email, string FullName, string Role, ScopeKind ScopeKind, string ScopeText,
    bool LockedByAdmin, DateTimeOffset? LockoutEnd, bool MustChangePassword, DateTime? LastSignInAtUtc);

public sealed record ScopeChoices(IReadOnlyList<(int Id, string Name)> Villages, IReadOnlyList<(int Id, string Name)> Units);

public sealed class ConcurrencyConflictException(string message) : Exception(message);

// User administration. Every method checks that the caller is an administrator, and works only on users of the
// administrator's commune. Identity's UserManager is opened in a fresh scope per call: in a circuit a scoped
// DbContext would live as long as the browser tab.
public sealed class UserService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IValidator<UserForm> validator,
    TimeProvider clock)
{
    private static readonly DateTimeOffset AdminLock = DateTimeOffset.MaxValue;

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct = default)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.CommuneId == admin.CommuneId)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.ScopeKind, u.LockoutEnd, u.MustChangePassword, u.LastSignInAtUtc,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                Villages = u.Villages.OrderBy(v => v.Village!.SortOrder).Select(v => v.Village!.Name).ToList(),
                Unit = u.Unit == null ? null : u.Unit.Name,
            })
            .ToListAsync(ct);
        return users
            .OrderBy(u => u.FullName)
            .Select(u => new UserRow(u.Id, u.Email ?? "", u.FullName, u.Role ?? "", u.ScopeKind,
                u.ScopeKind switch
                {
                    ScopeKind.Commune => "Toàn xã",
                    ScopeKind.Villages => string.Join(", ", u.Villages),
                    _ => u.Unit ?? "",
                },
                u.LockoutEnd == AdminLock, u.LockoutEnd, u.MustChangePassword, u.LastSignInAtUtc))
            .ToList();
    }

    public async Task<ScopeChoices> GetScopeChoicesAsync(CancellationToken ct = default)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == admin.CommuneId)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == admin.CommuneId)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return new ScopeChoices(villages.Select(v => (v.Id, v.Name)).ToList(), units.Select(u => (u.Id, u.Name)).ToList());
    }

    public async Task<UserForm> GetForEditAsync(string id, CancellationToken ct = default)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await LoadInCommuneAsync(users, id, admin);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new UserForm
        {
            Id = user.Id,
            Email = user.Email ?? "",
            FullName = user.FullName,
            Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.Viewer,
            ScopeKind = user.ScopeKind,
            VillageIds = await db.UserVillages.Where(v => v.UserId == id).Select(v => v.VillageId).ToListAsync(ct),
            UnitId = user.UnitId,
            IsAccountant = (await users.GetClaimsAsync(user)).Any(IsAccountingClaim),
            GeneratePassword = false,
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
    }

    /// <returns>The generated password, to show once; null when the administrator typed one.</returns>
    public async Task<string?> CreateAsync(UserForm form, CancellationToken ct = default)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await EnsureScopeInCommuneAsync(form, admin.CommuneId);

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var password = form.GeneratePassword ? PasswordGenerator.Generate() : form.Password!;
        var user = new AppUser
        {
            UserName = form.Email.Trim(),
            Email = form.Email.Trim(),
            EmailConfirmed = true,
            FullName = form.FullName.Trim(),
            CommuneId = admin.CommuneId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = form.GeneratePassword,
        };
        ApplyScope(user, form);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, form.Role));
        await SetAccountingAsync(users, user, form.IsAccountant);
        return form.GeneratePassword ? password : null;
    }

    public async Task UpdateAsync(UserForm form, CancellationToken ct = default)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await EnsureScopeInCommuneAsync(form, admin.CommuneId);

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = await LoadInCommuneAsync(users, form.Id!, admin);
        if (user.ConcurrencyStamp != form.ConcurrencyStamp)
        {
            throw new ConcurrencyConflictException(
                "Tài khoản này vừa được người khác sửa. Hãy đóng hộp thoại, tải lại danh sách và sửa lại.");
        }

        var currentRole = (await users.GetRolesAsync(user)).FirstOrDefault();
        if (currentRole == Roles.Administrator && form.Role != Roles.Administrator)
        {
            await EnsureAnotherActiveAdministratorAsync(users, user, "đổi vai trò");
        }

        user.Email = form.Email.Trim();
        user.UserName = form.Email.Trim();
        user.FullName = form.FullName.Trim();
        user.Villages = await db.UserVillages.Where(v => v.UserId == user.Id).ToListAsync(ct);
        ApplyScope(user, form);
        Check(await users.UpdateAsync(user));
        if (currentRole != form.Role)
        {
            if (currentRole is not null)
            {
                Check(await users.RemoveFromRoleAsync(user, currentRole));
            }
            Check(await users.AddToRoleAsync(user, form.Role));
        }
        await SetAccountingAsync(users, user, form.IsAccountant);
        // Role or scope may have changed: open sessions of this user must sign in again.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private static bool IsAccountingClaim(System.Security.Claims.Claim c) => c.Type == Permissions.ClaimType && c.Value == Permissions.Accounting;

    private static async Task SetAccountingAsync(UserManager<AppUser> users, AppUser user, bool granted)
    {
        var held = (await users.GetClaimsAsync(user)).Where(IsAccountingClaim).ToList();
        if (granted && held.Count == 0)
        {
            Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Permissions.ClaimType, Permissions.Accounting)));
        }
        else if (!granted && held.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, held));
        }
    }

    public async Task SetLockedAsync(string id, bool locked)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        if (locked && id == admin.UserId)
        {
            throw new ValidationException("Bạn không thể tự khóa tài khoản của mình.");
        }
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await LoadInCommuneAsync(users, id, admin);
        if (locked && await users.IsInRoleAsync(user, Roles.Administrator))
        {
            await EnsureAnotherActiveAdministratorAsync(users, user, "khóa");
        }
        Check(await users.SetLockoutEndDateAsync(user, locked ? AdminLock : null));
        Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <returns>The new generated password, to show once; the user must change it at the next sign-in.</returns>
    public async Task<string> ResetPasswordAsync(string id)
    {
        var admin = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await LoadInCommuneAsync(users, id, admin);
        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        if (user.LockoutEnd != AdminLock)
        {
            // A temporary lock-out from failed attempts ends with the reset; a lock by an administrator stays.
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }
        return password;
    }

    private static async Task<AppUser> LoadInCommuneAsync(UserManager<AppUser> users, string id, UserScope admin)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.CommuneId != admin.CommuneId)
        {
            throw new ForbiddenException("Không tìm thấy tài khoản này trong xã của bạn.");
        }
        return user;
    }

    private async Task EnsureScopeInCommuneAsync(UserForm form, int communeId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (form.ScopeKind == ScopeKind.Villages)
        {
            var ids = form.VillageIds.Distinct().ToList();
            var found = await db.Villages.CountAsync(v => v.CommuneId == communeId && ids.Contains(v.Id));
            if (found != ids.Count)
            {
                throw new ValidationException("Có thôn đã chọn không thuộc xã của bạn.");
            }
        }
        if (form.ScopeKind == ScopeKind.Unit && !await db.Units.AnyAsync(u => u.CommuneId == communeId && u.Id == form.UnitId))
        {
            throw new ValidationException("Đơn vị đã chọn không thuộc xã của bạn.");
        }
    }

    private static void ApplyScope(AppUser user, UserForm form)
    {
        user.ScopeKind = form.ScopeKind;
        user.UnitId = form.ScopeKind == ScopeKind.Unit ? form.UnitId : null;
        var wanted = form.ScopeKind == ScopeKind.Villages ? form.VillageIds.Distinct().ToHashSet() : [];
        user.Villages.RemoveAll(v => !wanted.Contains(v.VillageId));
        foreach (var villageId in wanted.Where(id => user.Villages.All(v => v.VillageId != id)))
        {
            user.Villages.Add(new UserVillage { UserId = user.Id, VillageId = villageId });
        }
    }

    private static async Task EnsureAnotherActiveAdministratorAsync(UserManager<AppUser> users, AppUser user, string action)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (!admins.Any(a => a.Id != user.Id && a.CommuneId == user.CommuneId && (a.LockoutEnd is null || a.LockoutEnd < DateTimeOffset.UtcNow)))
        {
            throw new ValidationException($"Không thể {action} quản trị viên cuối cùng của xã: hãy tạo một quản trị viên khác trước.");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
