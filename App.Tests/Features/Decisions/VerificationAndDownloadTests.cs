using System.Net;
using DocumentFormat.OpenXml.Packaging;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// Over HTTP, as a browser: the public verification page and the download endpoints with their role checks.
// The app with one issued decision of two households, made once for the class.
public sealed class IssuedDecisionApp : AppFactory, IAsyncLifetime
{
    public int DecisionId { get; private set; }
    public string Code { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var ids = await this.AddEvaluationsAsync(Title.FamilyLearning, 2025, new("Hà Thị Thu", "T04", 910), new("Mai Văn Tùng", "T05", 880));
        await using var scope = await this.AsUserAsync("bcd@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        DecisionId = await decisions.IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2025, 31, [.. ids.Values]));
        Code = (await decisions.GetAsync(DecisionId)).Subjects.Single(s => s.Name == "Hà Thị Thu").CertificateCode;
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class VerificationAndDownloadTests(IssuedDecisionApp app) : IClassFixture<IssuedDecisionApp>
{
    [Fact]
    public async Task A_genuine_code_shows_the_subject_title_year_and_decision_to_anyone()
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync($"/xac-minh/{app.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Contains($"Mã <b>{app.Code}</b> là mã của một giấy công nhận thật.", page);
        Assert.Contains("Hà Thị Thu", page);
        Assert.Contains("“Gia đình học tập” năm 2025", page);
        Assert.Contains("Theo Quyết định số 31/QĐ-UBND ngày 05/12/2025 của Chủ tịch Ủy ban nhân dân xã Cẩm Tân", page);
        // Nothing beyond the certificate: not the other subject, not the village, not the score.
        Assert.DoesNotContain("Mai Văn Tùng", page);
        Assert.DoesNotContain("Tân Sơn", page);
        Assert.DoesNotContain("điểm", page);
    }

    [Fact]
    public async Task A_code_typed_in_lower_case_with_a_dash_is_found_from_the_form()
    {
        using var client = app.CreateBrowserlikeClient();
        var typed = $"{app.Code[..4].ToLowerInvariant()}-{app.Code[4..].ToLowerInvariant()}";

        var page = await (await client.GetAsync($"/xac-minh?ma={Uri.EscapeDataString(typed)}")).TextAsync();

        Assert.Contains("là mã của một giấy công nhận thật", page);
        Assert.Contains("Hà Thị Thu", page);
    }

    [Theory]
    [InlineData("ABCD2345")]
    [InlineData("khong-co")]
    public async Task An_unknown_code_is_reported_as_not_found(string code)
    {
        using var client = app.CreateBrowserlikeClient();

        var response = await client.GetAsync($"/xac-minh/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.TextAsync();
        Assert.Contains($"Không tìm thấy giấy công nhận nào có mã “{code}”.", page);
        Assert.DoesNotContain("giấy công nhận thật", page);
    }

    [Fact]
    public async Task Downloads_need_a_signed_in_reader_and_the_proposal_list_needs_the_committee()
    {
        using var anonymous = app.CreateBrowserlikeClient();
        var refused = await anonymous.GetAsync($"/quyet-dinh/{app.DecisionId}/quyet-dinh.docx");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/dang-nhap", refused.LocationPath());

        using var viewer = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(viewer, "xem@camtan.vn", AppFactory.DemoPassword);
        var docx = await viewer.GetAsync($"/quyet-dinh/{app.DecisionId}/quyet-dinh.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(Downloads.DocxType, docx.Content.Headers.ContentType?.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("Số: 31/QĐ-UBND", document.MainDocumentPart!.Document!.Body!.InnerText);
        }
        var pdf = await viewer.GetAsync($"/quyet-dinh/{app.DecisionId}/giay-cong-nhan.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/quyet-dinh/de-nghi.docx?danh-hieu=FamilyLearning&nam=2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/quyet-dinh/999999/quyet-dinh.docx")).StatusCode);

        using var committee = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(committee, "bcd@camtan.vn", AppFactory.DemoPassword);
        var proposal = await committee.GetAsync("/quyet-dinh/de-nghi.docx?danh-hieu=FamilyLearning&nam=2025");
        Assert.Equal(HttpStatusCode.OK, proposal.StatusCode);
        Assert.Equal("de-nghi-cong-nhan-gia-dinh-hoc-tap-2025.docx", proposal.Content.Headers.ContentDisposition?.FileName);
    }
}

public sealed class DocumentTextsTests
{
    [Theory]
    [InlineData(2026, 12, 5, "Cẩm Tân, ngày 05 tháng 12 năm 2026")]
    [InlineData(2026, 2, 9, "Cẩm Tân, ngày 09 tháng 02 năm 2026")]
    [InlineData(2026, 3, 15, "Cẩm Tân, ngày 15 tháng 3 năm 2026")]
    public void The_date_line_follows_the_administrative_format(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DocumentTexts.DateLine("Cẩm Tân", new DateOnly(year, month, day)));

    [Fact]
    public void The_issuing_body_and_the_signer_position_are_split_into_printed_lines()
    {
        Assert.Equal(["ỦY BAN NHÂN DÂN", "XÃ CẨM TÂN"], DocumentTexts.IssuerLines("Ủy ban nhân dân xã Cẩm Tân"));
        Assert.Equal(["HỘI KHUYẾN HỌC XÃ CẨM TÂN"], DocumentTexts.IssuerLines("Hội Khuyến học xã Cẩm Tân"));
        Assert.Equal(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], DocumentTexts.PositionLines("KT. Chủ tịch – Phó Chủ tịch"));
        Assert.Equal(["CHỦ TỊCH"], DocumentTexts.PositionLines("CHỦ TỊCH"));
        Assert.Equal("85,5", DocumentTexts.Points(855));
        Assert.Equal("90", DocumentTexts.Points(900));
    }

    [Fact]
    public void Verification_codes_are_eight_unambiguous_characters_and_typing_is_forgiven()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();
        Assert.All(codes, c => Assert.Matches("^[A-HJ-KM-NP-Z2-9]{8}$", c));
        Assert.DoesNotContain(codes, c => c.IndexOfAny(['0', 'O', '1', 'I', 'L']) >= 0);
        Assert.Equal(2000, codes.Distinct().Count());
        Assert.Equal("ABCD2345", VerificationCode.Normalise(" abcd-2345 "));
        Assert.Null(VerificationCode.Normalise("ABCD1234"));
        Assert.Null(VerificationCode.Normalise("ABC"));
    }
}
