namespace HocTapSuotDoi.Features.Households;

// A row's place in a name-ordered people list: its sort key (GivenNameSort or FullNameSort) and id.
public sealed record PersonKey(string SortKey, int Id);

// Where a page of a list starts: right after a row of the page before it (Next) or right before a row of the page
// after it (Previous). Only used for the very query and page it was made for.
public sealed record PersonCursor(PersonQuery Query, PageRequest Page, PersonKey Key, bool After);

public sealed record PeoplePageResult(IReadOnlyList<PersonRow> Items, int Total, PersonQuery Query, PageRequest Page, PersonKey? First, PersonKey? Last)
{
    // The cursor to the neighbouring page (the grid's next or previous button); null for any other page.
    public PersonCursor? CursorTo(PersonQuery query, PageRequest page) =>
        query != Query || page with { Page = Page.Page } != Page ? null
        : page.Page == Page.Page + 1 && Last is { } last ? new PersonCursor(query, page, last, After: true)
        : page.Page == Page.Page - 1 && First is { } first ? new PersonCursor(query, page, first, After: false)
        : null;
}

// Deep pages of the people list in name order without OFFSET over 100.000 rows: the next or previous page seeks the
// name index from the neighbouring page's boundary row (keyset paging), and a page in the second half without a cursor
// (the grid's last-page button) is read backwards from the end, so at most half the list is ever skipped. Other sort
// orders page with OFFSET. The results are exactly OFFSET's on unchanged data (tested).
public static class PeoplePaging
{
    public static bool ByName(PageRequest page) => page.SortBy is null;

    public static string SortColumn(PersonQuery query) =>
        query.Order == NameOrder.FamilyName ? nameof(Person.FullNameSort) : nameof(Person.GivenNameSort);

    // The page's rows (sort key and id), in the list's order; other sort orders give no key.
    public static async Task<List<PersonKey>> KeysAsync(IQueryable<Person> filtered, PersonQuery query, PageRequest page, int total, PersonCursor? cursor, CancellationToken ct)
    {
        var size = page.PageSize;
        if (!ByName(page) || page.Page * size >= total)
        {
            return await PeopleService.Sort(filtered, query, page).Skip(page.Page * size).Take(size).Select(p => new PersonKey("", p.Id)).ToListAsync(ct);
        }
        var column = SortColumn(query);
        if (cursor is not null && cursor.Query == query && cursor.Page == page)
        {
            var (key, id) = (cursor.Key.SortKey, cursor.Key.Id);
            // The list runs key ascending (or descending), then id ascending; "after" the boundary in that order.
            var keyUp = page.Descending ? !cursor.After : cursor.After;
            // EF Core translates string.Compare(a, b) to SQL; the overload with a StringComparison is not translated.
#pragma warning disable CA1309
            var seek = keyUp
                ? filtered.Where(p => string.Compare(EF.Property<string>(p, column), key) >= 0)
                : filtered.Where(p => string.Compare(EF.Property<string>(p, column), key) <= 0);
#pragma warning restore CA1309
            seek = cursor.After
                ? seek.Where(p => EF.Property<string>(p, column) != key || p.Id > id)
                : seek.Where(p => EF.Property<string>(p, column) != key || p.Id < id);
            var seeked = await Ordered(seek, column, keyUp, idUp: cursor.After).Take(size).Select(Key(column)).ToListAsync(ct);
            if (!cursor.After)
            {
                seeked.Reverse();
            }
            return seeked;
        }
        var skip = page.Page * size;
        if (skip * 2 < total)
        {
            return await Ordered(filtered, column, !page.Descending, idUp: true).Skip(skip).Take(size).Select(Key(column)).ToListAsync(ct);
        }
        // From the end: the list read backwards, skipping the rows after the page.
        var fromEnd = Math.Max(0, total - skip - size);
        var take = Math.Min(size, total - skip);
        var backwards = await Ordered(filtered, column, page.Descending, idUp: false).Skip(fromEnd).Take(take).Select(Key(column)).ToListAsync(ct);
        backwards.Reverse();
        return backwards;
    }

    private static System.Linq.Expressions.Expression<Func<Person, PersonKey>> Key(string column) =>
        p => new PersonKey(EF.Property<string>(p, column), p.Id);

    private static IOrderedQueryable<Person> Ordered(IQueryable<Person> people, string column, bool keyUp, bool idUp)
    {
        var byKey = keyUp ? people.OrderBy(p => EF.Property<string>(p, column)) : people.OrderByDescending(p => EF.Property<string>(p, column));
        return idUp ? byKey.ThenBy(p => p.Id) : byKey.ThenByDescending(p => p.Id);
    }
}
