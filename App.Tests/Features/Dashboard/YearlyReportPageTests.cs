using Bunit;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Dashboard;

// The report's page binds its fields to the text's content (ReportTextForm.Content): a field is checked by the
// validator as it is typed, and what is typed is what is saved and previewed.
public sealed class YearlyReportPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    [Fact]
    public async Task A_field_is_checked_as_it_is_typed_and_saved_as_typed()
    {
        var services = await _ctx.SignInAsync(app, "bcd@camtan.vn");
        var page = _ctx.Render<YearlyReportPage>();
        page.WaitForAssertion(() => page.Find("#report-number-line"));

        await page.ChangeOnRendererAsync("#report-number", "15 / BC");
        page.WaitForAssertion(() => Assert.Contains("Số văn bản chỉ gồm chữ số, chữ không dấu và dấu gạch (ví dụ 15).", page.Markup));

        await page.ChangeOnRendererAsync("#report-number", "15");
        await page.ChangeOnRendererAsync("#report-difficulties", "Kinh phí còn hạn chế.");
        await page.ClickOnRendererAsync("#save-report-text");
        page.WaitForAssertion(() => Assert.StartsWith("Số: 15/", page.Find("#report-number-line").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain("Số văn bản chỉ gồm", page.Markup);
        var saved = await services.GetRequiredService<ReportService>().GetTextAsync(services.GetRequiredService<WorkingYear>().Year);
        Assert.Equal(("15", "Kinh phí còn hạn chế."), (saved.Content.Number, saved.Content.Difficulties));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
