using Bunit;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Features.Exemplary;

// The page of the year's exemplary stories and the learners' scholarships and awards, as a viewer of the demo commune.
public sealed class ExemplaryPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    [Fact]
    public async Task The_years_stories_and_learners_awards_are_listed_each_cell_labelled_for_a_phone()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        var page = _ctx.Render<ExemplaryPage>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("#learner-awards tbody tr").Count));
        Assert.Equal(3, page.FindAll(".story").Count);
        Assert.Contains(page.FindAll(".story"), s => s.TextContent.Contains("Bà Hoàng Thị Lụa", StringComparison.Ordinal));
        var mai = page.FindAll("#learner-awards tbody tr").Single(r => r.TextContent.Contains("Em Nguyễn Thị Mai"));
        // On a narrow screen MudTable shows each cell with its label (data-label) instead of the header row.
        Assert.Equal(["Người nhận", "Thôn", "Mục", "Nội dung", "Số tiền"], mai.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("2.400.000 đ", mai.QuerySelectorAll("td").Last().TextContent.Trim());
        // A viewer reads; adding stories is for the committee and the staff.
        Assert.Empty(page.FindAll("#add-story"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
