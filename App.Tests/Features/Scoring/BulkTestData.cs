using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// Villages, households and scored sheets in thousands, written through the app's BulkInsert (one prepared INSERT per table).
public static class BulkTestData
{
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] Middles = ["Văn", "Thị", "Đức", "Minh", "Ngọc"];
    private static readonly string[] Givens = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hạnh", "Hòa", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quý", "Sơn", "Thảo", "Uyên", "Vinh", "Xuân", "Yến"];

    // 1.000 different names: the given name changes first, then the family name, then the middle name.
    public static string Name(int i) => $"{Families[i / Givens.Length % Families.Length]} {Middles[i / (Givens.Length * Families.Length) % Middles.Length]} {Givens[i % Givens.Length]}";

    public static async Task<int> AddVillageAsync(this AppFactory app, string code, string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Villages.Where(v => v.Code == "T01").Select(v => v.CommuneId).SingleAsync();
        var village = new Village { CommuneId = commune, Code = code, Name = name, SortOrder = 100 };
        db.Villages.Add(village);
        await db.SaveChangesAsync();
        return village.Id;
    }

    /// <returns>The new households' ids, in the order of <paramref name="statuses"/>.</returns>
    public static async Task<List<int>> AddHouseholdsAsync(this AppFactory app, int villageId, IReadOnlyList<HouseholdStatus> statuses, Func<int, string>? head = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var village = await db.Villages.AsNoTracking().SingleAsync(v => v.Id == villageId);
        var households = statuses.Select((status, i) =>
        {
            var name = (head ?? Name)(i);
            return new Household
            {
                CommuneId = village.CommuneId, VillageId = villageId, Code = $"{village.Code}-{i + 1:0000}", HeadName = name,
                HeadNameSearch = VietnameseText.SearchKey(name), HeadNameSort = VietnameseText.SortKey(name),
                HeadGivenNameSort = VietnameseText.GivenNameSortKey(name), Address = "Xóm 1", Status = status,
            };
        }).ToList();
        db.Actor = "dữ liệu kiểm thử";
        await using var transaction = await db.Database.BeginTransactionAsync();
        BulkInsert.Insert(db, households);
        await transaction.CommitAsync();
        return households.Select(h => h.Id).ToList();
    }

    public static Task<List<int>> AddHouseholdsAsync(this AppFactory app, int villageId, int count, Func<int, string>? head = null) =>
        app.AddHouseholdsAsync(villageId, Enumerable.Repeat(HouseholdStatus.Resident, count).ToList(), head);

    /// <summary>Registers the households for GĐHT and gives each a sheet already scored: status, total and verdict as given.</summary>
    /// <returns>The evaluations' ids, in the order of <paramref name="sheets"/>.</returns>
    public static async Task<List<int>> AddSheetsAsync(this AppFactory app, int year, IReadOnlyList<(int HouseholdId, EvaluationStatus Status, bool Meets, int TotalTenths)> sheets)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = sheets.Select(s => s.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id);
        db.Actor = "dữ liệu kiểm thử";
        await using var transaction = await db.Database.BeginTransactionAsync();
        var registrations = sheets.Select(s =>
        {
            var h = households[s.HouseholdId];
            var name = $"Hộ {h.HeadName} ({h.Code})";
            return new Registration
            {
                CommuneId = h.CommuneId, Year = year, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household, SubjectId = h.Id,
                VillageId = h.VillageId, SubjectName = name, SubjectSearch = VietnameseText.SearchKey(name), RegisteredOn = new DateOnly(year, 2, 1),
            };
        }).ToList();
        BulkInsert.Insert(db, registrations);
        await transaction.CommitAsync();
        return await app.AddEvaluationsAsync(sheets.Select((s, i) => (registrations[i].Id, s.Status, s.Meets, s.TotalTenths)).ToList());
    }

    /// <summary>Sheets for registrations that have none yet, already scored: status, total and verdict as given.</summary>
    public static async Task<List<int>> AddEvaluationsAsync(this AppFactory app, IReadOnlyList<(int RegistrationId, EvaluationStatus Status, bool Meets, int TotalTenths)> sheets)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var firstId = sheets[0].RegistrationId;
        var year = await db.Set<Registration>().Where(r => r.Id == firstId).Select(r => r.Year).SingleAsync();
        var set = await CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, year) ?? throw new InvalidOperationException("no GĐHT set");
        db.Actor = "dữ liệu kiểm thử";
        await using var transaction = await db.Database.BeginTransactionAsync();
        var evaluations = sheets.Select(s => new Evaluation
        {
            RegistrationId = s.RegistrationId, CriteriaSetId = set.Id, Status = s.Status, TotalTenths = s.TotalTenths, MeetsCriteria = s.Meets, Rating = "",
        }).ToList();
        BulkInsert.Insert(db, evaluations);
        await transaction.CommitAsync();
        return evaluations.Select(e => e.Id).ToList();
    }
}
