using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Tests.Features.Criteria;

/// <summary>The shipped library in an empty database, and in one seeded before QĐ 448 part D was shipped.</summary>
public sealed class CriteriaLibrarySeederTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private AppDbContext _db = null!;

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static readonly string Qd448Unit = CriteriaLibrarySeeder.KeyOf(ShippedCriteriaSets.UnitLearningQd448);

    [Theory]
    [InlineData(2016)]
    [InlineData(2020)]
    [InlineData(2024)]
    [InlineData(2026)]
    public async Task Commune_units_are_scored_with_QD_448_part_D_in_every_year(int year)
    {
        await new CriteriaLibrarySeeder(_db).SeedAsync();

        var active = await CriteriaSetService.ActiveForAsync(_db, Title.UnitLearning, year);

        Assert.Equal(Qd448Unit, active!.ShippedKey);
        Assert.Equal("448/QĐ-KHVN", active.LegalBasisNumber);
        Assert.Equal(ShippedCriteriaSets.UnitLearningQd448, CriteriaSetJson.Deserialize(active.DefinitionJson));
    }

    [Fact]
    public async Task TT_22_and_TT_24_stay_in_the_library_as_drafts_and_each_title_has_one_active_set()
    {
        await new CriteriaLibrarySeeder(_db).SeedAsync();

        var sets = await _db.Set<CriteriaSet>().AsNoTracking().ToListAsync();
        Assert.Equal(ShippedCriteriaSets.All.Count, sets.Count);
        Assert.Equal(CriteriaSetStatus.Draft, sets.Single(s => s.LegalBasisNumber == "22/2020/TT-BGDĐT").Status);
        Assert.Equal(CriteriaSetStatus.Draft, sets.Single(s => s.LegalBasisNumber == "24/2023/TT-BGDĐT").Status);
        Assert.All(Enum.GetValues<Title>(), t => Assert.Single(sets, s => s.Title == t && s.Status == CriteriaSetStatus.Active));
        foreach (var title in Enum.GetValues<Title>())
        {
            Assert.NotNull(await CriteriaSetService.ActiveForAsync(_db, title, 2026));
        }
    }

    [Fact]
    public async Task A_database_already_using_TT_22_gets_part_D_as_a_draft_and_keeps_one_active_set()
    {
        var tt22 = new CriteriaSet { Name = "", DefinitionJson = "", Status = CriteriaSetStatus.Active, ShippedKey = CriteriaLibrarySeeder.KeyOf(ShippedCriteriaSets.UnitLearningTt22) };
        CriteriaSetService.Apply(tt22, ShippedCriteriaSets.UnitLearningTt22);
        _db.Add(tt22);
        await _db.SaveChangesAsync();

        await new CriteriaLibrarySeeder(_db).SeedAsync();

        var partD = await _db.Set<CriteriaSet>().AsNoTracking().SingleAsync(s => s.ShippedKey == Qd448Unit);
        Assert.Equal(CriteriaSetStatus.Draft, partD.Status);
        Assert.Equal(tt22.Id, (await CriteriaSetService.ActiveForAsync(_db, Title.UnitLearning, 2024))!.Id);
        Assert.Equal(1, await _db.Set<CriteriaSet>().CountAsync(s => s.Title == Title.UnitLearning && s.Status == CriteriaSetStatus.Active));
    }
}
