using System.Net;
using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

public sealed class EvidenceTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>
{
    private async Task<int> EvaluationInAsync(string village, string head)
    {
        var household = await app.AddHouseholdAsync(village, head);
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        await scope.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, app.Today.Year, [household]);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var registration = await db.Set<Registration>().Where(r => r.SubjectId == household && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(registration)).EvaluationId;
    }

    [Fact]
    public async Task A_scorer_attaches_a_pdf_that_only_users_who_see_the_evaluation_can_download()
    {
        var evaluation = await EvaluationInAsync("T01", "Bạch Văn Chứng");
        var pdf = "%PDF-1.4 minh chứng"u8.ToArray();
        int fileId;
        await using (var scope = await app.AsUserAsync("canbo@camtan.vn"))
        {
            var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
            fileId = (await evidence.UploadAsync(evaluation, "1.2", "giay-khen-hoc-sinh.pdf", pdf.Length, new MemoryStream(pdf))).Id;
            var listed = Assert.Single(await evidence.ListAsync(evaluation));
            Assert.Equal(("1.2", "giay-khen-hoc-sinh.pdf", "canbo@camtan.vn"), (listed.ItemCode, listed.FileName, listed.UploadedBy));
        }

        using var scorer = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(scorer, "canbo@camtan.vn", AppFactory.DemoPassword);
        var download = await scorer.GetAsync($"/minh-chung/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        using var unit = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(unit, "donvi@camtan.vn", AppFactory.DemoPassword);
        var refused = await unit.GetAsync($"/minh-chung/{fileId}");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Theory]
    [InlineData("virus.exe", 100, "Tệp \"virus.exe\" không được nhận: chỉ nhận PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx).")]
    [InlineData("anh-lon.jpg", 11 * 1024 * 1024, "Tệp \"anh-lon.jpg\" quá lớn: mỗi tệp minh chứng tối đa 10 MB.")]
    public async Task Files_of_a_wrong_type_or_too_large_are_refused_in_Vietnamese(string name, long size, string message)
    {
        var evaluation = await EvaluationInAsync("T02", "Bạch Văn Sai" + size);
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
        var error = await Assert.ThrowsAsync<ValidationException>(() => evidence.UploadAsync(evaluation, "1.2", name, size, new MemoryStream([1, 2, 3])));
        Assert.Equal(message, error.Message);
        Assert.Empty(await evidence.ListAsync(evaluation));
    }

    [Fact]
    public async Task A_scorer_of_other_villages_cannot_attach_evidence()
    {
        var evaluation = await EvaluationInAsync("T06", "Bạch Văn Xa");
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<EvidenceService>()
            .UploadAsync(evaluation, "1.2", "a.pdf", 3, new MemoryStream([1, 2, 3])));
    }
}
