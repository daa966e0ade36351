using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Awards;

// Rounds, proposals and the council's review through the real services: hints from the app's data, who may do what
// (checked by the service, whatever the page shows), the subject's page, and the documents' preconditions.
public sealed class AwardServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<AwardService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<AwardService>());
    }

    private Task AsAsync(string email, Func<AwardService, Task> action) => AsAsync(email, async s => { await action(s); return 0; });

    [Fact]
    public async Task A_round_must_be_held_in_its_year_and_only_once()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.CreateRoundAsync(new RoundForm { Kind = AwardRoundKind.MidTermReview, Year = 2024 })));
        Assert.Equal("Sơ kết giai đoạn 1 tổ chức năm 2025.", ex.Errors.Single().ErrorMessage);

        var id = await AsAsync("bcd@camtan.vn", s => s.CreateRoundAsync(new RoundForm { Kind = AwardRoundKind.Yearly, Year = 2024 }));
        var again = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.CreateRoundAsync(new RoundForm { Kind = AwardRoundKind.Yearly, Year = 2024 })));
        Assert.Equal("Đã có đợt “Khen thưởng năm 2024”.", again.Message);
        var round = await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(id));
        Assert.Equal((2024, 2024), (round.FromYear, round.ToYear));
        Assert.False(round.CanManage);
    }

    [Fact]
    public async Task Hints_leave_out_a_household_that_has_moved_away()
    {
        var stays = await app.AddRecognisedHouseholdAsync("Phan Văn Ở", "T03", 2024, 2025);
        var left = await app.AddRecognisedHouseholdAsync("Phan Văn Đi", "T03", 2024, 2025);
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        Assert.Equal(2, (await AsAsync("bcd@camtan.vn", s => s.HintsAsync(roundId))).Count(h => h.Kind == SubjectKind.Household && (h.Id == stays || h.Id == left)));

        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            var households = scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Households.HouseholdService>();
            var detail = await households.GetAsync(left);
            await households.ChangeStatusAsync(new HocTapSuotDoi.Features.Households.StatusForm
            {
                Id = left, Version = detail.Form.Version, Status = (int)HocTapSuotDoi.Features.Households.HouseholdStatus.MovedAway, Date = new DateTime(2026, 3, 1),
            });
        }

        var hints = await AsAsync("bcd@camtan.vn", s => s.HintsAsync(roundId));
        Assert.Contains(hints, h => h.Kind == SubjectKind.Household && h.Id == stays);
        Assert.DoesNotContain(hints, h => h.Kind == SubjectKind.Household && h.Id == left);
    }

    [Fact]
    public async Task The_committee_proposes_from_hints_and_the_council_approves_or_refuses_with_a_reason()
    {
        var thu = await app.AddRecognisedHouseholdAsync("Lê Văn Thử", "T01", 2023, 2024, 2025);
        var mai = await app.AddRecognisedHouseholdAsync("Nguyễn Thị Mai", "T02", 2024, 2025);
        var once = await app.AddRecognisedHouseholdAsync("Trần Văn Một", "T02", 2025);
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);

        var hints = await AsAsync("xem@camtan.vn", s => s.HintsAsync(roundId));
        var thuHint = hints.Single(h => h.Kind == SubjectKind.Household && h.Id == thu);
        Assert.Equal(AwardForm.ProvinceCertificate, thuHint.SuggestedForm);
        Assert.Equal("Lê Văn Thử", thuHint.Name);
        Assert.Equal("Thôn Tân Hòa", thuHint.Village);
        Assert.Equal(AwardForm.CommuneCertificate, hints.Single(h => h.Id == mai && h.Kind == SubjectKind.Household).SuggestedForm);
        Assert.DoesNotContain(hints, h => h.Kind == SubjectKind.Household && h.Id == once);

        var form = new ProposalForm { RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = mai, Form = AwardForm.CommuneCertificate, Achievements = "Gia đình học tập 2 năm liền." };
        var maiProposal = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(form));
        var twice = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(form)));
        Assert.Equal("Nguyễn Thị Mai đã có trong danh sách đề nghị của đợt này.", twice.Message);
        var thuProposal = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = thu, Form = thuHint.SuggestedForm, Achievements = thuHint.Achievements,
            // The name comes from the register, whatever the form says.
            SubjectName = "Tên gõ tay",
        }));

        var (maiVersion, thuVersion) = (await app.ProposalVersionAsync(maiProposal), await app.ProposalVersionAsync(thuProposal));
        var refuse = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.ReviewAsync(maiProposal, maiVersion, false, " ")));
        Assert.Equal("Hãy ghi lý do Hội đồng không đồng ý.", refuse.Message);
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(maiProposal, maiVersion, false, "Chưa tiêu biểu."));
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(thuProposal, thuVersion, true, null));

        var round = await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(roundId));
        var rows = round.Proposals.Where(p => p.Id == maiProposal || p.Id == thuProposal).ToDictionary(p => p.Id);
        Assert.Equal((AwardProposalStatus.Refused, "Chưa tiêu biểu.", "bcd@camtan.vn"), (rows[maiProposal].Status, rows[maiProposal].CouncilNote, rows[maiProposal].ReviewedBy));
        Assert.Equal(AwardProposalStatus.Approved, rows[thuProposal].Status);
        Assert.Equal(("Lê Văn Thử", "Thôn Tân Hòa"), (rows[thuProposal].SubjectName, rows[thuProposal].VillageName));

        // Changing a reviewed proposal sends it back to the council.
        await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            Id = maiProposal, Version = rows[maiProposal].Version, RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = mai,
            Form = AwardForm.CommuneCertificate, Achievements = "Gia đình học tập 2 năm liền; tủ sách gia đình cho cả xóm.",
        }));
        Assert.Equal(AwardProposalStatus.Proposed, (await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(roundId))).Proposals.Single(p => p.Id == maiProposal).Status);

        // The approved award shows on the household's page, for whoever may read the household.
        var awards = await AsAsync("canbo@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Household, thu));
        Assert.Equal("Sơ kết giai đoạn 1 (2023–2025)", Assert.Single(awards).Round);
        Assert.Empty(await AsAsync("xem@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Household, mai)));
    }

    [Fact]
    public async Task The_council_cannot_answer_a_proposal_changed_since_it_was_loaded()
    {
        var household = await app.AddRecognisedHouseholdAsync("Đinh Văn Cũ", "T03", 2024, 2025);
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        var form = new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = household, Form = AwardForm.CommuneCertificate, Achievements = "Hai năm liền.",
        };
        form.Id = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(form));
        var loaded = (await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(roundId))).Proposals.Single(p => p.Id == form.Id);

        // Another committee member changes it meanwhile.
        form.Version = loaded.Version;
        form.Achievements = "Hai năm liền; tủ sách gia đình cho cả xóm.";
        await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(form));

        var stale = await Assert.ThrowsAsync<StaleEditException>(() => AsAsync("bcd@camtan.vn", s => s.ReviewAsync(form.Id, loaded.Version, false, "Chưa tiêu biểu.")));
        Assert.Equal("Đề nghị khen thưởng này vừa được người khác sửa trong lúc bạn đang sửa. Dữ liệu của bạn chưa được lưu: hãy tải lại để xem bản mới rồi sửa lại.",
            stale.Message);
        var reloaded = (await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(roundId))).Proposals.Single(p => p.Id == form.Id);
        Assert.Equal((AwardProposalStatus.Proposed, ""), (reloaded.Status, reloaded.CouncilNote));

        // The version just loaded is answered.
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(form.Id, reloaded.Version, true, null));
        var approved = (await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(roundId))).Proposals.Single(p => p.Id == form.Id);
        Assert.Equal((AwardProposalStatus.Approved, "bcd@camtan.vn"), (approved.Status, approved.ReviewedBy));
    }

    [Fact]
    public async Task Viewers_read_but_cannot_change_anything_and_other_roles_cannot_read_rounds()
    {
        var household = await app.AddRecognisedHouseholdAsync("Phạm Văn Xem", "T03", 2024, 2025);
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        var proposal = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = household, Form = AwardForm.CommuneCertificate, Achievements = "Hai năm liền.",
        }));
        var version = (await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(roundId))).Documents.Version;
        var proposalVersion = await app.ProposalVersionAsync(proposal);

        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.CreateRoundAsync(new RoundForm { Kind = AwardRoundKind.Yearly, Year = 2026 })));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = household, Form = AwardForm.CommuneCertificate, Achievements = "x",
        })));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.ReviewAsync(proposal, proposalVersion, true, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.DeleteProposalAsync(proposal)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.SaveDocumentsAsync(AwardTestData.Documents(roundId, version))));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.GetRoundAsync(roundId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", s => s.ListRoundsAsync()));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.ReviewAsync(proposal, proposalVersion, true, null)));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(AwardProposalStatus.Proposed, await db.Set<AwardProposal>().Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync());
    }

    [Fact]
    public async Task A_scorer_cannot_read_the_awards_of_a_household_outside_their_villages()
    {
        var household = await app.AddRecognisedHouseholdAsync("Hà Văn Xa", "T05", 2024, 2025);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Household, household)));
        Assert.Empty(await AsAsync("xem@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Household, household)));
    }

    [Fact]
    public async Task A_proposal_must_name_a_register_row_of_the_commune_and_say_its_achievements()
    {
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm { RoundId = roundId })));
        Assert.Equal(["Hãy chọn đối tượng trong sổ theo dõi.", "Hãy ghi tóm tắt thành tích."], invalid.Errors.Select(e => e.ErrorMessage));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = 987_654, Form = AwardForm.CommuneCertificate, Achievements = "x",
        })));
        var options = await AsAsync("bcd@camtan.vn", s => s.SearchSubjectsAsync(SubjectKind.Unit, "thcs"));
        Assert.Equal("Trường THCS Cẩm Tân", Assert.Single(options).Name);
    }

    [Fact]
    public async Task An_approved_award_of_a_clan_shows_on_the_clans_page_for_readers()
    {
        var household = await app.AddHouseholdAsync("T04", "Khúc Văn Thành Viên");
        int clanId;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            clanId = await scope.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Clans.ClanService>()
                .SaveAsync(new HocTapSuotDoi.Features.Clans.ClanForm { Name = "Dòng họ Khúc", HeadName = "Khúc Văn Trưởng", HouseholdIds = [household] });
        }
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        var proposal = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Clan, SubjectId = clanId, Form = AwardForm.CommuneCertificate, Achievements = "Dòng họ học tập tiêu biểu.",
        }));
        Assert.Empty(await AsAsync("xem@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Clan, clanId)));

        var version = await app.ProposalVersionAsync(proposal);
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(proposal, version, true, null));

        var award = Assert.Single(await AsAsync("xem@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Clan, clanId)));
        Assert.Equal(("Sơ kết giai đoạn 1 (2023–2025)", "Dòng họ học tập tiêu biểu."), (award.Round, award.Achievements));
    }
}
