using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class ScoringWorkflowTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>
{
    // Registration stays open all year in these tests.
    public sealed class App : AppFactory
    {
        public App() => Settings["Scoring:RegistrationCloses"] = "31/12";
    }

    private async Task<T> As<T>(string email, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider);
    }

    private async Task<int> RegisterHouseholdAsync(string village, string head)
    {
        var householdId = await app.AddHouseholdAsync(village, head);
        var year = app.Today.Year;
        await As("canbo@camtan.vn", sp => sp.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, year, [householdId]));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Registration>().Where(r => r.SubjectId == householdId && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
    }

    private static async Task<ScoringSheet> ScoreAllAsync(EvaluationService evaluations, int registrationId, decimal fraction = 1m, bool firstMet = true)
    {
        var sheet = await evaluations.OpenAsync(registrationId);
        var version = sheet.Version;
        foreach (var item in sheet.Set.Items)
        {
            var answer = item.Kind == ItemKind.MetNotMet
                ? new StoredAnswer(Met: item.Code != "1.1" || firstMet)
                : new StoredAnswer(ScoreTenths: (int)(item.Max.Tenths * fraction) / 5 * 5);
            if (item.Kind != ItemKind.Computed)
            {
                version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, version, item.Code, answer);
            }
        }
        return await evaluations.OpenAsync(registrationId);
    }

    [Fact]
    public async Task One_saved_score_leaves_one_audit_line_the_evaluations_own_history()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Một");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var id = sheet.EvaluationId.ToString();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var changeLogBefore = await db.ChangeLogs.CountAsync(c => c.EntityType == nameof(Evaluation) && c.EntityId == id);

        await evaluations.SaveScoreAsync(sheet.EvaluationId, sheet.Version, "1.2", "6");

        Assert.Equal(1, await db.Set<EvaluationAudit>().CountAsync(a => a.EvaluationId == sheet.EvaluationId));
        Assert.Equal(changeLogBefore, await db.ChangeLogs.CountAsync(c => c.EntityType == nameof(Evaluation) && c.EntityId == id));
        var line = Assert.Single((await evaluations.OpenAsync(registrationId)).History);
        Assert.Equal(("Điểm tiêu chí 1.2", "(trống)", "6"), (line.What, line.Old, line.New));
    }

    [Fact]
    public async Task Scorer_scores_submits_and_committee_reviews_with_a_full_history()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Đủ");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await ScoreAllAsync(evaluations, registrationId);
        Assert.True(sheet.Result.Recognised);
        await evaluations.SubmitAsync(sheet.EvaluationId, sheet.Version);

        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        var review = committee.ServiceProvider.GetRequiredService<EvaluationService>();
        var submitted = await review.OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Submitted, submitted.Status);
        Assert.False(submitted.Editable);
        await review.ReviewAsync(submitted.EvaluationId, submitted.Version);

        var reviewed = await review.OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Reviewed, reviewed.Status);
        Assert.Contains(reviewed.History, h => h.What == "Trạng thái" && h.Old == "Nháp" && h.New == "Đã chấm" && h.By == "canbo@camtan.vn");
        Assert.Contains(reviewed.History, h => h.What == "Trạng thái" && h.Old == "Đã chấm" && h.New == "Đã duyệt" && h.By == "bcd@camtan.vn");
        Assert.Contains(reviewed.History, h => h.What == "Điểm tiêu chí 1.2" && h.Old == "(trống)");
    }

    [Fact]
    public async Task Incomplete_scoring_cannot_be_submitted_and_says_what_is_missing()
    {
        var registrationId = await RegisterHouseholdAsync("T02", "Kiều Văn Thiếu");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, sheet.Version, "1.2", new StoredAnswer(ScoreTenths: 80));
        var error = await Assert.ThrowsAsync<ValidationException>(() => evaluations.SubmitAsync(sheet.EvaluationId, version));
        Assert.StartsWith("Hồ sơ chưa chấm xong: Chưa đánh giá tiêu chí 1.1", error.Message);
    }

    [Theory]
    [InlineData("1.2", 105, "Tiêu chí 1.2: điểm 10,5 phải từ 0 đến 10; tiêu chí này vẫn chưa có điểm.")]
    [InlineData("1.2", 73, "Tiêu chí 1.2: điểm 7,3 không đúng bước 0,5 (chọn 7 hoặc 7,5); tiêu chí này vẫn chưa có điểm.")]
    [InlineData("1.2", -5, "Tiêu chí 1.2: điểm -0,5 phải từ 0 đến 10; tiêu chí này vẫn chưa có điểm.")]
    [InlineData("1.1", 100, "Tiêu chí 1.1 chỉ đánh giá đạt hoặc chưa đạt.")]
    [InlineData("9.9", 10, "Không có tiêu chí 9.9 trong bộ tiêu chí này.")]
    public async Task Out_of_range_scores_are_refused_in_Vietnamese_and_not_saved(string item, int tenths, string message)
    {
        var registrationId = await RegisterHouseholdAsync("T01", $"Kiều Văn Sai{tenths}{item.Replace(".", "")}");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var error = await Assert.ThrowsAsync<ValidationException>(() => evaluations.SaveAnswerAsync(sheet.EvaluationId, sheet.Version, item, new StoredAnswer(ScoreTenths: tenths)));
        Assert.Equal(message, error.Message);
        Assert.Empty((await evaluations.OpenAsync(registrationId)).Answers.Items);
    }

    [Theory]
    [InlineData("2,5", 25)]
    [InlineData("2.5", 25)]
    [InlineData(" 0.5 ", 5)]
    [InlineData("1.000", 10)]
    [InlineData("10", 100)]
    public async Task A_typed_score_is_read_with_comma_or_dot_as_the_decimal_mark_and_keeps_the_note(string typed, int tenths)
    {
        var registrationId = await RegisterHouseholdAsync("T01", $"Kiều Văn Gõ {typed.Trim()}");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, sheet.Version, "1.2", new StoredAnswer(ScoreTenths: 60, Note: "Học bạ"));
        await evaluations.SaveScoreAsync(sheet.EvaluationId, version, "1.2", typed);

        var saved = await evaluations.OpenAsync(registrationId);
        Assert.Equal(new StoredAnswer(tenths, null, "Học bạ"), saved.Answers.Items["1.2"]);
        Assert.Contains(saved.History, h => h.What == "Điểm tiêu chí 1.2" && h.Old == "6" && h.New == Points.FromTenths(tenths).ToString());
    }

    // The service reads the typed text itself, whatever the page checked: a refusal saves nothing and writes no history.
    [Theory]
    [InlineData("1.2", "abc", "Tiêu chí 1.2: “abc” không phải là số; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.2", "3.3", "Tiêu chí 1.2: điểm 3,3 không đúng bước 0,5 (chọn 3 hoặc 3,5); giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.2", "12", "Tiêu chí 1.2: điểm 12 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.2", "-1", "Tiêu chí 1.2: điểm -1 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.2", "99999999999", "Tiêu chí 1.2: điểm 99999999999 phải từ 0 đến 10; giữ nguyên giá trị đã lưu 6.")]
    [InlineData("1.1", "10", "Tiêu chí 1.1 không chấm bằng điểm số.")]
    [InlineData("1.1", "", "Tiêu chí 1.1 không chấm bằng điểm số.")]
    public async Task A_typed_score_that_is_not_a_valid_number_is_refused_and_the_saved_value_and_history_stay(string item, string typed, string message)
    {
        var registrationId = await RegisterHouseholdAsync("T01", $"Kiều Văn Giữ {item}{typed}");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, sheet.Version, "1.2", new StoredAnswer(ScoreTenths: 60));
        version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, version, "1.1", new StoredAnswer(Met: true));
        var before = await evaluations.OpenAsync(registrationId);

        var error = await Assert.ThrowsAsync<ValidationException>(() => evaluations.SaveScoreAsync(sheet.EvaluationId, version, item, typed));

        Assert.Equal(message, error.Message);
        var after = await evaluations.OpenAsync(registrationId);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Answers.ToJson(), after.Answers.ToJson());
        Assert.Equal(before.History.Select(h => h.Id), after.History.Select(h => h.Id));
    }

    [Fact]
    public async Task An_emptied_score_field_clears_the_score_with_a_history_line()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Xóa");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var version = await evaluations.SaveScoreAsync(sheet.EvaluationId, sheet.Version, "1.2", "6");
        await evaluations.SaveScoreAsync(sheet.EvaluationId, version, "1.2", "");
        var cleared = await evaluations.OpenAsync(registrationId);
        Assert.DoesNotContain("1.2", cleared.Answers.Items.Keys);
        Assert.Contains(cleared.History, h => h.What == "Điểm tiêu chí 1.2" && h.Old == "6" && h.New == "(trống)");
    }

    [Fact]
    public async Task A_second_save_from_a_stale_page_is_detected_and_shows_the_saved_value()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Hai Người");
        await using var first = await app.AsUserAsync("canbo@camtan.vn");
        await using var second = await app.AsUserAsync("admin@camtan.vn");
        var a = first.ServiceProvider.GetRequiredService<EvaluationService>();
        var b = second.ServiceProvider.GetRequiredService<EvaluationService>();
        var pageA = await a.OpenAsync(registrationId);
        var pageB = await b.OpenAsync(registrationId);

        await a.SaveAnswerAsync(pageA.EvaluationId, pageA.Version, "1.2", new StoredAnswer(ScoreTenths: 90));
        var conflict = await Assert.ThrowsAsync<ScoringConflictException>(() =>
            b.SaveAnswerAsync(pageB.EvaluationId, pageB.Version, "1.2", new StoredAnswer(ScoreTenths: 60)));
        Assert.Equal(90, conflict.Theirs!.ScoreTenths);
        Assert.StartsWith("Tiêu chí 1.2: (trống) → 9, do Nguyễn Thị Hoa lưu lúc", Assert.Single(conflict.ChangesFrom(pageB.InPlay.Items)));
        Assert.Equal(90, (await a.OpenAsync(registrationId)).Answers.Items["1.2"].ScoreTenths);

        // The second person chose to keep their value, knowingly.
        await b.SaveAnswerAsync(pageB.EvaluationId, conflict.CurrentVersion, "1.2", new StoredAnswer(ScoreTenths: 60));
        Assert.Equal(60, (await a.OpenAsync(registrationId)).Answers.Items["1.2"].ScoreTenths);
    }

    [Fact]
    public async Task A_conflict_names_the_item_the_other_person_changed_not_the_one_being_saved()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Hai Tiêu Chí");
        await using var first = await app.AsUserAsync("canbo@camtan.vn");
        await using var second = await app.AsUserAsync("admin@camtan.vn");
        var a = first.ServiceProvider.GetRequiredService<EvaluationService>();
        var b = second.ServiceProvider.GetRequiredService<EvaluationService>();
        var pageA = await a.OpenAsync(registrationId);
        var pageB = await b.OpenAsync(registrationId);

        var version = await b.SaveScoreAsync(pageB.EvaluationId, pageB.Version, "1.2", "6");
        var conflict = await Assert.ThrowsAsync<ScoringConflictException>(() => a.SaveScoreAsync(pageA.EvaluationId, pageA.Version, "1.3", "7"));

        var change = Assert.Single(conflict.ChangesFrom(pageA.InPlay.Items));
        Assert.StartsWith("Tiêu chí 1.2: (trống) → 6, do Quản trị hệ thống lưu lúc", change);
        Assert.Null(conflict.Theirs);
        Assert.Equal(version, conflict.CurrentVersion);
        Assert.Equal(60, conflict.Stored.Items["1.2"].ScoreTenths);

        // Keeping their own value saves only item 1.3, on the version that holds the other person's 1.2.
        await a.SaveScoreAsync(pageA.EvaluationId, conflict.CurrentVersion, "1.3", "7");
        var stored = await a.OpenAsync(registrationId);
        Assert.Equal((60, 70), (stored.Answers.Items["1.2"].ScoreTenths, stored.Answers.Items["1.3"].ScoreTenths));
        Assert.Equal(130, stored.Result.Total.Tenths);
    }

    [Fact]
    public async Task A_conflict_caused_by_a_recomputation_is_named_as_one_not_as_a_person()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Tính Lại");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        var page = await evaluations.OpenAsync(registrationId);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // What a decision of another title does to an open sheet: scored again, written as the person who issued it.
            db.Add(new EvaluationAudit
            {
                EvaluationId = page.EvaluationId, AtUtc = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, By = "bcd@camtan.vn", What = "Tính lại theo số liệu",
                Old = "0 điểm · Chưa đạt tiêu chí", New = "10 điểm · Chưa đạt tiêu chí", Reason = "Quyết định công nhận",
            });
            await db.SaveChangesAsync();
            await db.Set<Evaluation>().Where(e => e.Id == page.EvaluationId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Version, e => e.Version + 1));
        }

        var conflict = await Assert.ThrowsAsync<ScoringConflictException>(() => evaluations.SaveScoreAsync(page.EvaluationId, page.Version, "1.3", "7"));

        var change = Assert.Single(conflict.ChangesFrom(page.InPlay.Items));
        Assert.StartsWith("Hồ sơ được tính lại theo số liệu lúc", change);
        Assert.EndsWith("0 điểm · Chưa đạt tiêu chí → 10 điểm · Chưa đạt tiêu chí.", change);
        Assert.DoesNotContain("Lê Văn Bình", change);
        Assert.DoesNotContain("bcd@", change);
    }

    [Fact]
    public async Task Return_and_reopen_need_a_reason_and_reopening_flags_the_evaluation()
    {
        var registrationId = await RegisterHouseholdAsync("T02", "Kiều Văn Mở");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await ScoreAllAsync(evaluations, registrationId);
        var version = await evaluations.SubmitAsync(sheet.EvaluationId, sheet.Version);

        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        var review = committee.ServiceProvider.GetRequiredService<EvaluationService>();
        var noReason = await Assert.ThrowsAsync<ValidationException>(() => review.ReturnAsync(sheet.EvaluationId, version, "  "));
        Assert.Equal("Hãy ghi lý do.", noReason.Message);
        version = await review.ReturnAsync(sheet.EvaluationId, version, "Thiếu minh chứng tiêu chí 3.1");
        Assert.Equal(EvaluationStatus.Draft, (await review.OpenAsync(registrationId)).Status);

        version = await evaluations.SubmitAsync(sheet.EvaluationId, version);
        version = await review.ReviewAsync(sheet.EvaluationId, version);
        var locked = await Assert.ThrowsAsync<ForbiddenException>(() => evaluations.SaveAnswerAsync(sheet.EvaluationId, version, "1.2", new StoredAnswer(ScoreTenths: 10)));
        Assert.Contains("mở lại", locked.Message);

        version = await review.ReopenAsync(sheet.EvaluationId, version, "Hộ bổ sung minh chứng sau khi duyệt");
        var reopened = await review.OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Draft, reopened.Status);
        Assert.True(reopened.EditedAfterReview);
        Assert.Contains(reopened.History, h => h.Reason == "Thiếu minh chứng tiêu chí 3.1" && h.New == "Nháp");
        Assert.Contains(reopened.History, h => h.Reason == "Hộ bổ sung minh chứng sau khi duyệt");
    }

    [Fact]
    public async Task Roles_and_scope_decide_who_may_score_submit_and_review()
    {
        var registrationId = await RegisterHouseholdAsync("T01", "Kiều Văn Quyền");
        var otherVillage = await app.AddHouseholdAsync("T05", "Kiều Văn Xa");
        await As("admin@camtan.vn", sp => sp.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, app.Today.Year, [otherVillage]));
        int otherRegistration;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            otherRegistration = await db.Set<Registration>().Where(r => r.SubjectId == otherVillage && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
        }

        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => evaluations.OpenAsync(otherRegistration));
        var sheet = await ScoreAllAsync(evaluations, registrationId);
        var version = await evaluations.SubmitAsync(sheet.EvaluationId, sheet.Version);
        var scorerReview = await Assert.ThrowsAsync<ValidationException>(() => evaluations.ReviewAsync(sheet.EvaluationId, version));
        Assert.Equal("Chỉ Ban chỉ đạo duyệt hồ sơ.", scorerReview.Message);

        await using var viewer = await app.AsUserAsync("xem@camtan.vn");
        var viewerEvaluations = viewer.ServiceProvider.GetRequiredService<EvaluationService>();
        var seen = await viewerEvaluations.OpenAsync(registrationId);
        Assert.False(seen.CanScore);
        await Assert.ThrowsAsync<ValidationException>(() => viewerEvaluations.ReviewAsync(sheet.EvaluationId, version));

        await using var unit = await app.AsUserAsync("donvi@camtan.vn");
        await Assert.ThrowsAsync<ForbiddenException>(() => unit.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(registrationId));
    }

    [Fact]
    public async Task Changing_the_target_group_scores_the_sheet_again()
    {
        var householdId = await app.AddHouseholdAsync("T01", "Kiều Văn Nhóm", ("Kiều Thị Nhóm", Sex.Female, 1990, Relation.Spouse));
        int personId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            personId = await db.People.Where(p => p.HouseholdId == householdId && p.FullName == "Kiều Thị Nhóm").Select(p => p.Id).SingleAsync();
        }
        var registrationId = await app.RegisterAsync(Title.CitizenLearning, SubjectKind.Person, personId, "Kiều Thị Nhóm", app.Today.Year, await app.VillageIdAsync("T01"));
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var evaluations = scorer.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var id = sheet.EvaluationId;
        var version = await evaluations.SetTargetGroupAsync(id, sheet.Version, "1");
        foreach (var item in sheet.Set.Items.Where(i => i.AppliesTo("1")))
        {
            version = await evaluations.SaveAnswerAsync(id, version, item.Code, new StoredAnswer(ScoreTenths: item.Max.Tenths));
        }
        var scored = await app.EvaluationAsync(id);
        Assert.Equal((1000, true), (scored.TotalTenths, scored.MeetsCriteria));

        // Officials (group 3) answer 2.1b and 2.2b instead of 2.1a and 2.2a: not scored yet.
        await evaluations.SetTargetGroupAsync(id, version, "3");

        var onPage = (await evaluations.OpenAsync(registrationId)).Result;
        Assert.False(onPage.IsComplete);
        var stored = await app.EvaluationAsync(id);
        Assert.Equal((800, onPage.Recognised, onPage.Rating ?? ""), (stored.TotalTenths, stored.MeetsCriteria, stored.Rating));
    }

    [Fact]
    public async Task A_household_cannot_be_registered_twice_nor_outside_the_scorers_villages()
    {
        var householdId = await app.AddHouseholdAsync("T01", "Kiều Văn Một Lần");
        var outside = await app.AddHouseholdAsync("T07", "Kiều Văn Ngoài");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var registrations = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        var year = app.Today.Year;
        Assert.Equal(1, await registrations.RegisterAsync(Title.FamilyLearning, year, [householdId]));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => registrations.RegisterAsync(Title.FamilyLearning, year, [householdId]));
        Assert.Equal("Có 1 đối tượng đã đăng ký rồi hoặc không thuộc phạm vi của bạn.", twice.Message);
        await Assert.ThrowsAsync<ValidationException>(() => registrations.RegisterAsync(Title.FamilyLearning, year, [outside]));
        var candidates = (await registrations.CandidatesAsync(new CandidateFilter(Title.FamilyLearning, year), new PageRequest(0, 500))).Items;
        Assert.DoesNotContain(candidates, c => c.SubjectId == householdId || c.SubjectId == outside);
    }
}

public sealed class RegistrationDeadlineTests(RegistrationDeadlineTests.App app) : IClassFixture<RegistrationDeadlineTests.App>
{
    public sealed class App : AppFactory
    {
        public App() => Settings["Scoring:RegistrationCloses"] = "01/01";
    }

    [Fact]
    public async Task After_the_registration_deadline_a_scorer_is_refused_but_an_administrator_may_still_register()
    {
        var householdId = await app.AddHouseholdAsync("T02", "Kiều Văn Muộn");
        var year = app.Today.Year;
        await using (var scorer = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var late = await Assert.ThrowsAsync<ValidationException>(() =>
                scorer.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, year, [householdId]));
            Assert.Equal($"Đã hết hạn đăng ký danh hiệu năm {year} (hạn 01/01/{year}). Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.", late.Message);
        }
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        Assert.Equal(1, await admin.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, year, [householdId]));
    }
}
