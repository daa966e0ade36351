using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Criteria;

// Puts the shipped library (DOMAIN.md §4) in the database once; a set already there, edited or not, is left alone.
// TT 24/2023 (levels, for district and provincial units) ships as a draft: commune units use TT 22/2020.
public sealed class CriteriaLibrarySeeder(AppDbContext db)
{
    public static string KeyOf(CriteriaSetDefinition set) => $"{set.Title}:{set.LegalBasis.Number}";

    public async Task SeedAsync()
    {
        var existing = await db.Set<CriteriaSet>().Where(s => s.ShippedKey != null).Select(s => s.ShippedKey!).ToListAsync();
        foreach (var definition in ShippedCriteriaSets.All.Where(d => !existing.Contains(KeyOf(d))))
        {
            var set = new CriteriaSet
            {
                Name = "", DefinitionJson = "", ShippedKey = KeyOf(definition),
                Status = definition.LegalBasis.Number.StartsWith("24/2023") ? CriteriaSetStatus.Draft : CriteriaSetStatus.Active,
            };
            CriteriaSetService.Apply(set, definition);
            db.Add(set);
        }
        await db.SaveChangesAsync();
    }
}
