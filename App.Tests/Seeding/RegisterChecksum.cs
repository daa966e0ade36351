using System.Security.Cryptography;
using System.Text;
using HocTapSuotDoi.Data;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Tests.Seeding;

// A fingerprint of the registers' content: every row in a stable order, without ids and audit stamps, which differ
// between two databases even when the data is the same.
public static class RegisterChecksum
{
    public static async Task<string> ComputeAsync(AppDbContext db)
    {
        var text = new StringBuilder();
        var villages = await db.Villages.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Code);
        var households = await db.Households.AsNoTracking().OrderBy(h => h.Code).ToListAsync();
        var codes = households.ToDictionary(h => h.Id, h => h.Code);
        foreach (var h in households)
        {
            text.AppendLine(string.Join('|', h.Code, villages[h.VillageId], h.HeadName, h.HeadNameSearch, h.HeadNameSort, h.HeadGivenNameSort,
                h.Address, h.Phone, h.Status, h.StatusDate, h.Note));
        }
        var people = (await db.People.AsNoTracking().ToListAsync()).OrderBy(p => codes[p.HouseholdId], StringComparer.Ordinal).ThenBy(p => p.SortOrder);
        foreach (var p in people)
        {
            text.AppendLine(string.Join('|', codes[p.HouseholdId], p.SortOrder, p.FullName, p.FullNameSearch, p.FullNameSort, p.GivenNameSort,
                p.BirthDate, p.BirthYear, p.Sex, p.Relation, p.Education, p.Literacy, p.Occupation, p.TargetGroup, p.School, p.NationalId,
                p.Status, p.StatusDate));
        }
        foreach (var c in await db.Clans.AsNoTracking().Include(c => c.Members).OrderBy(c => c.Name).ToListAsync())
        {
            var members = c.Members.Select(m => codes[m.HouseholdId]).Order(StringComparer.Ordinal);
            text.AppendLine(string.Join('|', c.Name, c.NameSearch, c.HeadName, c.Phone, c.Note, string.Join(',', members)));
        }
        foreach (var u in await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync())
        {
            text.AppendLine(string.Join('|', u.Code, u.Name, u.NameSearch, u.Kind, u.HeadName, u.Email, u.Phone, u.StaffCount,
                u.VillageId is { } v ? villages[v] : ""));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
