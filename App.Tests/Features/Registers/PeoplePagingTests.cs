using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Registers;

// Deep pages of the people list seek the name index from the neighbouring page (keyset) or read the list backwards
// from its end; each page must be exactly the page OFFSET gives, in every name order, with many equal names.
public sealed class PeoplePagingTests(DemoRegisterApp app) : IClassFixture<DemoRegisterApp>
{
    private const int Size = 25;

    public static TheoryData<NameOrder, bool, string?> Lists => new()
    {
        { NameOrder.GivenName, false, null },
        { NameOrder.GivenName, true, null },
        { NameOrder.FamilyName, false, "thi" },
        { NameOrder.FamilyName, true, "nguyen" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Next_previous_and_jumped_pages_equal_the_offset_pages(NameOrder order, bool descending, string? search)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var query = new PersonQuery(search, Order: order);
        var expected = await OffsetOrderAsync(scope.ServiceProvider, query, descending);
        var pages = (expected.Count + Size - 1) / Size;
        Assert.True(pages > 8, $"{expected.Count} người: quá ít để thử trang sâu");
        PageRequest Request(int page) => new(page, Size, null, descending);
        List<int> Offset(int page) => expected.Skip(page * Size).Take(Size).ToList();

        // Forward with the next button: each page from the one before it.
        var shown = await people.PageAsync(query, Request(0), null);
        Assert.Equal(Offset(0), Ids(shown));
        for (var page = 1; page < pages; page++)
        {
            var cursor = shown.CursorTo(query, Request(page));
            Assert.NotNull(cursor);
            shown = await people.PageAsync(query, Request(page), cursor);
            Assert.Equal(Offset(page), Ids(shown));
            Assert.Equal(expected.Count, shown.Total);
        }
        // The last-page button (no cursor, read from the end), then back with the previous button.
        shown = await people.PageAsync(query, Request(pages - 1), null);
        Assert.Equal(Offset(pages - 1), Ids(shown));
        for (var page = pages - 2; page >= 0; page--)
        {
            shown = await people.PageAsync(query, Request(page), shown.CursorTo(query, Request(page)));
            Assert.Equal(Offset(page), Ids(shown));
        }
        // Any page without a cursor, and past the end.
        foreach (var page in new[] { 1, pages / 2 - 1, pages / 2, pages / 2 + 1, pages - 2 })
        {
            Assert.Equal(Offset(page), Ids(await people.PageAsync(query, Request(page), null)));
        }
        Assert.Empty((await people.PageAsync(query, Request(pages), null)).Items);
    }

    [Fact]
    public async Task A_cursor_serves_only_the_neighbouring_page_of_the_same_list()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var people = scope.ServiceProvider.GetRequiredService<PeopleService>();
        var query = new PersonQuery();
        var shown = await people.PageAsync(query, new PageRequest(3, Size), null);
        Assert.NotNull(shown.CursorTo(query, new PageRequest(4, Size)));
        Assert.NotNull(shown.CursorTo(query, new PageRequest(2, Size)));
        Assert.Null(shown.CursorTo(query, new PageRequest(5, Size)));
        Assert.Null(shown.CursorTo(query, new PageRequest(4, 50)));
        Assert.Null(shown.CursorTo(query with { Search = "thi" }, new PageRequest(4, Size)));
        Assert.Null(shown.CursorTo(query, new PageRequest(4, Size, null, Descending: true)));
        // Sorted by birth the list pages with OFFSET and gives no cursor.
        var byBirth = await people.PageAsync(query, new PageRequest(3, Size, "Birth"), null);
        Assert.Null(byBirth.CursorTo(query, new PageRequest(4, Size, "Birth")));
    }

    private static List<int> Ids(PeoplePageResult page) => page.Items.Select(p => p.Id).ToList();

    // Every id of the list in the order the list's OFFSET query gives (PeopleService.Sort).
    private static async Task<List<int>> OffsetOrderAsync(IServiceProvider services, PersonQuery query, bool descending)
    {
        var scope = await services.GetRequiredService<CurrentUser>().RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await services.GetRequiredService<IDbContextFactory<HocTapSuotDoi.Data.AppDbContext>>().CreateDbContextAsync();
        return await PeopleService.Sort(PeopleService.Filter(db, scope, query), query, new PageRequest(0, Size, null, descending)).Select(p => p.Id).ToListAsync();
    }
}
