using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.YearData;

// A year with no registration in the app but with figures entered from its reports shows those figures, marked as
// entered, in the trend, the dashboard and the yearly report. A year the app has data for always shows the app's counts.
public static class PastYearOverlay
{
    public static async Task<IReadOnlyList<TrendPoint>> TrendAsync(AppDbContext db, int communeId, IReadOnlyList<TrendPoint> points, CancellationToken ct = default)
    {
        var figures = await EnteredAsync(db, communeId, points.Select(p => p.Year).Distinct().ToList(), ct);
        return points.Select(p => figures.TryGetValue((p.Year, p.Title), out var f)
            ? p with { Counts = Counts(f), Entered = true, Source = f.Source }
            : p).ToList();
    }

    public static async Task<YearFigures> YearAsync(AppDbContext db, int communeId, YearFigures year, CancellationToken ct = default)
    {
        var figures = await EnteredAsync(db, communeId, [year.Year], ct);
        if (figures.Count == 0)
        {
            return year;
        }
        var villages = await db.Set<PastYearFigure>().AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.Year == year.Year && f.VillageId != null).ToListAsync(ct);
        SubjectCounts? Village(int villageId, Title title) =>
            villages.FirstOrDefault(f => f.VillageId == villageId && f.Title == title) is { } f ? Counts(f) : null;
        return year with
        {
            Titles = year.Titles.Select(t => figures.TryGetValue((year.Year, t.Title), out var f)
                ? Assess(t.Title, Counts(f), t.Target)
                : t).ToList(),
            Villages = year.Villages.Select(v => v with
            {
                Households = Village(v.VillageId, Title.FamilyLearning) ?? v.Households,
                People = Village(v.VillageId, Title.CitizenLearning) ?? v.People,
            }).ToList(),
            Entered = true,
            Sources = figures.Values.Select(f => f.Source).Distinct().ToList(),
            EnteredByVillage = villages.Select(f => (f.VillageId!.Value, f.Title)).ToHashSet(),
        };
    }

    private static TitleFigures Assess(Title title, SubjectCounts counts, Targets.EffectiveTarget? target)
    {
        var (status, gap) = Figures.Assess(counts, target);
        return new TitleFigures(title, counts, target, status, gap) { Entered = true };
    }

    // A report that gave no registered count leaves Registered at 0 only for the arithmetic; RegisteredKnown says so.
    private static SubjectCounts Counts(PastYearFigure f) =>
        new(f.Total, f.Registered ?? 0, f.Registered ?? f.Recognised, f.Recognised) { RegisteredKnown = f.Registered is not null };

    // Whether a year is one entered from its report: no registration in the app, figures entered.
    public static async Task<bool> IsEnteredAsync(AppDbContext db, int communeId, int year, CancellationToken ct = default) =>
        (await EnteredAsync(db, communeId, [year], ct)).Count > 0;

    // The commune-wide figures of years the app has no registration for.
    private static async Task<Dictionary<(int Year, Title Title), PastYearFigure>> EnteredAsync(AppDbContext db, int communeId, IReadOnlyList<int> years, CancellationToken ct)
    {
        var withData = await db.Set<Registration>().Where(r => r.CommuneId == communeId && years.Contains(r.Year)).Select(r => r.Year).Distinct().ToListAsync(ct);
        var figures = await db.Set<PastYearFigure>().AsNoTracking()
            .Where(f => f.CommuneId == communeId && f.VillageId == null && years.Contains(f.Year) && !withData.Contains(f.Year)).ToListAsync(ct);
        return figures.ToDictionary(f => (f.Year, f.Title));
    }
}
