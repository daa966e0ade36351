using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// The files of an issued decision, as a reader of the commune downloads them.
public sealed class DecisionDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Names = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Đức Thắng", "Phạm Thị Hường", "Đặng Văn Ấn"];

    private async Task<(int Id, Dictionary<string, int> Evaluations)> IssueAsync(int year, int number)
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, year,
            [.. Names.Select((n, i) => new Scored(n, $"T0{i % 3 + 1}", 800 + 25 * i)), new Scored("Hộ Chưa Đạt", "T01", 500, Meets: false)]);
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var id = await decisions.IssueAsync(DecisionTestData.Form(Title.FamilyLearning, year, number, [.. Names.Select(n => ids[n])]));
        return (id, ids);
    }

    private async Task<T> AsViewerAsync<T>(Func<DecisionService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        return await action(scope.ServiceProvider.GetRequiredService<DecisionService>());
    }

    private static string ValidatedText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public async Task The_decision_docx_is_valid_and_names_the_number_and_every_recognised_subject()
    {
        var (id, _) = await IssueAsync(2024, 12);

        var file = await AsViewerAsync(d => d.DecisionDocxAsync(id));

        Assert.Equal("quyet-dinh-12-qd-ubnd-2024.docx", file.FileName);
        var text = ValidatedText(file.Content);
        Assert.Contains("ỦY BAN NHÂN DÂN", text);
        Assert.Contains("XÃ CẨM TÂN", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Số: 12/QĐ-UBND", text);
        Assert.Contains("Cẩm Tân, ngày 05 tháng 12 năm 2024", text);
        Assert.Contains("Về việc công nhận danh hiệu “Gia đình học tập” năm 2024", text);
        Assert.Contains("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ CẨM TÂN", text);
        Assert.Contains("Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023", text);
        Assert.Contains("Điều 1. Công nhận 5 gia đình đạt danh hiệu “Gia đình học tập” năm 2024 (có danh sách kèm theo).", text);
        Assert.Contains("chịu trách nhiệm thi hành Quyết định này./.", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("KT. CHỦ TỊCH", text);
        Assert.Contains("PHÓ CHỦ TỊCH", text);
        Assert.Contains("Trịnh Văn Chủ", text);
        Assert.Contains("(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/12/2024 của Chủ tịch Ủy ban nhân dân xã Cẩm Tân)", text);
        Assert.All(Names, n => Assert.Contains(n, text));
        Assert.DoesNotContain("Hộ Chưa Đạt", text);
        Assert.Contains("82,5", text);
    }

    [Fact]
    public async Task A_title_scored_by_level_lists_the_level_without_points_and_a_title_scored_by_points_keeps_them()
    {
        string[] units = ["Trường Tiểu học Cẩm Tân", "Trạm Y tế xã Cẩm Tân"];
        var ids = await app.AddEvaluationsAsync(Title.UnitLearning, 2025, [.. units.Select(u => new Scored(u, "T01", 0))]);
        await app.ScoreByLevelAsync(ids.Values, "Mức độ 1");
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var candidates = (await decisions.CandidatePageAsync(Title.UnitLearning, 2025, null, new PageRequest(0, 50))).Items;
        Assert.All(candidates.Where(c => ids.ContainsValue(c.EvaluationId)), c => Assert.Empty(DocumentTexts.Points(c.TotalTenths)));
        var byLevel = await decisions.IssueAsync(DecisionTestData.Form(Title.UnitLearning, 2025, 41, [.. ids.Values]));
        var (byPoints, _) = await IssueAsync(2025, 42);

        Assert.All((await AsViewerAsync(d => d.GetAsync(byLevel))).Subjects, s => Assert.Empty(DocumentTexts.Points(s.TotalTenths)));
        var pdf = LibreOffice.ToPdf((await AsViewerAsync(d => d.DecisionDocxAsync(byLevel))).Content, "muc-do.docx");
        var annex = LibreOffice.Lines(pdf).SkipWhile(l => !l.Contains("DANH SÁCH", StringComparison.Ordinal)).ToList();
        // A narrow column wraps its heading ("Tổng" / "điểm"), so neither word may be left.
        Assert.DoesNotContain(annex, l => l.Contains("Tổng", StringComparison.Ordinal) || l.Contains("điểm", StringComparison.Ordinal));
        foreach (var unit in units)
        {
            var row = Assert.Single(annex, l => l.Contains(unit, StringComparison.Ordinal));
            Assert.Contains("Mức độ 1", row);
            Assert.DoesNotMatch(@"(^|\s)0(\s|$)", row);
        }

        Assert.Equal(825, (await AsViewerAsync(d => d.GetAsync(byPoints))).Subjects.Single(s => s.Name == "Trần Thị Bích Ngọc").TotalTenths);
        var points = ValidatedText((await AsViewerAsync(d => d.DecisionDocxAsync(byPoints))).Content).Split('\n');
        var heading = Array.IndexOf(points, "Tổng điểm");
        Assert.True(heading > 0, "Bảng danh sách phải có cột Tổng điểm.");
        Assert.Equal("82,5", points[Array.IndexOf(points, "Trần Thị Bích Ngọc") + 2]);
    }

    [Fact]
    public async Task The_proposal_list_is_valid_and_lists_the_reviewed_subjects_that_meet_the_criteria()
    {
        await app.AddEvaluationsAsync(Title.ClanLearning, 2024,
            new("Dòng họ Nguyễn Bá", "T01", 900), new("Dòng họ Trịnh", "T02", 870), new("Dòng họ Cao", "T03", 400, Meets: false));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");

        var file = await scope.ServiceProvider.GetRequiredService<DecisionService>().ProposalDocxAsync(Title.ClanLearning, 2024);

        var text = ValidatedText(file.Content);
        Assert.Contains("DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN", text);
        Assert.Contains("Danh hiệu “Dòng họ học tập” năm 2024", text);
        Assert.Contains("Dòng họ Nguyễn Bá", text);
        Assert.Contains("Dòng họ Trịnh", text);
        Assert.DoesNotContain("Dòng họ Cao", text);
        Assert.Contains("TRƯỞNG BAN", text);
        var pdf = LibreOffice.ToPdf(file.Content, "de-nghi.docx");
        LibreOffice.AssertCommitteeHeader(LibreOffice.Lines(pdf));
    }

    [Fact]
    public async Task The_proposal_list_says_which_set_and_items_are_not_yet_checked_against_the_official_text()
    {
        await app.AddEvaluationsAsync(Title.FamilyLearning, 2023, new Scored("Hộ Đối Chiếu", "T01", 900));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var set = Assert.Single(await decisions.SetsForAsync(Title.FamilyLearning, 2023));
        Assert.True(set.NeedsChecking);

        var text = ValidatedText((await decisions.ProposalDocxAsync(Title.FamilyLearning, 2023)).Content);

        Assert.Contains($"Ghi chú: bộ tiêu chí “{set.Name}” (phiên bản {set.VersionNumber})", text);
        Assert.Contains($"tiêu chí chưa đối chiếu: {string.Join(", ", set.UncheckedItems)}.", text);
    }

    [Fact]
    public async Task The_decision_annex_says_which_set_and_items_are_not_yet_checked_against_the_official_text()
    {
        var (id, _) = await IssueAsync(2024, 31);
        var set = Assert.Single((await AsViewerAsync(d => d.GetAsync(id))).Sets);
        Assert.True(set.NeedsChecking);
        Assert.NotEmpty(set.UncheckedItems);

        var text = ValidatedText((await AsViewerAsync(d => d.DecisionDocxAsync(id))).Content);

        var annex = text[text.IndexOf("(Danh sách gồm 5 gia đình.)", StringComparison.Ordinal)..];
        Assert.Contains($"Ghi chú: bộ tiêu chí “{set.Name}” (phiên bản {set.VersionNumber})", annex);
        Assert.Contains($"tiêu chí chưa đối chiếu: {string.Join(", ", set.UncheckedItems)}.", annex);
    }

    [Fact]
    public async Task The_decision_over_a_fully_checked_set_has_no_note()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2024, new Scored("Võ Thị Kiểm", "T02", 900));
        await ScoreWithACheckedCopyAsync(ids["Võ Thị Kiểm"]);
        int id;
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            id = await scope.ServiceProvider.GetRequiredService<DecisionService>()
                .IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2024, 32, ids["Võ Thị Kiểm"]));
        }
        Assert.False(Assert.Single((await AsViewerAsync(d => d.GetAsync(id))).Sets).NeedsChecking);

        var text = ValidatedText((await AsViewerAsync(d => d.DecisionDocxAsync(id))).Content);

        Assert.Contains("Võ Thị Kiểm", text);
        Assert.DoesNotContain("Ghi chú", text);
        Assert.DoesNotContain("chưa đối chiếu", text);
    }

    // The evaluation is moved to a copy of its set that is checked, item by item (a draft copy: no other test scores with it).
    private async Task ScoreWithACheckedCopyAsync(int evaluationId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var evaluation = await db.Set<Evaluation>().SingleAsync(e => e.Id == evaluationId);
        var source = await db.Set<CriteriaSet>().AsNoTracking().SingleAsync(s => s.Id == evaluation.CriteriaSetId);
        var definition = CriteriaSetJson.Deserialize(source.DefinitionJson);
        var checkedDefinition = definition with
        {
            Checked = true,
            Groups = ValueList.Create(definition.Groups
                .Select(g => g with { Items = ValueList.Create(g.Items.Select(i => i with { Unchecked = false }).ToArray().AsSpan()) }).ToArray().AsSpan()),
        };
        var copy = new CriteriaSet
        {
            Title = source.Title, Name = source.Name + " (đã đối chiếu)", VersionNumber = 1, Status = CriteriaSetStatus.Draft,
            FromYear = source.FromYear, ToYear = source.ToYear, Checked = true, LegalBasisNumber = source.LegalBasisNumber,
            DefinitionJson = CriteriaSetJson.Serialize(checkedDefinition),
        };
        db.Add(copy);
        await db.SaveChangesAsync();
        evaluation.CriteriaSetId = copy.Id;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_certificates_pdf_has_one_page_per_subject_with_its_verification_code()
    {
        var (id, _) = await IssueAsync(2025, 13);
        var detail = await AsViewerAsync(d => d.GetAsync(id));

        var file = await AsViewerAsync(d => d.CertificatesPdfAsync(id, "https://hoctap.camtan.vn"));

        Assert.Equal("application/pdf", file.ContentType);
        using var pdf = PdfReader.Open(new MemoryStream(file.Content), PdfDocumentOpenMode.Import);
        Assert.Equal(Names.Length, pdf.PageCount);
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            Assert.True(page.Width.Point > page.Height.Point, "Trang phải nằm ngang (A4 landscape).");
            var content = PageText(page);
            Assert.Contains(detail.Subjects[i].CertificateCode, content);
            Assert.Contains($"https://hoctap.camtan.vn/xac-minh/{detail.Subjects[i].CertificateCode}", content);
        }
    }

    // The page's content stream, decoded: text drawn in the WinAnsi font (the code, the address) is readable as is.
    private static string PageText(PdfPage page)
    {
        var builder = new StringBuilder();
        foreach (var item in page.Contents.Elements)
        {
            var stream = (item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item) as PdfDictionary;
            builder.Append(Encoding.Latin1.GetString(stream!.Stream.UnfilteredValue));
        }
        return builder.ToString();
    }

    [Fact]
    public async Task A_missing_decision_is_refused_and_a_viewer_cannot_make_the_proposal_list()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => AsViewerAsync(d => d.DecisionDocxAsync(987654)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsViewerAsync(d => d.ProposalDocxAsync(Title.FamilyLearning, 2024)));
    }
}
