using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Units;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// The import template is the export format: what one commune exports, another (empty) database imports, and its
// export is the same, cell for cell.
public sealed class RoundTripTests(AppFactory source) : IClassFixture<AppFactory>
{
    private const string Search = "thu nghiem";

    [Fact]
    public async Task An_export_imported_into_an_empty_database_exports_the_same_cells()
    {
        await EnterRegisterAsync();
        var exported = await ExportAsync(source);

        using var target = new AppFactory();
        var (scope, import) = await target.ServiceAsync<RegisterImportService>(Admin);
        await using (scope)
        {
            foreach (var (kind, file) in new[] { ImportKind.Households, ImportKind.Clans, ImportKind.Units }.Zip(exported))
            {
                var preview = await import.PreviewAsync(kind, new MemoryStream(file));
                Assert.True(preview.CanCommit, string.Join("\n", preview.Errors) + preview.FileError);
                await import.CommitAsync(preview);
            }
        }
        var again = await ExportAsync(target);

        Assert.Equal(7, ReadCells(exported[0]).Count);
        Assert.Equal(3, ReadCells(exported[1]).Count);
        Assert.Equal(3, ReadCells(exported[2]).Count);
        for (var i = 0; i < exported.Count; i++)
        {
            Assert.Equal(ReadCells(exported[i]), ReadCells(again[i]));
        }
    }

    private static async Task<List<byte[]>> ExportAsync(AppFactory app)
    {
        var (scope, export) = await app.ServiceAsync<RegisterExportService>(Admin);
        await using var _ = scope;
        return
        [
            (await export.HouseholdsAsync(new HouseholdQuery("XL"))).Content,
            (await export.ClansAsync(Search)).Content,
            (await export.UnitsAsync(Search)).Content,
        ];
    }

    // A small register entered through the ordinary forms (services), as a person would.
    private async Task EnterRegisterAsync()
    {
        await using var scope = await source.AsUserAsync(Admin);
        var households = scope.ServiceProvider.GetRequiredService<HouseholdService>();
        var villages = await source.WithDbAsync(db => db.Villages.ToDictionaryAsync(v => v.Code, v => v.Id));

        var first = await households.SaveAsync(new HouseholdForm { Code = Code(), VillageId = villages["T01"], HeadName = "Nguyễn Văn Thử",
            Address = "Xóm 3, Thôn Tân Hòa", Phone = "0912 345 678", Note = "Hộ nghèo" });
        await households.SavePersonAsync(Person(first, "Nguyễn Văn Thử", Relation.Head, Sex.Male, new DateTime(1975, 5, 20), nationalId: NationalId()));
        await households.SavePersonAsync(Person(first, "Lê Thị Ánh", Relation.Spouse, Sex.Female, year: 1978, change: p => p.Occupation = "Buôn bán"));
        await households.SavePersonAsync(Person(first, "Nguyễn Thị Ánh Dương", Relation.Child, Sex.Female, new DateTime(2010, 1, 2), change: p =>
            (p.School, p.Education, p.TargetGroup) = (SchoolAttendance.Attending, EducationLevel.LowerSecondary, CitizenGroup.None)));
        var grandfather = await households.SavePersonAsync(Person(first, "Nguyễn Văn Cụ", Relation.Parent, Sex.Male, year: 1940, change: p =>
            (p.Literacy, p.Education) = (Literacy.Illiterate, EducationLevel.None)));
        await households.ChangePersonStatusAsync(new StatusForm { Id = grandfather, Version = 1, Status = (int)PersonStatus.Deceased, Date = new DateTime(2024, 3, 1) });

        var second = await households.SaveAsync(new HouseholdForm { Code = Code(), VillageId = villages["T05"], HeadName = "Đặng Thị Bích" });
        await households.SavePersonAsync(Person(second, "Đặng Thị Bích", Relation.Head, Sex.Female, new DateTime(1990, 12, 31), change: p =>
            (p.TargetGroup, p.Education, p.Occupation) = (CitizenGroup.IndustrialAndCraftWorkers, EducationLevel.University, "Công nhân may")));
        var version = (await households.GetAsync(second)).Form.Version;
        await households.ChangeStatusAsync(new StatusForm { Id = second, Version = version, Status = (int)HouseholdStatus.MovedAway, Date = new DateTime(2025, 6, 1) });
        var third = await households.SaveAsync(new HouseholdForm { Code = Code(), VillageId = villages["T10"], HeadName = "Âu Văn Ất" });

        var clans = scope.ServiceProvider.GetRequiredService<ClanService>();
        await clans.SaveAsync(new ClanForm { Name = "Họ Nguyễn Thử Nghiệm", HeadName = "Nguyễn Văn Thử", Phone = "0987000111", Note = "Giỗ tổ tháng Ba",
            HouseholdIds = [first, third] });
        await clans.SaveAsync(new ClanForm { Name = "Họ Đặng Thử Nghiệm", HeadName = "Đặng Văn Trưởng", HouseholdIds = [second] });

        var units = scope.ServiceProvider.GetRequiredService<UnitService>();
        await units.SaveAsync(new UnitForm { Code = "TN-1", Name = "Tổ thử nghiệm một", Kind = UnitKind.Other, HeadName = "Lý Văn Một",
            Email = "to1@example.vn", Phone = "0912111222", StaffCount = 12, VillageId = villages["T02"] });
        await units.SaveAsync(new UnitForm { Code = "TN-2", Name = "Câu lạc bộ thử nghiệm", Kind = UnitKind.MassOrganisation, StaffCount = 0 });
    }

    private static PersonForm Person(int householdId, string name, Relation relation, Sex sex, DateTime? date = null, int? year = null,
        string nationalId = "", Action<PersonForm>? change = null)
    {
        var form = new PersonForm
        {
            HouseholdId = householdId, FullName = name, Relation = relation, Sex = sex, BirthDate = date, BirthYear = year, NationalId = nationalId,
            Education = EducationLevel.UpperSecondary, Literacy = Literacy.Level2, TargetGroup = CitizenGroup.FarmersAndRuralWorkers,
        };
        change?.Invoke(form);
        return form;
    }
}
