using Bunit;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Tests.TestSupport;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Jobs;

// The jobs page rendered with the app's real services and Hangfire storage, as the administrator.
public sealed class BackgroundJobsPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }

    [Fact]
    public void Lists_each_job_in_Vietnamese_with_its_next_run_and_links_to_the_hangfire_dashboard()
    {
        _ctx.Render<MudPopoverProvider>();
        _ctx.Render<MudSnackbarProvider>();
        var page = _ctx.Render<BackgroundJobsPage>();
        page.WaitForAssertion(() => Assert.Contains("Sao lưu hằng đêm", page.Find("#jobs-table").TextContent));
        var table = page.Find("#jobs-table").TextContent;
        Assert.Contains("Nhắc hạn báo cáo", table);
        Assert.Contains("Chưa chạy lần nào", table);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", table);
        Assert.Equal("/hangfire", page.Find("#hangfire-link").GetAttribute("href"));
        Assert.NotNull(page.Find($"#run-{RecurringJobs.NightlyBackup}"));
    }
}
