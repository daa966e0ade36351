using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;

public sealed class ResultsImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly int Year = AppFactory.ClockStart.Year;
    private const string Admin = "admin@camtan.vn";

    private async Task<T> As<T>(string email, Func<ResultsImportService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<ResultsImportService>());
    }

    private Task<ResultsPreview> PreviewAsync(string email, Stream file, Title title = Title.FamilyLearning, string name = "ket-qua-thon.xlsx") =>
        As(email, s => s.PreviewAsync(title, Year, file, name));

    // A village of households registered for GĐHT without sheets; the template of that village, read back.
    private async Task<(int Village, List<int> Registrations, IReadOnlyList<string> Headers, List<Dictionary<string, object?>> Rows)> VillageAsync(string code, int count)
    {
        var village = await app.AddVillageAsync(code, "Thôn " + code);
        var registrations = await app.RegisterAsync(Year, await app.AddHouseholdsAsync(village, count));
        var template = await As(Admin, s => s.TemplateAsync(Title.FamilyLearning, Year, [village]));
        return (village, registrations, ResultsFiles.Headers(template.Content), ResultsFiles.Read(template.Content));
    }

    private async Task<Dictionary<int, Evaluation>> SheetsAsync(IEnumerable<int> registrations)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = registrations.ToList();
        return await db.Set<Evaluation>().AsNoTracking().Where(e => ids.Contains(e.RegistrationId)).ToDictionaryAsync(e => e.RegistrationId);
    }

    private async Task<List<EvaluationAudit>> AuditAsync(IEnumerable<int> evaluations)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = evaluations.ToList();
        return await db.Set<EvaluationAudit>().AsNoTracking().Where(a => ids.Contains(a.EvaluationId)).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Template_has_one_row_per_registered_household_of_the_chosen_village_and_one_column_per_item()
    {
        var (village, registrations, headers, rows) = await VillageAsync("KQ1", 4);
        await app.AddHouseholdsAsync(await app.AddVillageAsync("KQ9", "Thôn khác"), 2);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["Mã", "Đối tượng", "Thôn"], headers.Take(3));
        Assert.Equal("Ghi chú của người chấm", headers[^1]);
        Assert.Equal(13 + 4, headers.Count);
        Assert.Equal("1.1 Trẻ em trong độ tuổi giáo dục bắt buộc đều được… (Đạt/Chưa đạt)", headers[3]);
        Assert.StartsWith("1.2 Kết quả học tập của trẻ em từ trung bình trở lên", headers[4]);
        Assert.EndsWith("(0–10, bước 0,5)", headers[4]);
        Assert.Equal(("KQ1-0001", "Thôn KQ1"), ((string)rows[0]["Mã"]!, (string)rows[0]["Thôn"]!));
        Assert.StartsWith("Hộ ", (string)rows[0]["Đối tượng"]!);

        // A draft already begun is pre-filled with its values.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var set = await HocTapSuotDoi.Features.Criteria.CriteriaSetService.ActiveForAsync(db, Title.FamilyLearning, Year);
            db.Actor = "dữ liệu kiểm thử";
            db.Add(new Evaluation { RegistrationId = registrations[1], CriteriaSetId = set!.Id, AnswersJson = """{"items":{"1.2":{"scoreTenths":75},"1.1":{"met":true}}}""" });
            await db.SaveChangesAsync();
        }
        var template = await As(Admin, s => s.TemplateAsync(Title.FamilyLearning, Year, [village]));
        var second = ResultsFiles.Read(template.Content)[1];
        Assert.Equal((7.5, "Đạt"), (Convert.ToDouble(second[headers[4]]), (string)second[headers[3]]!));

        // A real .xlsx: valid, header frozen, widths set, subject columns locked and score columns open.
        using var document = SpreadsheetDocument.Open(new MemoryStream(template.Content), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        Assert.Equal(headers.Count, sheet.Descendants<Column>().Count());
        Assert.True(sheet.Descendants<SheetProtection>().Single().Sheet!.Value);
        Assert.Equal("ket-qua-gdht-" + Year + ".xlsx", template.FileName.Replace("gia-dinh-hoc-tap", "gdht"));
    }

    [Fact]
    public async Task Every_bad_row_is_named_in_Vietnamese_with_row_subject_and_item_and_nothing_is_written()
    {
        var (_, registrations, headers, rows) = await VillageAsync("KQ2", 6);
        var other = await app.AddHouseholdsAsync(await app.AddVillageAsync("KQ3", "Thôn KQ3"), 1);
        rows.ForEach(r => ResultsFiles.Score(r, headers));
        var name = (string)rows[0]["Đối tượng"]!;
        rows[0][ResultsFiles.Item(headers, "1.2")] = 12;
        rows[1][ResultsFiles.Item(headers, "2.1")] = "7,3";
        rows[2][ResultsFiles.Item(headers, "3.1")] = "nhiều";
        rows[3][ResultsFiles.Item(headers, "1.1")] = "Có";
        rows[4][ResultsFiles.Item(headers, "4.3")] = null;
        rows.Add(new() { ["Mã"] = "KQ3-0001" });
        ResultsFiles.Score(rows[^1], headers);
        rows.Add(new() { ["Mã"] = "XX-9999" });
        ResultsFiles.Score(rows[^1], headers);
        rows.Add(new() { ["Mã"] = "KQ2-0006" });
        ResultsFiles.Score(rows[^1], headers);

        var preview = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows));
        Assert.False(preview.CanWrite);
        Assert.Equal(
        [
            $"Dòng 2, hộ {name[3..]}, tiêu chí 1.2: điểm 12 vượt quá tối đa 10.",
            $"Dòng 3, hộ {((string)rows[1]["Đối tượng"]!)[3..]}, tiêu chí 2.1: điểm 7,3 không đúng bước 0,5 (chọn 7 hoặc 7,5).",
            $"Dòng 4, hộ {((string)rows[2]["Đối tượng"]!)[3..]}, tiêu chí 3.1: “nhiều” không phải là số.",
            $"Dòng 5, hộ {((string)rows[3]["Đối tượng"]!)[3..]}, tiêu chí 1.1: “Có” không phải \"Đạt\" hoặc \"Chưa đạt\".",
            $"Dòng 6, hộ {((string)rows[4]["Đối tượng"]!)[3..]}: chưa chấm tiêu chí 4.3; hồ sơ \"Đã chấm\" phải có đủ điểm.",
            $"Dòng 8, mã KQ3-0001: đối tượng chưa đăng ký danh hiệu Gia đình học tập năm {Year}.",
            "Dòng 9: không có đối tượng mã XX-9999 trong sổ của xã.",
            $"Dòng 10, hộ {((string)rows.First(r => (string?)r["Mã"] == "KQ2-0006")["Đối tượng"]!)[3..]}: mã KQ2-0006 đã có ở dòng {2 + rows.FindIndex(r => (string?)r["Mã"] == "KQ2-0006")}; mỗi đối tượng chỉ một dòng.",
        ], preview.Errors);
        Assert.Single(other);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => As(Admin, s => s.WriteAsync(preview)));
        Assert.Equal("Tệp còn lỗi: chưa ghi gì. Hãy sửa tệp rồi tải lên lại.", refused.Message);
        Assert.Empty(await SheetsAsync(registrations));

        // A scorer of Tân Hòa and Tân Thành may not score this village's households.
        var scorer = await PreviewAsync("canbo@camtan.vn", ResultsFiles.Write(headers, rows.Skip(5).Take(1)));
        Assert.Equal($"Dòng 2, hộ {((string)rows[5]["Đối tượng"]!)[3..]}: không thuộc phạm vi chấm điểm của bạn.", Assert.Single(scorer.Errors));
        await Assert.ThrowsAsync<ForbiddenException>(() => PreviewAsync("xem@camtan.vn", ResultsFiles.Write(headers, rows)));
    }

    [Fact]
    public async Task A_valid_file_writes_submitted_sheets_with_an_audit_line_per_value_and_importing_it_again_changes_nothing()
    {
        var (_, registrations, headers, rows) = await VillageAsync("KQ4", 5);
        rows.ForEach(r => ResultsFiles.Score(r, headers, meets: r != rows[4]));
        rows[3].Clear();
        rows[3]["Mã"] = "KQ4-0004";
        rows[0]["Ghi chú của người chấm"] = "Chấm theo biên bản chi hội ngày 20/11";

        var preview = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows));
        Assert.Empty(preview.Errors);
        Assert.Equal((5, 4, 0, 0, 1), (preview.Rows, preview.ToWrite, preview.Unchanged, preview.Protected, preview.Blank));
        Assert.Equal("5 dòng: 4 hồ sơ sẽ ghi, 0 không đổi, 0 hồ sơ đã duyệt hoặc đã có quyết định, 1 dòng chưa điền điểm (bỏ qua).", preview.Summary);
        var written = await As(Admin, s => s.WriteAsync(preview));
        Assert.Equal((4, 4 * 13 + 1), (written.Sheets, written.Values));

        var sheets = await SheetsAsync(registrations);
        Assert.Equal(4, sheets.Count);
        Assert.False(sheets.ContainsKey(registrations[3]));
        Assert.All(sheets.Values, s => Assert.Equal(EvaluationStatus.Submitted, s.Status));
        Assert.Equal((940, true), (sheets[registrations[0]].TotalTenths, sheets[registrations[0]].MeetsCriteria));
        Assert.Equal((670, false), (sheets[registrations[4]].TotalTenths, sheets[registrations[4]].MeetsCriteria));
        Assert.Equal("Chấm theo biên bản chi hội ngày 20/11", StoredAnswers.Parse(sheets[registrations[0]].AnswersJson).ScorerNote);
        var audit = await AuditAsync(sheets.Values.Select(s => s.Id));
        Assert.Equal(4 * 14 + 1, audit.Count);
        var first = audit.Where(a => a.EvaluationId == sheets[registrations[0]].Id).ToList();
        Assert.All(first, a => Assert.Equal(("nhập từ tệp ket-qua-thon.xlsx, dòng 2", Admin), (a.Reason, a.By)));
        Assert.Contains(first, a => (a.What, a.Old, a.New) == ("Điểm tiêu chí 1.2", "(trống)", "9,5"));
        Assert.Contains(first, a => (a.What, a.Old, a.New) == ("Điểm tiêu chí 3.1", "(trống)", "4,5"));
        Assert.Contains(first, a => (a.What, a.Old, a.New) == ("Trạng thái", "Chưa chấm", "Đã chấm"));
        Assert.Contains(first, a => (a.What, a.New) == ("Ghi chú của người chấm", "Chấm theo biên bản chi hội ngày 20/11"));

        // The same file again: nothing to write, no new history.
        var again = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows));
        Assert.Equal((0, 4, 1), (again.ToWrite, again.Unchanged, again.Blank));
        var none = await As(Admin, s => s.WriteAsync(again));
        Assert.Equal("0 thay đổi: mọi hồ sơ trong tệp đã đúng như trong hệ thống.", none.Summary);
        Assert.Equal(audit.Count, (await AuditAsync(sheets.Values.Select(s => s.Id))).Count);
        Assert.Equal(sheets.Values.Select(s => (s.Id, s.Version)), (await SheetsAsync(registrations)).Values.Select(s => (s.Id, s.Version)));
    }

    [Fact]
    public async Task A_reviewed_sheet_is_kept_unless_the_administrator_overwrites_it_with_a_reason()
    {
        var (_, registrations, headers, rows) = await VillageAsync("KQ5", 2);
        rows.ForEach(r => ResultsFiles.Score(r, headers));
        await As(Admin, async s => await s.WriteAsync(await s.PreviewAsync(Title.FamilyLearning, Year, ResultsFiles.Write(headers, rows), "lan-1.xlsx")));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<Evaluation>().Where(e => e.RegistrationId == registrations[0]).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EvaluationStatus.Reviewed));
        }
        rows.ForEach(r => r[ResultsFiles.Item(headers, "1.2")] = "8");

        var preview = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows), name: "lan-2.xlsx");
        Assert.Equal((1, 1), (preview.ToWrite, preview.Protected));
        Assert.Equal($"Dòng 2, hộ {((string)rows[0]["Đối tượng"]!)[3..]}: hồ sơ đang ở trạng thái \"Đã duyệt\", tệp đổi 1 giá trị.", preview.ProtectedRows.Single());
        var kept = await As(Admin, s => s.WriteAsync(preview));
        Assert.Equal((1, 1), (kept.Sheets, kept.Kept));
        var sheets = await SheetsAsync(registrations);
        Assert.Equal((EvaluationStatus.Reviewed, 940), (sheets[registrations[0]].Status, sheets[registrations[0]].TotalTenths));
        Assert.Equal(925, sheets[registrations[1]].TotalTenths);

        // Overwriting: a scorer may not; the administrator must say why; then the sheet is "Đã chấm" again, marked edited.
        var scorerPreview = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows), name: "lan-3.xlsx");
        await Assert.ThrowsAsync<ForbiddenException>(() => As("canbo@camtan.vn", s => s.WriteAsync(scorerPreview, "Sửa theo biên bản")));
        await Assert.ThrowsAsync<ValidationException>(() => As(Admin, s => s.WriteAsync(scorerPreview, "  ")));
        var overwritten = await As(Admin, s => s.WriteAsync(scorerPreview, "Biên bản phúc tra ngày 02/12"));
        Assert.Equal((1, 0), (overwritten.Sheets, overwritten.Kept));
        sheets = await SheetsAsync(registrations);
        Assert.Equal((EvaluationStatus.Submitted, 925, true), (sheets[registrations[0]].Status, sheets[registrations[0]].TotalTenths, sheets[registrations[0]].EditedAfterReview));
        var lines = (await AuditAsync([sheets[registrations[0]].Id])).Where(a => a.Reason.Contains("lan-3.xlsx")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, a => Assert.Equal("nhập từ tệp lan-3.xlsx, dòng 2; ghi đè hồ sơ đã duyệt, lý do: Biên bản phúc tra ngày 02/12", a.Reason));
        Assert.Contains(lines, a => (a.What, a.Old, a.New) == ("Trạng thái", "Đã duyệt", "Đã chấm"));
    }

    [Fact]
    public async Task Computed_items_are_shown_read_only_in_the_template_and_ignored_on_upload()
    {
        var households = await app.AddHouseholdsAsync(await app.AddVillageAsync("KQ6", "Thôn KQ6"), 3);
        int registration;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Actor = "dữ liệu kiểm thử";
            var clan = new Clan { CommuneId = await db.Villages.Select(v => v.CommuneId).FirstAsync(), Name = "Họ Kiều Quang", Members = households.Select(h => new ClanMember { HouseholdId = h }).ToList() };
            db.Clans.Add(clan);
            await db.SaveChangesAsync();
            var r = new Registration { CommuneId = clan.CommuneId, Year = Year, Title = Title.ClanLearning, SubjectKind = SubjectKind.Clan, SubjectId = clan.Id, SubjectName = clan.Name, SubjectSearch = "ho kieu quang", RegisteredOn = new DateOnly(Year, 2, 1) };
            db.Add(r);
            await db.SaveChangesAsync();
            registration = r.Id;
        }
        var template = await As(Admin, s => s.TemplateAsync(Title.ClanLearning, Year));
        var headers = ResultsFiles.Headers(template.Content);
        var computed = ResultsFiles.Item(headers, "2.1");
        Assert.EndsWith("(tự tính)", computed);
        var row = ResultsFiles.Read(template.Content).Single(r => (string)r["Đối tượng"]! == "Họ Kiều Quang");
        Assert.Equal("0 điểm (0,00 % (0/3)) – tự tính", row[computed]);

        foreach (var header in headers.Skip(3).Take(headers.Count - 4))
        {
            row[header] = header.Contains("Đạt/Chưa đạt") ? "Đạt" : header == computed ? "30" : header[(header.LastIndexOf("(0–", StringComparison.Ordinal) + 3)..].Split(',')[0];
        }
        var preview = await As(Admin, s => s.PreviewAsync(Title.ClanLearning, Year, ResultsFiles.Write(headers, [row]), "dong-ho.xlsx"));
        Assert.Empty(preview.Errors);
        await As(Admin, s => s.WriteAsync(preview));
        var sheet = (await SheetsAsync([registration]))[registration];
        Assert.DoesNotContain("2.1", StoredAnswers.Parse(sheet.AnswersJson).Items.Keys);
        Assert.False(sheet.MeetsCriteria);
        Assert.DoesNotContain(await AuditAsync([sheet.Id]), a => a.What == "Điểm tiêu chí 2.1");
    }

    [Fact]
    public async Task Self_assessed_titles_are_not_imported_from_a_file()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => As(Admin, s => s.TemplateAsync(Title.UnitLearning, Year)));
        Assert.StartsWith("Danh hiệu Đơn vị học tập do đối tượng tự đánh giá", refused.Message);
    }

    [Fact]
    public async Task The_template_endpoint_checks_role_and_scope_on_the_server()
    {
        var t01 = await app.VillageIdAsync("T01");
        var outside = await app.AddVillageAsync("KQ7", "Thôn KQ7");
        async Task<HttpResponseMessage> GetAsync(string email, string query)
        {
            using var client = await app.SignedInClientAsync(email);
            return await client.GetAsync("/mau-excel/ket-qua?" + query);
        }

        static void AssertDenied(HttpResponseMessage response)
        {
            // Cookie authentication answers a forbidden request with the "access denied" page.
            Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/khong-co-quyen", response.LocationPath());
        }

        var ok = await GetAsync("canbo@camtan.vn", $"title=FamilyLearning&year={Year}&villages={t01}");
        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ok.Content.Headers.ContentType?.MediaType);
        AssertDenied(await GetAsync("canbo@camtan.vn", $"title=FamilyLearning&year={Year}&villages={outside}"));
        AssertDenied(await GetAsync("xem@camtan.vn", $"title=FamilyLearning&year={Year}"));
        AssertDenied(await GetAsync("donvi@camtan.vn", $"title=FamilyLearning&year={Year}"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await GetAsync("canbo@camtan.vn", $"title=UnitLearning&year={Year}")).StatusCode);
        var anonymous = await app.CreateBrowserlikeClient().GetAsync($"/mau-excel/ket-qua?title=FamilyLearning&year={Year}");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_sheet_changed_after_the_preview_stops_the_whole_write()
    {
        var (_, registrations, headers, rows) = await VillageAsync("KQ8", 3);
        rows.ForEach(r => ResultsFiles.Score(r, headers));
        await As(Admin, async s => await s.WriteAsync(await s.PreviewAsync(Title.FamilyLearning, Year, ResultsFiles.Write(headers, rows), "lan-1.xlsx")));
        rows.ForEach(r => r[ResultsFiles.Item(headers, "2.2")] = "7");
        var preview = await PreviewAsync(Admin, ResultsFiles.Write(headers, rows), name: "lan-2.xlsx");
        Assert.Equal(3, preview.ToWrite);

        // Meanwhile someone saves a value of the third sheet on the scoring page.
        var third = (await SheetsAsync(registrations))[registrations[2]];
        await using (var scope = await app.AsUserAsync(Admin))
        {
            await scope.ServiceProvider.GetRequiredService<EvaluationService>().ReturnAsync(third.Id, third.Version, "Chấm lại");
        }
        var stale = await Assert.ThrowsAsync<StaleEditException>(() => As(Admin, s => s.WriteAsync(preview)));
        Assert.StartsWith("1 hồ sơ vừa được người khác thay đổi từ lúc kiểm tra tệp (đầu tiên: dòng ", stale.Message);
        Assert.All((await SheetsAsync(registrations)).Values, s => Assert.Equal(95, StoredAnswers.Parse(s.AnswersJson).Items["2.2"].ScoreTenths));
        Assert.DoesNotContain(await AuditAsync((await SheetsAsync(registrations)).Values.Select(s => s.Id)), a => a.Reason.Contains("lan-2.xlsx"));
    }
}
