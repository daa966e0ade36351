using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// Đơn vị học tập is self-assessed: the unit's reporter scores, the committee reviews; both scores are kept.
public sealed class SelfAssessmentTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>
{
    [Fact]
    public async Task Unit_self_assesses_and_a_reviewers_change_needs_a_reason_with_both_scores_kept()
    {
        int unitId, registrationId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            unitId = await db.Units.Where(u => u.Code == "THCS").Select(u => u.Id).SingleAsync();
        }
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.UnitLearning, app.Today.Year, [unitId]);
        }
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            registrationId = await db.Set<Registration>().Where(r => r.SubjectId == unitId && r.Title == Title.UnitLearning && r.Year == app.Today.Year)
                .Select(r => r.Id).SingleAsync();
        }

        await using var unit = await app.AsUserAsync("donvi@camtan.vn");
        var self = unit.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await self.OpenAsync(registrationId);
        Assert.True(sheet.ScoresSelf);
        var version = sheet.Version;
        foreach (var item in sheet.Set.Items)
        {
            version = await self.SaveAnswerAsync(sheet.EvaluationId, version, item.Code,
                item.Kind == ItemKind.MetNotMet ? new StoredAnswer(Met: true) : new StoredAnswer(ScoreTenths: item.Max.Tenths));
        }
        version = await self.SubmitAsync(sheet.EvaluationId, version);

        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        var reviewer = committee.ServiceProvider.GetRequiredService<EvaluationService>();
        var first = sheet.Set.Items.First(i => i.Kind == ItemKind.Points);
        var lower = new StoredAnswer(ScoreTenths: first.Max.Tenths - (first.Step ?? first.Max).Tenths);
        var noReason = await Assert.ThrowsAsync<ReasonRequiredException>(() => reviewer.SaveAnswerAsync(sheet.EvaluationId, version, first.Code, lower));
        Assert.StartsWith($"Tiêu chí {first.Code}: người duyệt đổi điểm tự đánh giá", noReason.Message);
        Assert.EndsWith("phải ghi lý do.", noReason.Message);

        version = await reviewer.SaveAnswerAsync(sheet.EvaluationId, version, first.Code, lower, "Kế hoạch tự học chưa được thủ trưởng duyệt đủ");
        version = await reviewer.ReviewAsync(sheet.EvaluationId, version);

        var reviewed = await reviewer.OpenAsync(registrationId);
        Assert.Equal(EvaluationStatus.Reviewed, reviewed.Status);
        Assert.Equal(first.Max.Tenths, reviewed.SelfAnswers!.Items[first.Code].ScoreTenths);
        Assert.Equal(lower.ScoreTenths, reviewed.Answers.Items[first.Code].ScoreTenths);
        Assert.Contains(reviewed.History, h => h.What == $"Người duyệt sửa tiêu chí {first.Code}" && h.Reason == "Kế hoạch tự học chưa được thủ trưởng duyệt đủ");

        // Another unit's reporter sees nothing of it.
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
        {
            await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
            await scorer.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(registrationId);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_returned_self_assessment_is_reviewed_again_from_the_units_new_answers(bool approvedInBulk)
    {
        // The reporter's own unit in a past year (one per case): the test above registers it this year.
        var year = app.Today.Year - (approvedInBulk ? 2 : 1);
        int unitId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            unitId = await db.Units.Where(u => u.Code == "THCS").Select(u => u.Id).SingleAsync();
        }
        var registrationId = await app.RegisterAsync(Title.UnitLearning, SubjectKind.Unit, unitId, "Trường THCS Cẩm Tân", year);

        await using var unit = await app.AsUserAsync("donvi@camtan.vn");
        var self = unit.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await self.OpenAsync(registrationId);
        var id = sheet.EvaluationId;
        var version = sheet.Version;
        foreach (var item in sheet.Set.Items)
        {
            version = await self.SaveAnswerAsync(id, version, item.Code, new StoredAnswer(ScoreTenths: item.Max.Tenths));
        }
        version = await self.SubmitAsync(id, version);

        // QĐ 448 part D: the reviewer lowers 1.1 (10 → 8) and returns the sheet; the unit keeps 1.1 and lowers 2.1 (15 → 12).
        await using var committee = await app.AsUserAsync("bcd@camtan.vn");
        var reviewer = committee.ServiceProvider.GetRequiredService<EvaluationService>();
        version = await reviewer.SaveScoreAsync(id, version, "1.1", "8", "Kế hoạch học tập chưa có phân công thực hiện");
        version = await reviewer.ReturnAsync(id, version, "Đề nghị đơn vị xem lại tiêu chí 1.1");
        version = await self.SaveScoreAsync(id, version, "2.1", "12");
        version = await self.SubmitAsync(id, version);

        var resubmitted = await reviewer.OpenAsync(registrationId);
        var onPage = new SheetEditor(resubmitted);
        Assert.Equal((100, 120), (onPage.AnswerOf("1.1")?.ScoreTenths, onPage.AnswerOf("2.1")?.ScoreTenths));
        Assert.Equal(970, onPage.Result.Total.Tenths);
        Assert.Equal(970, resubmitted.Result.Total.Tenths);
        var stored = await app.EvaluationAsync(id);
        Assert.Equal(970, stored.TotalTenths);
        Assert.Equal(onPage.Answers, DependentEvaluations.AnswersInPlay(stored, Title.UnitLearning).Items);

        if (approvedInBulk)
        {
            await using var scope = await app.AsUserAsync("bcd@camtan.vn");
            var bulk = scope.ServiceProvider.GetRequiredService<BulkReviewService>();
            var form = new BulkReviewForm { Title = Title.UnitLearning, Year = year, Action = BulkReviewAction.Approve, MeetsCriteria = true };
            var preview = await bulk.PreviewAsync(form);
            Assert.Equal(1, (await bulk.ApplyAsync(form, preview.Sheets)).Changed);
        }
        else
        {
            await reviewer.ReviewAsync(id, resubmitted.Version);
        }
        var reviewed = await app.EvaluationAsync(id);
        Assert.Equal(EvaluationStatus.Reviewed, reviewed.Status);
        Assert.Equal(970, reviewed.TotalTenths);
        Assert.Equal(onPage.Answers, StoredAnswers.Parse(reviewed.AnswersJson).Items);
    }
}
