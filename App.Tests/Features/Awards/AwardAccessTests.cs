using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The award pages and files by URL, as a browser without the app's buttons would ask for them.
public sealed class AwardAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    // The 2025 sơ kết with one Giấy khen approved and the decision issued (once for the class: an issued round is locked).
    private async Task<int> DecidedRoundAsync()
    {
        var roundId = await app.RoundAsync(AwardRoundKind.MidTermReview, 2025);
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var awards = scope.ServiceProvider.GetRequiredService<AwardService>();
        if ((await awards.GetRoundAsync(roundId)).Issued)
        {
            return roundId;
        }
        var household = await app.AddRecognisedHouseholdAsync("Đỗ Văn Tải", "T04", 2024, 2025);
        var proposal = await awards.SaveProposalAsync(new ProposalForm
        {
            RoundId = roundId, SubjectKind = SubjectKind.Household, SubjectId = household, Form = AwardForm.CommuneCertificate, Achievements = "Hai năm liền.",
        });
        await awards.ReviewAsync(proposal, await app.ProposalVersionAsync(proposal), true, null);
        await awards.IssueDecisionAsync(AwardTestData.Documents(roundId, (await awards.GetRoundAsync(roundId)).Documents.Version));
        return roundId;
    }

    [Fact]
    public async Task Anonymous_requests_for_award_files_are_sent_to_sign_in()
    {
        using var client = app.CreateBrowserlikeClient();
        foreach (var url in new[] { "/khen-thuong/1/quyet-dinh.docx", "/khen-thuong/1/to-trinh.docx", "/khen-thuong/1/de-nghi.xlsx", "/giai-doan/1/bao-cao.docx" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dang-nhap", response.LocationPath());
        }
    }

    [Theory]
    [InlineData("canbo@camtan.vn")]
    [InlineData("donvi@camtan.vn")]
    public async Task Scorers_and_unit_reporters_get_neither_the_pages_nor_the_files(string email)
    {
        var roundId = await DecidedRoundAsync();
        using var client = await app.SignedInClientAsync(email);
        foreach (var page in new[] { "/khen-thuong", $"/khen-thuong/{roundId}", "/giai-doan" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/khong-co-quyen", response.LocationPath());
        }
        foreach (var file in new[] { $"/khen-thuong/{roundId}/quyet-dinh.docx", "/giai-doan/1/bao-cao.docx" })
        {
            var response = await client.GetAsync(file);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("Bạn không có quyền thực hiện thao tác này.", await response.TextAsync());
        }
    }

    [Fact]
    public async Task A_viewer_downloads_the_award_decision_and_the_phase_report()
    {
        var roundId = await DecidedRoundAsync();
        using var client = await app.SignedInClientAsync("xem@camtan.vn");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/khen-thuong/{roundId}")).StatusCode);
        var decision = await client.GetAsync($"/khen-thuong/{roundId}/quyet-dinh.docx");
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        Assert.Equal("quyet-dinh-khen-thuong-215-qd-ubnd-2025.docx", decision.Content.Headers.ContentDisposition?.FileNameStar);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await decision.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document));
            Assert.Contains("Gia đình ông/bà Đỗ Văn Tải", document.MainDocumentPart!.Document!.Body!.InnerText);
        }
        var phase = await client.GetAsync("/giai-doan/1/bao-cao.docx");
        Assert.Equal(HttpStatusCode.OK, phase.StatusCode);
        Assert.Equal("bao-cao-so-ket-2023-2025.docx", phase.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Without_an_approved_higher_proposal_the_submission_is_refused_with_a_reason()
    {
        var roundId = await DecidedRoundAsync();
        using var client = await app.SignedInClientAsync("bcd@camtan.vn");
        var response = await client.GetAsync($"/khen-thuong/{roundId}/to-trinh.docx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Chưa có đề nghị Bằng khen nào được Hội đồng đồng ý.", await response.TextAsync());
    }
}
