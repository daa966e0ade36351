namespace HocTapSuotDoi.Features.Targets;

// The national targets of DOMAIN.md §5, as data. Phase 1 (2023–2025) aims at the 2025 figure, phase 2 (2026–2030) at
// the 2030 figure. Figures marked [V] there are seeded unchecked; the 2030 figure for all citizens is not published,
// so none is invented. Idempotent: a row is added only when no national row exists for its indicator and first year.
public sealed class NationalTargetsSeeder(AppDbContext db)
{
    public const string Qd387 = "QĐ 387/QĐ-TTg (25/03/2022)";
    private static readonly string[] OldQd387Sources = ["QĐ 387/QĐ-TTg (2022)", "QĐ 387/QĐ-BGDĐT (2022)", "QĐ 387/QĐ-BGDĐT"];

    public static readonly IReadOnlyList<(TargetIndicator Indicator, int FromYear, int ToYear, int PercentTenths, string Source, bool Checked)> Defaults =
    [
        (TargetIndicator.FamilyLearningHouseholds, 2023, 2025, 700, Qd387, true),
        (TargetIndicator.FamilyLearningHouseholds, 2026, 2030, 800, Qd387, false),
        (TargetIndicator.ClanLearningClans, 2023, 2025, 650, Qd387, true),
        (TargetIndicator.ClanLearningClans, 2026, 2030, 750, Qd387, false),
        (TargetIndicator.VillageCommunityVillages, 2023, 2025, 650, Qd387, true),
        (TargetIndicator.VillageCommunityVillages, 2026, 2030, 750, Qd387, false),
        (TargetIndicator.UnitLearningUnits, 2023, 2025, 800, Qd387, true),
        (TargetIndicator.UnitLearningUnits, 2026, 2030, 900, Qd387, false),
        (TargetIndicator.CitizenLearningAdultsInModels, 2023, 2025, 400, "QĐ 677/QĐ-TTg (2022)", true),
        (TargetIndicator.CitizenLearningAdultsInModels, 2026, 2030, 600, "QĐ 677/QĐ-TTg (2022)", true),
        (TargetIndicator.CitizenLearningUnitStaff, 2023, 2025, 600, "QĐ 677/QĐ-TTg (2022)", true),
        (TargetIndicator.CitizenLearningUnitStaff, 2026, 2030, 800, "QĐ 677/QĐ-TTg (2022)", true),
        (TargetIndicator.CitizenLearningCitizens, 2023, 2025, 400, "QĐ 1373/QĐ-TTg (2021)", true),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var existing = await db.Set<Target>().Where(t => t.Level == TargetLevel.National)
            .Select(t => new { t.Indicator, t.FromYear }).ToListAsync(ct);
        foreach (var d in Defaults.Where(d => !existing.Any(e => e.Indicator == d.Indicator && e.FromYear == d.FromYear)))
        {
            db.Add(new Target
            {
                Level = TargetLevel.National, Indicator = d.Indicator, FromYear = d.FromYear, ToYear = d.ToYear,
                PercentTenths = d.PercentTenths, Source = d.Source, Checked = d.Checked,
            });
        }
        // Rows seeded before the source named the decision's date (a Prime Minister's decision, not a ministry's).
        foreach (var old in await db.Set<Target>().Where(t => t.Level == TargetLevel.National && OldQd387Sources.Contains(t.Source)).ToListAsync(ct))
        {
            old.Source = Qd387;
        }
        await db.SaveChangesAsync(ct);
    }
}
