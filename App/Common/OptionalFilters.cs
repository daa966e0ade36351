using System.Linq.Expressions;

namespace HocTapSuotDoi.Common;

// The list pages' optional filters: a filter left empty ("tất cả") keeps every row, a chosen value narrows the query,
// which the database still runs as one WHERE.
public static class OptionalFilters
{
    public static IQueryable<T> WhereGiven<T, TValue>(this IQueryable<T> rows, TValue? value, Func<TValue, Expression<Func<T, bool>>> predicate)
        where TValue : struct =>
        value is { } given ? rows.Where(predicate(given)) : rows;
}
