using Bunit;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The registration dialog after the deadline (01/01 in this fixture), with the app's real services and database.
public sealed class RegisterDialogTests(RegistrationDeadlineTests.App app) : IClassFixture<RegistrationDeadlineTests.App>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    // The app's year (its clock starts on AppFactory.ClockStart), not the year the tests happen to run in.
    private static readonly int Year = AppFactory.ClockStart.Year;

    private static int _households;

    // One household per test: the fixture's database is shared by the tests of this class.
    public async Task InitializeAsync() => await app.AddHouseholdAsync("T01", $"Kiều Văn Hộp Thoại {Interlocked.Increment(ref _households)}");

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string email)
    {
        await _ctx.SignInAsync(app, email);
        _ctx.Render<MudPopoverProvider>();
        var provider = _ctx.Render<MudDialogProvider>();
        var villages = new List<(int, string)> { (await app.VillageIdAsync("T01"), "Thôn Tân Hòa"), (await app.VillageIdAsync("T02"), "Thôn Tân Thành") };
        await provider.InvokeAsync(() => _ctx.Services.GetRequiredService<IDialogService>().ShowAsync<RegisterDialog>("Đăng ký",
            new DialogParameters<RegisterDialog> { { x => x.Title, Title.FamilyLearning }, { x => x.Year, Year }, { x => x.Villages, villages } }));
        provider.WaitForAssertion(() => Assert.Contains("Chưa đăng ký trong bộ lọc này", provider.Find("#register-total").TextContent));
        return provider;
    }

    [Fact]
    public async Task After_the_deadline_a_scorer_reads_why_before_choosing_and_cannot_register()
    {
        var provider = await OpenAsync("canbo@camtan.vn");
        var window = provider.Find("#register-window");
        Assert.Contains("mud-alert-text-error", window.ClassList);
        Assert.Equal($"Đã hết hạn đăng ký danh hiệu năm {Year} (01/01/{Year}): chỉ quản trị viên còn đăng ký bổ sung được. Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.", window.TextContent.Trim());
        Assert.True(provider.Find("#register-all").HasAttribute("disabled"));
        await provider.ChangeOnRendererAsync("#register-candidates input[type=checkbox]", true);
        provider.WaitForAssertion(() => Assert.Equal("Đăng ký 1 đối tượng", provider.Find("#register-save").TextContent.Trim()));
        Assert.True(provider.Find("#register-save").HasAttribute("disabled"));
    }

    [Fact]
    public async Task After_the_deadline_an_administrator_is_told_and_may_still_register_all()
    {
        var provider = await OpenAsync("admin@camtan.vn");
        Assert.Contains("bạn vẫn đăng ký được", provider.Find("#register-window").TextContent);
        Assert.False(provider.Find("#register-all").HasAttribute("disabled"));
        await provider.ClickOnRendererAsync("#register-all");
        provider.WaitForAssertion(() => Assert.StartsWith("Sẽ đăng ký", provider.Find("#register-all-preview").TextContent.Trim()));
    }

    public Task DisposeAsync() => _ctx.DisposeAsync().AsTask();
}
