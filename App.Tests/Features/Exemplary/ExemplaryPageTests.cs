using Bunit;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Features.Exemplary;

// The money pages a viewer of the demo commune reads: the fund's receipts and payments, and the year's stories with the
// learners' scholarships and awards. Their tables turn into labelled blocks on a phone (MudTable, Breakpoint.Sm).
public sealed class ExemplaryPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public static TheoryData<Type, string, int, string[], string, string> Tables => new()
    {
        { typeof(FundPage), "#fund-entries tr.fund-entry", 9, ["Ngày", "Chứng từ", "Thu/Chi", "Mục", "Nguồn", "Người nộp/nhận", "Nội dung", "Số tiền"], "PT01/2026", "+24.000.000 đ" },
        { typeof(ExemplaryPage), "#learner-awards tbody tr", 4, ["Người nhận", "Thôn", "Mục", "Nội dung", "Số tiền"], "Em Nguyễn Thị Mai", "2.400.000 đ" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task The_years_rows_are_listed_each_cell_labelled_for_a_phone(Type page, string rows, int count, string[] labels, string row, string amount)
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        var rendered = _ctx.Render(b => { b.OpenComponent(0, page); b.CloseComponent(); });

        rendered.WaitForAssertion(() => Assert.Equal(count, rendered.FindAll(rows).Count));
        var cells = rendered.FindAll(rows).Single(r => r.TextContent.Contains(row, StringComparison.Ordinal)).QuerySelectorAll("td");
        Assert.Equal(labels, cells.Take(labels.Length).Select(td => td.GetAttribute("data-label")));
        Assert.Equal(amount, cells[labels.Length - 1].TextContent.Trim());
        // A viewer reads: no button to add an entry or a story.
        Assert.Empty(rendered.FindAll("#add-receipt, #add-payment, #add-story"));
    }

    [Fact]
    public async Task The_years_stories_are_shown_with_their_kind_and_village()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        var page = _ctx.Render<ExemplaryPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".story").Count));
        Assert.Contains(page.FindAll(".story"), s => s.TextContent.Contains("Bà Hoàng Thị Lụa · Cá nhân · Thôn Tân Hòa", StringComparison.Ordinal));
        Assert.Contains(page.FindAll(".story"), s => s.TextContent.Contains("Trường THCS Cẩm Tân · Cơ quan, đơn vị", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
