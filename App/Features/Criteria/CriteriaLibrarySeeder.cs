using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Criteria;

// Puts the shipped library (DOMAIN.md §4) in the database once; a set already there, edited or not, is left alone.
// Đơn vị học tập: units run by the commune use QĐ 448/QĐ-KHVN part D (active); TT 22/2020 and TT 24/2023 are for
// district and provincial units and ship as drafts (DOMAIN.md §4.8). A set is added active only when no other set of its
// title is active for an overlapping span of years, so an existing database never ends with two active sets of a title.
public sealed class CriteriaLibrarySeeder(AppDbContext db)
{
    public static string KeyOf(CriteriaSetDefinition set) => $"{set.Title}:{set.LegalBasis.Number}";

    /// <summary>The shipped sets that start active; the others start as drafts the administrator may activate.</summary>
    public static bool ActiveByDefault(CriteriaSetDefinition set) =>
        set.Title != Title.UnitLearning || set.LegalBasis.Number.StartsWith("448/", StringComparison.Ordinal);

    public async Task SeedAsync()
    {
        var existing = await db.Set<CriteriaSet>().Where(s => s.ShippedKey != null).Select(s => s.ShippedKey!).ToListAsync();
        var active = await db.Set<CriteriaSet>().Where(s => s.Status == CriteriaSetStatus.Active)
            .Select(s => new Span(s.Title, s.FromYear, s.ToYear)).ToListAsync();
        foreach (var definition in ShippedCriteriaSets.All.Where(d => !existing.Contains(KeyOf(d))))
        {
            var activate = ActiveByDefault(definition) && !active.Any(a => a.Title == definition.Title
                && a.FromYear <= (definition.ToYear ?? int.MaxValue) && (a.ToYear == null || a.ToYear >= definition.FromYear));
            var set = new CriteriaSet
            {
                Name = "", DefinitionJson = "", ShippedKey = KeyOf(definition),
                Status = activate ? CriteriaSetStatus.Active : CriteriaSetStatus.Draft,
            };
            CriteriaSetService.Apply(set, definition);
            db.Add(set);
            if (activate)
            {
                active.Add(new Span(definition.Title, definition.FromYear, definition.ToYear));
            }
        }
        await db.SaveChangesAsync();
    }

    private sealed record Span(Title Title, int FromYear, int? ToYear);
}
