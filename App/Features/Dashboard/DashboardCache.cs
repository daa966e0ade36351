using System.Collections.Concurrent;

namespace HocTapSuotDoi.Features.Dashboard;

// The dashboard's figures of a year (the year's table and its trend points), kept in memory until one of their
// inputs changes, so a closed year is counted once and not again at every visit.
//
// How invalidation works: triggers on every table the figures are counted from (migration DashboardStamps) bump a
// counter in DashboardStamp on each inserted, updated or deleted row, whatever wrote it (EF, a bulk insert,
// ExecuteUpdate, SQL). A year's own inputs (registrations, evaluations, decisions, entered figures) bump the counter
// of that year (kind 'Y'); a register change (households, people, clans, villages, units, targets) bumps the counter
// of the first year it can alter (kind 'R'): by the year-true rule a household that moves away on 01/12/2026 is
// still counted in 2025, so it bumps 2026 and leaves the closed years' figures cached; changing a village or a target
// group bumps year 0 (every year). The stamp of year Y is the sum of its 'Y' counter and of the 'R' counters of years
// up to Y; counters only grow, so a figure is served from memory only while its stamp is the one it was counted at.
// The stamp is read before counting: a write during the count leaves a stale stamp, recounted at the next visit.
// The figures are stored before AsOf(today) and the entered-figure overlay, which stay live. On a provider without
// the triggers nothing is cached.
public sealed class DashboardCache
{
    private readonly ConcurrentDictionary<(int CommuneId, int Year, string Part), (long Stamp, object Value)> _entries = new();

    // The stamps of every year, read in one statement (the table has a row per year and kind); null without triggers.
    public static async Task<Func<int, long>?> StampsAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var rows = await db.Database.SqlQuery<StampRow>($"SELECT \"Kind\", \"Year\", \"Version\" FROM \"DashboardStamp\"").ToListAsync(ct);
        return year => rows.Where(r => (r.Kind == "Y" && r.Year == year) || (r.Kind == "R" && r.Year <= year)).Sum(r => r.Version);
    }

    public async Task<T> GetAsync<T>(int communeId, int year, string part, Func<int, long>? stamps, Func<Task<T>> count) where T : class
    {
        if (stamps is null)
        {
            return await count();
        }
        var key = (communeId, year, part);
        var stamp = stamps(year);
        if (_entries.TryGetValue(key, out var entry) && entry.Stamp == stamp)
        {
            return (T)entry.Value;
        }
        var value = await count();
        _entries[key] = (stamp, value);
        return value;
    }

    private sealed record StampRow(string Kind, int Year, long Version);
}
