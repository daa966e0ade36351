using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Registers.Excel;

internal sealed record VillageRef(int Id, string Code, string Name, DateOnly? ActiveFrom = null);

// What the database already holds that an import must not duplicate, read once per preview and again in the commit's
// transaction (the register may have changed in between).
internal sealed class RegisterSnapshot
{
    public IReadOnlyList<VillageRef> Villages { get; private init; } = [];
    public HashSet<string> HouseholdCodes { get; private init; } = [];
    // Resident households by village and head's SearchKey: the same name, or a name that differs only in diacritics.
    public Dictionary<(int VillageId, string HeadKey), List<SimilarHousehold>> ResidentHeads { get; private init; } = [];
    public HashSet<string> NationalIds { get; private init; } = [];
    public Dictionary<string, int> HouseholdIds { get; private init; } = [];
    public HashSet<string> ClanNames { get; private init; } = [];
    public HashSet<string> UnitCodes { get; private init; } = [];

    // A village by its name or its code, ignoring case and diacritics ("thon tan hoa", "T01").
    public VillageRef? FindVillage(string text)
    {
        _villageKeys ??= Villages.Select(v => (Key: VietnameseText.SearchKey(v.Code), Village: v))
            .Concat(Villages.Select(v => (Key: VietnameseText.SearchKey(v.Name), Village: v)))
            .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Village);
        return _villageKeys.GetValueOrDefault(VietnameseText.SearchKey(text));
    }

    private Dictionary<string, VillageRef>? _villageKeys;

    public static async Task<RegisterSnapshot> LoadAsync(AppDbContext db, int communeId, ImportKind kind, CancellationToken ct)
    {
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == communeId).OrderBy(v => v.SortOrder)
            .Select(v => new VillageRef(v.Id, v.Code, v.Name, v.ActiveFrom)).ToListAsync(ct);
        var households = db.Households.AsNoTracking().Where(h => h.CommuneId == communeId);
        return kind switch
        {
            ImportKind.Households => new RegisterSnapshot
            {
                Villages = villages,
                HouseholdCodes = (await households.Select(h => h.Code).ToListAsync(ct)).ToHashSet(),
                ResidentHeads = (await households.Where(h => h.Status == HouseholdStatus.Resident).OrderBy(h => h.Code)
                        .Select(h => new { h.VillageId, h.HeadNameSearch, h.Code, h.HeadName }).ToListAsync(ct))
                    .GroupBy(h => (h.VillageId, h.HeadNameSearch))
                    .ToDictionary(g => g.Key, g => g.Select(h => new SimilarHousehold(h.Code, h.HeadName)).ToList()),
                // National IDs are unique in the whole database (a unique index), not only in the commune.
                NationalIds = (await db.People.AsNoTracking().Where(p => p.NationalId != null).Select(p => p.NationalId!).ToListAsync(ct)).ToHashSet(),
            },
            ImportKind.Clans => new RegisterSnapshot
            {
                Villages = villages,
                HouseholdIds = await households.ToDictionaryAsync(h => h.Code, h => h.Id, ct),
                ClanNames = (await db.Clans.AsNoTracking().Where(c => c.CommuneId == communeId).Select(c => c.NameSearch).ToListAsync(ct)).ToHashSet(),
            },
            _ => new RegisterSnapshot
            {
                Villages = villages,
                UnitCodes = (await db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).Select(u => u.Code).ToListAsync(ct)).ToHashSet(),
            },
        };
    }
}
