using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class BulkReviewTests(BulkReviewTests.App app) : IClassFixture<BulkReviewTests.App>
{
    public sealed class App : AppFactory
    {
        public App() => Settings["Scoring:RegistrationCloses"] = "31/12";
    }

    // The app's year (its clock starts on AppFactory.ClockStart), not the year the tests happen to run in.
    private static readonly int Year = AppFactory.ClockStart.Year;

    private async Task<T> As<T>(string email, Func<BulkReviewService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<BulkReviewService>());
    }

    private static BulkReviewForm Form(int villageId, BulkReviewAction action = BulkReviewAction.Approve, string reason = "", bool meets = true) =>
        new() { Title = Title.FamilyLearning, Year = Year, VillageId = villageId, Action = action, Reason = reason, MeetsCriteria = meets };

    // A village with 12 submitted sheets that meet the criteria, 3 submitted that do not, and 2 drafts.
    private async Task<(int Village, List<int> Meeting, List<int> Failing, List<int> Drafts)> VillageWithSheetsAsync(string code, string name)
    {
        var village = await app.AddVillageAsync(code, name);
        var households = await app.AddHouseholdsAsync(village, 17);
        var sheets = await app.AddSheetsAsync(Year, households.Select((h, i) => i switch
        {
            < 12 => (h, EvaluationStatus.Submitted, true, 800 + i * 10),
            < 15 => (h, EvaluationStatus.Submitted, false, 600),
            _ => (h, EvaluationStatus.Draft, false, 0),
        }).ToList());
        return (village, sheets[..12], sheets[12..15], sheets[15..]);
    }

    private async Task<Dictionary<int, Evaluation>> SheetsAsync(IEnumerable<int> ids)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var list = ids.ToList();
        return await db.Set<Evaluation>().AsNoTracking().Where(e => list.Contains(e.Id)).ToDictionaryAsync(e => e.Id);
    }

    private async Task<List<EvaluationAudit>> AuditAsync(IEnumerable<int> ids)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var list = ids.ToList();
        return await db.Set<EvaluationAudit>().AsNoTracking().Where(a => list.Contains(a.EvaluationId)).ToListAsync();
    }

    [Fact]
    public async Task Committee_approves_every_submitted_sheet_meeting_the_criteria_in_one_action_with_an_audit_line_each()
    {
        var (village, meeting, failing, drafts) = await VillageWithSheetsAsync("R01", "Thôn Rừng Thông");
        var preview = await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)));
        Assert.Equal(12, preview.Count);
        Assert.Equal(meeting.Order(), preview.Sheets.Select(s => s.EvaluationId).Order());
        Assert.Equal(10, preview.Sample.Count);
        Assert.Equal(preview.Sample.Select(s => s.SubjectName).Order(StringComparer.Ordinal), preview.Sample.Select(s => s.SubjectName));
        Assert.All(preview.Sample, s => Assert.Equal("Thôn Rừng Thông", s.Village));
        Assert.Contains(preview.Sample, s => s.SubjectName == $"Hộ {BulkTestData.Name(0)} (R01-0001)" && s.TotalTenths == 800);

        var result = await As("bcd@camtan.vn", r => r.ApplyAsync(Form(village, reason: "Hội đồng họp ngày 05/12"), preview.Sheets));
        Assert.Equal(12, result.Changed);
        Assert.Empty(result.Skipped);

        var after = await SheetsAsync(meeting.Concat(failing).Concat(drafts));
        Assert.All(meeting, id => Assert.Equal((EvaluationStatus.Reviewed, 2, "bcd@camtan.vn"), (after[id].Status, after[id].Version, after[id].UpdatedBy)));
        Assert.All(failing, id => Assert.Equal((EvaluationStatus.Submitted, 1), (after[id].Status, after[id].Version)));
        Assert.All(drafts, id => Assert.Equal(EvaluationStatus.Draft, after[id].Status));
        var audit = await AuditAsync(meeting.Concat(failing));
        Assert.Equal(meeting.Order(), audit.Select(a => a.EvaluationId).Order());
        Assert.All(audit, a => Assert.Equal(("Trạng thái", "Đã chấm", "Đã duyệt", "Hội đồng họp ngày 05/12", "bcd@camtan.vn"), (a.What, a.Old, a.New, a.Reason, a.By)));

        Assert.Equal(0, (await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)))).Count);
        // The same preview applied again changes nothing: every sheet moved on since.
        var again = await As("bcd@camtan.vn", r => r.ApplyAsync(Form(village), preview.Sheets));
        Assert.Equal((0, 12), (again.Changed, again.Skipped.Count));
    }

    [Fact]
    public async Task Bulk_return_needs_a_reason_and_sends_the_sheets_back_to_draft()
    {
        var (village, meeting, failing, _) = await VillageWithSheetsAsync("R02", "Thôn Rạch Giá");
        var form = Form(village, BulkReviewAction.Return, "  ", meets: false);
        var preview = await As("admin@camtan.vn", r => r.PreviewAsync(form));
        Assert.Equal(3, preview.Count);
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => As("admin@camtan.vn", r => r.ApplyAsync(form, preview.Sheets)));
        Assert.Equal("Hãy ghi lý do trả lại hồ sơ.", Assert.Single(noReason.Errors).ErrorMessage);

        form.Reason = "Thiếu minh chứng nhóm 3";
        Assert.Equal(3, (await As("admin@camtan.vn", r => r.ApplyAsync(form, preview.Sheets))).Changed);
        var after = await SheetsAsync(meeting.Concat(failing));
        Assert.All(failing, id => Assert.Equal((EvaluationStatus.Draft, 2), (after[id].Status, after[id].Version)));
        Assert.All(meeting, id => Assert.Equal(EvaluationStatus.Submitted, after[id].Status));
        Assert.All(await AuditAsync(failing), a => Assert.Equal(("Đã chấm", "Nháp", "Thiếu minh chứng nhóm 3"), (a.Old, a.New, a.Reason)));

        // Approving sheets that do not meet the criteria is not a bulk action.
        var wrong = await Assert.ThrowsAsync<ValidationException>(() => As("admin@camtan.vn", r => r.PreviewAsync(Form(village, meets: false))));
        Assert.StartsWith("Chỉ duyệt hàng loạt các hồ sơ đạt tiêu chí", wrong.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task A_sheet_changed_by_someone_else_after_the_preview_is_skipped_and_reported_not_overwritten()
    {
        var (village, meeting, _, _) = await VillageWithSheetsAsync("R03", "Thôn Rộc Cao");
        var preview = await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)));
        Assert.Equal(12, preview.Count);

        // Meanwhile an administrator returns one sheet and approves another, one by one.
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var evaluations = admin.ServiceProvider.GetRequiredService<EvaluationService>();
            await evaluations.ReturnAsync(meeting[0], 1, "Hộ báo sai số nhân khẩu");
        }
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // A total changed by a recomputation (decision 009) also moves the version.
            var sheet = await db.Set<Evaluation>().SingleAsync(e => e.Id == meeting[1]);
            sheet.TotalTenths = 950;
            db.Actor = "admin@camtan.vn";
            await db.SaveChangesAsync();
        }

        var result = await As("bcd@camtan.vn", r => r.ApplyAsync(Form(village), preview.Sheets));
        Assert.Equal(10, result.Changed);
        Assert.Equal(new[] { meeting[0], meeting[1] }.Order(), result.Skipped.Select(s => s.EvaluationId).Order());
        var returned = result.Skipped.Single(s => s.EvaluationId == meeting[0]);
        Assert.Equal($"Hộ {BulkTestData.Name(0)} (R03-0001)", returned.SubjectName);
        Assert.Matches(@"^vừa được admin@camtan\.vn thay đổi lúc \d\d/\d\d/\d{4} \d\d:\d\d \(trạng thái hiện tại: Nháp\)$", returned.Why);
        Assert.EndsWith("(trạng thái hiện tại: Đã chấm)", result.Skipped.Single(s => s.EvaluationId == meeting[1]).Why);

        var after = await SheetsAsync(meeting);
        Assert.Equal((EvaluationStatus.Draft, 2), (after[meeting[0]].Status, after[meeting[0]].Version));
        Assert.Equal((EvaluationStatus.Submitted, 950), (after[meeting[1]].Status, after[meeting[1]].TotalTenths));
        Assert.All(meeting[2..], id => Assert.Equal(EvaluationStatus.Reviewed, after[id].Status));
        Assert.DoesNotContain(await AuditAsync([meeting[0], meeting[1]]), a => a.New == "Đã duyệt");
    }

    [Fact]
    public async Task Only_the_committee_and_administrators_review_in_bulk()
    {
        var (village, _, _, _) = await VillageWithSheetsAsync("R04", "Thôn Rào Trong");
        var preview = await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)));
        foreach (var email in new[] { "canbo@camtan.vn", "xem@camtan.vn", "donvi@camtan.vn" })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => As(email, r => r.PreviewAsync(Form(village))));
            await Assert.ThrowsAsync<ForbiddenException>(() => As(email, r => r.ApplyAsync(Form(village), preview.Sheets)));
        }
        var unknown = await Assert.ThrowsAsync<ForbiddenException>(() => As("bcd@camtan.vn", r => r.PreviewAsync(Form(999_999))));
        Assert.Equal("Thôn này không thuộc xã của bạn.", unknown.Message);
        Assert.Equal(12, (await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)))).Count);
    }

    [Fact]
    public async Task A_sheet_scored_on_the_page_and_approved_in_bulk_reads_like_one_approved_by_hand()
    {
        var household = await app.AddHouseholdsAsync(await app.AddVillageAsync("R05", "Thôn Ruộng Cả"), 1, _ => "Kiều Văn Trang");
        int registrationId;
        await using (var scorer = await app.AsUserAsync("admin@camtan.vn"))
        {
            await scorer.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, Year, household);
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            registrationId = await db.Set<Registration>().Where(r => r.SubjectId == household[0] && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
            var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
            var sheet = await evaluations.OpenAsync(registrationId);
            var version = sheet.Version;
            foreach (var item in sheet.Set.Items.Where(i => i.Kind != ItemKind.Computed))
            {
                var answer = item.Kind == ItemKind.MetNotMet ? new StoredAnswer(Met: true) : new StoredAnswer(ScoreTenths: item.Max.Tenths);
                version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, version, item.Code, answer);
            }
            await evaluations.SubmitAsync(sheet.EvaluationId, version);
        }
        var village = await app.VillageIdAsync("R05");
        var preview = await As("bcd@camtan.vn", r => r.PreviewAsync(Form(village)));
        Assert.Equal("100", Points.FromTenths(Assert.Single(preview.Sample).TotalTenths!.Value).ToString());
        await As("bcd@camtan.vn", r => r.ApplyAsync(Form(village), preview.Sheets));

        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        var review = committee.ServiceProvider.GetRequiredService<EvaluationService>();
        var reviewed = await review.OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Reviewed, reviewed.Status);
        var line = reviewed.History.First();
        Assert.Equal(("Trạng thái", "Đã chấm", "Đã duyệt", "Duyệt hàng loạt", "bcd@camtan.vn"), (line.What, line.Old, line.New, line.Reason, line.By));
        // The new version is the one the page works with: the sheet can be reopened by hand at once.
        await review.ReopenAsync(reviewed.EvaluationId, reviewed.Version, "Kiểm tra lại");
    }

    [Fact]
    public async Task A_title_scored_by_level_shows_its_level_in_the_bulk_review_sample_not_0_points()
    {
        var ids = await app.AddEvaluationsAsync(Title.UnitLearning, 2025,
            new Scored("Trường Mầm non Duyệt Mức", "T01", 0, Status: EvaluationStatus.Submitted));
        await app.ScoreByLevelAsync(ids.Values, "Mức độ 2");

        var preview = await As("bcd@camtan.vn", r => r.PreviewAsync(new BulkReviewForm { Title = Title.UnitLearning, Year = 2025, MeetsCriteria = true }));

        var sample = Assert.Single(preview.Sample, s => s.SubjectName == "Trường Mầm non Duyệt Mức");
        Assert.Null(sample.TotalTenths);
        Assert.Equal("Mức độ 2", sample.Rating);
    }
}
