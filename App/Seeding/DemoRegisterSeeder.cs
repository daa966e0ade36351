using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Seeding;

// The demo commune's registers (DemoData:Enabled): about 2,000 households with 7,000 people, and 30 clans whose
// households live in several villages. Idempotent: a commune that already has households gets none.
public sealed class DemoRegisterSeeder(AppDbContext db)
{
    public const int DemoPeople = 7_000;

    public async Task SeedAsync(Commune commune, IReadOnlyList<Village> villages, CancellationToken ct = default)
    {
        if (await db.Households.AnyAsync(h => h.CommuneId == commune.Id, ct))
        {
            return;
        }
        var register = new RegisterGenerator().Generate(commune.Id, villages, DemoPeople);
        await WriteAsync(db, register, "Dữ liệu mẫu", ct);
    }

    // Writes a generated register in one transaction, fast (BulkInsert: no change tracking, no line per row in the
    // change log), and records one summary line in the change log instead. 7,000 people take well under a second.
    public static async Task WriteAsync(AppDbContext db, GeneratedRegister register, string source, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        BulkInsert.Insert(db, register.Households, ct);
        foreach (var household in register.Households)
        {
            household.Members.ForEach(p => p.HouseholdId = household.Id);
        }
        BulkInsert.Insert(db, register.Households.SelectMany(h => h.Members).ToList(), ct);
        BulkInsert.Insert(db, register.Clans.Select(c => c.Clan).ToList(), ct);
        BulkInsert.Insert(db, register.Clans
            .SelectMany(c => c.Households.Select(h => new ClanMember { ClanId = c.Clan.Id, HouseholdId = h.Id })).ToList(), ct);

        var communeId = register.Households.FirstOrDefault()?.CommuneId ?? register.Clans.FirstOrDefault()?.Clan.CommuneId ?? 0;
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Commune),
            EntityId = communeId.ToString(CultureInfo.InvariantCulture),
            Action = "Thêm",
            Changes = string.Create(AppServices.Vietnamese, $"{source}: {register.Households.Count:N0} hộ, {register.People:N0} nhân khẩu, {register.Clans.Count} dòng họ."),
            By = db.Actor,
            AtUtc = db.Clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
