namespace HocTapSuotDoi.Common;

// One page of a server-paged list (registers, registrations, decisions, initiatives): the page asks, the service counts
// and returns the rows of that page only.
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false);

public sealed record PageResult<T>(IReadOnlyList<T> Items, int Total);

public enum NameOrder
{
    // Vietnamese lists sort by given name: Nguyễn Văn An under A.
    GivenName = 0,
    FamilyName = 1,
}
