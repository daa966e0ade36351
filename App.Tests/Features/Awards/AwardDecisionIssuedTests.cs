using Bunit;
using DocumentFormat.OpenXml.Packaging;
using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The commune chair's award decision: issued with its number, date and signer only when the council has answered every
// proposal; from then on the round's list is locked (service and page), the .docx is the issued one, and the awards
// show on the household's page with the decision, its members' awards included.
public sealed class AwardDecisionIssuedTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private AsyncServiceScope _viewer;

    public async Task InitializeAsync()
    {
        _viewer = await app.AsUserAsync("xem@camtan.vn");
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_viewer.ServiceProvider.GetRequiredService<AwardService>());
    }

    private async Task<T> AsAsync<T>(string email, Func<AwardService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<AwardService>());
    }

    private Task AsAsync(string email, Func<AwardService, Task> action) => AsAsync(email, async s => { await action(s); return 0; });

    private static RoundDocumentsForm Documents(RoundView round, DateTime date) => new()
    {
        RoundId = round.Id, Version = round.Documents.Version, DecisionNumber = 131, DecisionDate = date, SignerName = "Trịnh Đình Long",
        SignerPosition = "CHỦ TỊCH", CouncilMeeting = "Biên bản họp số 07/BB-HĐTĐKT ngày 20/12/2024",
    };

    [Fact]
    public async Task Issuing_the_decision_locks_the_list_and_the_household_page_shows_the_decision_with_its_members_awards()
    {
        var householdId = await app.AddHouseholdAsync("T03", "Phan Văn Khóa", ("Phan Thị Con", Sex.Female, 2008, Relation.Child));
        int childId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            childId = await db.People.Where(p => p.HouseholdId == householdId && p.FullName == "Phan Thị Con").Select(p => p.Id).SingleAsync();
        }
        var roundId = await app.RoundAsync(AwardRoundKind.Yearly, 2024);
        var household = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = householdId, Form = AwardForm.CommuneCertificate, Achievements = "Gia đình hiếu học.",
        }));
        var child = await AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Person, SubjectId = childId, Form = AwardForm.CommuneCertificate, Achievements = "Học sinh giỏi cấp tỉnh.",
        }));
        var householdVersion = await app.ProposalVersionAsync(household);
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(household, householdVersion, true, null));

        // Not while a proposal waits for the council, not dated outside the round's year, and nothing to download before.
        var round = await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(roundId));
        var waiting = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.IssueDecisionAsync(Documents(round, new DateTime(2024, 12, 27)))));
        Assert.Equal("Còn 1 đề nghị chưa được Hội đồng Thi đua – Khen thưởng xét: hãy xét xong trước khi ban hành quyết định.", waiting.Message);
        var childVersion = await app.ProposalVersionAsync(child);
        await AsAsync("bcd@camtan.vn", s => s.ReviewAsync(child, childVersion, true, null));
        round = await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(roundId));
        var late = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.IssueDecisionAsync(Documents(round, new DateTime(2025, 1, 3)))));
        Assert.Equal("Ngày ký quyết định phải trong năm 2024 của đợt khen thưởng.", late.Message);
        await using (var scope = await app.AsUserAsync("xem@camtan.vn"))
        {
            var notYet = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<AwardFileService>().DecisionDocxAsync(roundId));
            Assert.StartsWith("Quyết định khen thưởng chưa ban hành", notYet.Message);
        }
        var pending = await AsAsync("xem@camtan.vn", s => s.ForSubjectAsync(SubjectKind.Household, householdId));
        Assert.Null(Assert.Single(pending).DecisionNumber);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.IssueDecisionAsync(Documents(round, new DateTime(2024, 12, 27)))));

        await AsAsync("bcd@camtan.vn", s => s.IssueDecisionAsync(Documents(round, new DateTime(2024, 12, 27))));

        round = await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(roundId));
        Assert.True(round.Issued);
        Assert.Equal("bcd@camtan.vn", round.IssuedBy);
        Assert.False(round.CanChangeList);
        var listed = (await AsAsync("xem@camtan.vn", s => s.ListRoundsAsync())).Rounds.Single(r => r.Id == roundId);
        Assert.Equal((131, true), (listed.DecisionNumber, listed.Issued));
        const string locked = "Quyết định khen thưởng số 131/QĐ-UBND ngày 27/12/2024 đã ban hành: danh sách khen thưởng của đợt đã khóa, " +
            "không thêm, sửa, xóa hay xét lại đề nghị được nữa.";
        var other = await app.AddRecognisedHouseholdAsync("Phan Văn Muộn", "T03", 2024);
        var add = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = other, Form = AwardForm.CommuneCertificate, Achievements = "Muộn.",
        })));
        Assert.Equal(locked, add.Message);
        childVersion = await app.ProposalVersionAsync(child);
        Assert.Equal(locked, (await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.ReviewAsync(child, childVersion, false, "Xét lại.")))).Message);
        Assert.Equal(locked, (await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.DeleteProposalAsync(household)))).Message);
        var renumber = Documents(round, new DateTime(2024, 12, 27));
        renumber.DecisionNumber = 132;
        Assert.Equal("Quyết định khen thưởng đã ban hành: số, ngày, người ký và biên bản họp Hội đồng không sửa được nữa.",
            (await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveDocumentsAsync(renumber)))).Message);
        Assert.Equal(2, (await AsAsync("xem@camtan.vn", s => s.GetRoundAsync(roundId))).Proposals.Count(p => p.Status == AwardProposalStatus.Approved));

        // The .docx is the issued decision.
        await using (var scope = await app.AsUserAsync("xem@camtan.vn"))
        {
            var file = await scope.ServiceProvider.GetRequiredService<AwardFileService>().DecisionDocxAsync(roundId);
            using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("Số: 131/QĐ-UBND", text);
            Assert.Contains("27/12/2024", text);
            Assert.Contains("Trịnh Đình Long", text);
            Assert.Contains("Gia đình ông/bà Phan Văn Khóa", text);
            Assert.Contains("Ông/Bà Phan Thị Con", text);
        }

        // The household's page: its own Giấy khen and its member's, with the decision.
        var page = _ctx.Render<SubjectAwards>(p => p.Add(x => x.Kind, SubjectKind.Household).Add(x => x.SubjectId, householdId).Add(x => x.WithMembers, true));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".subject-award").Count));
        Assert.All(page.FindAll(".subject-award"), a => Assert.Contains("Quyết định số 131/QĐ-UBND ngày 27/12/2024", a.TextContent));
        Assert.Contains(page.FindAll(".subject-award"), a => a.TextContent.Contains("Phan Thị Con") && a.TextContent.Contains("Học sinh giỏi cấp tỉnh."));

        // The locked list offers no buttons that change it.
        var panel = _ctx.Render<ProposalsPanel>(p => p.Add(x => x.Round, round));
        Assert.Empty(panel.FindAll("#add-proposal"));
        Assert.Empty(panel.FindAll("button.approve, button.refuse"));
        Assert.Empty(panel.FindAll("button[aria-label^='Sửa đề nghị'], button[aria-label^='Xóa đề nghị']"));

        // The next round remembers the signer.
        var next = await app.RoundAsync(AwardRoundKind.Yearly, 2026);
        var documents = (await AsAsync("bcd@camtan.vn", s => s.GetRoundAsync(next))).Documents;
        Assert.Equal(("Trịnh Đình Long", "CHỦ TỊCH"), (documents.SignerName, documents.SignerPosition));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _viewer.DisposeAsync();
    }
}
