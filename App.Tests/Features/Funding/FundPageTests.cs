using Bunit;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Features.Funding;

// The fund's page as a viewer of the demo commune: the year's receipts and payments, each cell labelled for a phone.
public sealed class FundPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    [Fact]
    public async Task The_years_entries_are_listed_in_date_order_each_cell_labelled_for_a_phone()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        var page = _ctx.Render<FundPage>();

        page.WaitForAssertion(() => Assert.Equal(9, page.FindAll("#fund-entries tr.fund-entry").Count));
        var rows = page.FindAll("#fund-entries tr.fund-entry");
        Assert.Equal(["PT01/2026", "PT02/2026", "PT03/2026", "PT04/2026"], rows.Take(4).Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()));
        // On a narrow screen MudTable shows each cell with its label (data-label) instead of the header row.
        Assert.Equal(["Ngày", "Chứng từ", "Thu/Chi", "Mục", "Nguồn", "Người nộp/nhận", "Nội dung", "Số tiền"],
            rows[0].QuerySelectorAll("td").Take(8).Select(td => td.GetAttribute("data-label")));
        Assert.Equal("+24.000.000 đ", rows[0].QuerySelectorAll("td")[7].TextContent.Trim());
        // A viewer reads; only the accountant writes entries.
        Assert.Empty(page.FindAll("#add-receipt, #add-payment"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
