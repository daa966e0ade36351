using System.Net;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

public sealed class ExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private string Today => app.Today.ToString("yyyy-MM-dd");

    private async Task<List<Line>> ImportAsync(params Line[] lines)
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var preview = await import.PreviewHouseholdsAsync(Households(lines));
        Assert.Empty(preview.Errors);
        await import.CommitAsync(preview);
        return [.. lines];
    }

    private Task<int> VillageIdAsync(string code) => app.WithDbAsync(db => db.Villages.Where(v => v.Code == code).Select(v => v.Id).SingleAsync());

    private async Task<ExcelFile> ExportAsync(string email, Func<RegisterExportService, Task<ExcelFile>> export)
    {
        var (scope, service) = await app.ServiceAsync<RegisterExportService>(email);
        await using var _ = scope;
        return await export(service);
    }

    [Fact]
    public async Task Households_are_exported_one_row_per_person_with_Vietnamese_headers_and_words()
    {
        var head = new Line(Code(), "Thôn Tân Hòa", Name()) { NationalId = NationalId(), Phone = "0912000222" };
        var empty = new Line(Code(), "T02", Name()) { FullName = "", Birth = "", Sex = "", Relation = "", Education = "", Literacy = "",
            Occupation = "", TargetGroup = "", School = "", Status = "" };
        await ImportAsync(head, head.Member("Trần Thị Bé", "Con", "Nữ", "2015") with { School = "Đang đi học" }, empty);

        var file = await ExportAsync(Admin, e => e.HouseholdsAsync(new HouseholdQuery(Search: head.Code)));
        var empties = await ExportAsync(Admin, e => e.HouseholdsAsync(new HouseholdQuery(Search: empty.Code)));

        Assert.Equal($"ho-gia-dinh-{Today}.xlsx", file.FileName);
        var cells = ReadCells(file.Content);
        Assert.Equal(RegisterColumns.Households, cells[0]);
        Assert.Equal(
            [head.Code, "Thôn Tân Hòa", head.Head, "Xóm 1", "0912000222", "Đang cư trú", head.Head, "15/03/1980", "Nam", "Chủ hộ", "THPT",
             "Biết chữ mức 2", "Làm ruộng", "Nông dân, lao động nông thôn", "Không áp dụng", head.NationalId, "Đang cư trú"], cells[1]);
        Assert.Equal(
            [head.Code, "Thôn Tân Hòa", head.Head, "Xóm 1", "0912000222", "Đang cư trú", "Trần Thị Bé", "2015", "Nữ", "Con", "Tiểu học",
             "Biết chữ mức 2", "", "Nông dân, lao động nông thôn", "Đang đi học", "", "Đang cư trú"], cells[2]);
        Assert.Equal(3, cells.Count);
        var emptyRow = Assert.Single(ReadCells(empties.Content).Skip(1));
        Assert.Equal([empty.Code, "Thôn Tân Thành", empty.Head, "Xóm 1", "0912345678", "Đang cư trú", "", "", "", "", "", "", "", "", "", "", ""], emptyRow);
    }

    [Fact]
    public async Task Exports_print_on_A4_one_page_wide_with_the_heading_repeated_and_sheet_names_with_diacritics()
    {
        await ImportAsync(new Line(Code(), "T01", Name()));

        var households = await ExportAsync(Admin, e => e.HouseholdsAsync(new HouseholdQuery()));
        var villages = await ExportAsync(Admin, e => e.VillagesAsync());

        Assert.Equal(["Hộ gia đình"], Documents.WorkbookChecks.AssertPrintSetup(households.Content, 1));
        Assert.Equal(["Thôn"], Documents.WorkbookChecks.AssertPrintSetup(villages.Content, 1));
    }

    [Fact]
    public async Task The_household_export_lists_the_same_households_in_the_same_order_as_the_list()
    {
        var moved = new Line(Code(), "T01", Name()) { HouseholdStatus = "Chuyển đi" };
        await ImportAsync(new Line(Code(), "T01", Name()), moved, new Line(Code(), "T02", Name()), new Line(Code(), "T03", Name()));
        var t01 = await VillageIdAsync("T01");
        var (scope, households) = await app.ServiceAsync<HouseholdService>(Scorer);
        await using var _ = scope;

        foreach (var query in new[]
        {
            new HouseholdQuery("XL"), new HouseholdQuery("XL", t01), new HouseholdQuery("XL", Status: HouseholdStatus.MovedAway),
            new HouseholdQuery("XL", Order: NameOrder.FamilyName), new HouseholdQuery(moved.Head.ToLowerInvariant()),
        })
        {
            var list = await households.ListAsync(query, new PageRequest(PageSize: 1000));
            var file = await ExportAsync(Scorer, e => e.HouseholdsAsync(query));
            Assert.Equal(list.Items.Select(h => h.Code), ReadCells(file.Content).Skip(1).Select(r => r[0]).Distinct());
        }
    }

    [Fact]
    public async Task A_scorer_exports_only_the_households_and_people_of_their_villages()
    {
        var inside = new Line(Code(), "T01", Name());
        var outside = new Line(Code(), "T03", Name());
        await ImportAsync(inside, outside);
        var t03 = await VillageIdAsync("T03");

        var all = ReadCells((await ExportAsync(Scorer, e => e.HouseholdsAsync(new HouseholdQuery("XL")))).Content);
        var other = ReadCells((await ExportAsync(Scorer, e => e.HouseholdsAsync(new HouseholdQuery(VillageId: t03)))).Content);
        var people = ReadCells((await ExportAsync(Scorer, e => e.PeopleAsync(new PersonQuery()))).Content);

        Assert.Contains(all, r => r[0] == inside.Code);
        Assert.DoesNotContain(all, r => r[0] == outside.Code);
        Assert.All(all.Skip(1), r => Assert.Contains(r[1], new[] { "Thôn Tân Hòa", "Thôn Tân Thành" }));
        Assert.Single(other);
        Assert.Contains(people, r => r[0] == inside.Head);
        Assert.DoesNotContain(people, r => r[0] == outside.Head);
        Assert.Equal(RegisterColumns.People, people[0]);
    }

    [Fact]
    public async Task Every_export_and_template_opens_in_Excel_the_OpenXml_validator_finds_no_error()
    {
        await ImportAsync(new Line(Code(), "T01", Name()) { NationalId = NationalId() });
        var files = new List<ExcelFile>
        {
            await ExportAsync(Admin, e => e.HouseholdsAsync(new HouseholdQuery())),
            await ExportAsync(Admin, e => e.HouseholdsAsync(new HouseholdQuery("không có hộ nào như thế"))),
            await ExportAsync(Admin, e => e.PeopleAsync(new PersonQuery())),
            await ExportAsync(Admin, e => e.ClansAsync()),
            await ExportAsync(Admin, e => e.UnitsAsync()),
            await ExportAsync(Admin, e => e.VillagesAsync()),
        };
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            files.Add(await ExportAsync(Admin, e => e.TemplateAsync(kind)));
        }

        Assert.Equal([$"ho-gia-dinh-{Today}.xlsx", $"ho-gia-dinh-{Today}.xlsx", $"nhan-khau-{Today}.xlsx", $"dong-ho-{Today}.xlsx",
            $"don-vi-{Today}.xlsx", $"thon-{Today}.xlsx", "mau-nhap-ho-gia-dinh.xlsx", "mau-nhap-dong-ho.xlsx", "mau-nhap-don-vi.xlsx"],
            files.Select(f => f.FileName));
        Assert.All(files, f => Assert.Empty(ValidationErrors(f.Content)));
    }

    [Fact]
    public async Task Units_and_villages_are_exported_with_their_counts()
    {
        var units = ReadCells((await ExportAsync(Admin, e => e.UnitsAsync(kind: UnitKind.School))).Content);
        var villages = ReadCells((await ExportAsync("xem@camtan.vn", e => e.VillagesAsync())).Content);
        var own = ReadCells((await ExportAsync("donvi@camtan.vn", e => e.UnitsAsync())).Content);

        Assert.Equal(RegisterColumns.Units, units[0]);
        Assert.Equal(["MN", "TH", "THCS"], units.Skip(1).Select(r => r[0]).Order());
        Assert.All(units.Skip(1), r => Assert.Equal("Trường học", r[2]));
        Assert.Equal(["THCS"], own.Skip(1).Select(r => r[0]));
        Assert.Equal(RegisterColumns.Villages, villages[0]);
        Assert.Equal(10, villages.Count - 1);
        Assert.Equal(["T01", "Thôn Tân Hòa", "Có từ trước khi lập sổ"], villages[1][..3]);
    }

    [Fact]
    public async Task The_templates_have_one_example_row_that_the_import_accepts()
    {
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        foreach (var kind in new[] { ImportKind.Households, ImportKind.Units })
        {
            var template = await ExportAsync(Admin, e => e.TemplateAsync(kind));
            Assert.Equal(2, ReadCells(template.Content).Count);
            var preview = await import.PreviewAsync(kind, new MemoryStream(template.Content));
            Assert.True(preview.CanCommit, string.Join(" ", preview.Errors) + preview.FileError);
        }
    }

    [Fact]
    public async Task The_export_endpoints_send_the_file_to_a_signed_in_reader_and_refuse_others()
    {
        var inside = new Line(Code(), "T02", Name());
        var outside = new Line(Code(), "T04", Name());
        await ImportAsync(inside, outside);
        using var anonymous = app.CreateBrowserlikeClient();
        var refused = await anonymous.GetAsync("/xuat/ho-gia-dinh");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/dang-nhap", refused.LocationPath());

        using var scorer = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(scorer, Scorer, AppFactory.DemoPassword);
        var response = await scorer.GetAsync($"/xuat/ho-gia-dinh?search=XL&status=Resident&order=FamilyName");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"ho-gia-dinh-{Today}.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var rows = ReadCells(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(rows, r => r[0] == inside.Code);
        Assert.DoesNotContain(rows, r => r[0] == outside.Code);
        foreach (var url in new[] { "/xuat/nhan-khau?group=FarmersAndRuralWorkers", "/xuat/dong-ho", "/xuat/don-vi?kind=School", "/xuat/thon", "/mau-excel/ho-gia-dinh" })
        {
            Assert.Equal(HttpStatusCode.OK, (await scorer.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await scorer.GetAsync("/mau-excel/khong-co")).StatusCode);

        using var unitReporter = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(unitReporter, "donvi@camtan.vn", AppFactory.DemoPassword);
        var forbidden = await unitReporter.GetAsync("/xuat/ho-gia-dinh");
        Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        Assert.StartsWith("/khong-co-quyen", forbidden.LocationPath());
    }

    [Fact]
    public void Export_links_carry_the_filters_shown_on_screen()
    {
        Assert.Equal("/xuat/ho-gia-dinh?search=Nguy%E1%BB%85n%20An&villageId=3&status=MovedAway&order=FamilyName",
            RegisterExcelEndpoints.HouseholdsUrl(new HouseholdQuery("Nguyễn An", 3, HouseholdStatus.MovedAway, NameOrder.FamilyName)));
        Assert.Equal("/xuat/nhan-khau?group=OfficialsAndIntellectuals&order=GivenName",
            RegisterExcelEndpoints.PeopleUrl(new PersonQuery(TargetGroup: CitizenGroup.OfficialsAndIntellectuals)));
        Assert.Equal("/xuat/don-vi?kind=School", RegisterExcelEndpoints.UnitsUrl(" ", UnitKind.School));
        Assert.Equal("/mau-excel/dong-ho", RegisterExcelEndpoints.TemplateUrl(ImportKind.Clans));
    }
}
