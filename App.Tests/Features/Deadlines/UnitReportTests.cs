using System.Net;
using FluentValidation;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

public sealed class UnitReportTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    private const string VillageViewer = "xem.t01@camtan.vn";

    // canbo@camtan.vn reports for T01 and T02; the draft carries a PDF.
    private async Task<int> DraftWithAttachmentAsync(int deadline, int year, SubjectRef village)
    {
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var reports = scorer.ServiceProvider.GetRequiredService<UnitReportService>();
        var view = await reports.GetAsync(deadline, year, village);
        view.Form.Text = "Các hộ trong thôn tham gia học tập đều đặn.";
        view.Form.AttachmentName = "bao-cao-thon.pdf";
        view.Form.AttachmentContent = "%PDF-1.4 báo cáo"u8.ToArray();
        await reports.SaveDraftAsync(view.Form);
        return (await reports.GetAsync(deadline, year, village)).ReportId!.Value;
    }

    [Fact]
    public async Task A_viewer_of_one_village_reads_that_villages_report_but_not_another_villages()
    {
        app.StartClockAt(new DateTime(2030, 11, 10, 9, 0, 0));
        await app.AddUserAsync(VillageViewer, Roles.Viewer, "T01");
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var t01 = await app.VillageAsync("T01");
        var t02 = await app.VillageAsync("T02");
        var own = await DraftWithAttachmentAsync(yearly, 2030, t01);
        var other = await DraftWithAttachmentAsync(yearly, 2030, t02);

        // The report page renders on the circuit only (no prerendering): what it shows is what GetAsync answers.
        await using (var viewer = await app.AsUserAsync(VillageViewer))
        {
            var reports = viewer.ServiceProvider.GetRequiredService<UnitReportService>();
            var view = await reports.GetAsync(yearly, 2030, t01);
            Assert.False(view.CanEdit);
            Assert.Equal("bao-cao-thon.pdf", view.AttachmentName);
            await Assert.ThrowsAsync<ForbiddenException>(() => reports.GetAsync(yearly, 2030, t02));
            await Assert.ThrowsAsync<ForbiddenException>(() => reports.GetAttachmentAsync(other));
            await Assert.ThrowsAsync<ForbiddenException>(() => reports.RefreshFiguresAsync(t02, 2030));
        }

        using var client = await app.SignedInClientAsync(VillageViewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/bao-cao/tep/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/bao-cao/tep/{other}")).StatusCode);

        await using (var viewer = await app.AsUserAsync("xem@camtan.vn"))
        {
            Assert.Equal("bao-cao-thon.pdf", (await viewer.ServiceProvider.GetRequiredService<UnitReportService>().GetAsync(yearly, 2030, t02)).AttachmentName);
        }
        using var communeViewer = await app.SignedInClientAsync("xem@camtan.vn");
        Assert.Equal(HttpStatusCode.OK, (await communeViewer.GetAsync($"/bao-cao/tep/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await communeViewer.GetAsync($"/bao-cao/tep/{other}")).StatusCode);
    }

    [Theory]
    [InlineData("cai-dat.exe")]
    [InlineData("trang.html")]
    public async Task An_attachment_of_a_type_other_uploads_refuse_is_refused_and_nothing_is_saved(string name)
    {
        app.StartClockAt(new DateTime(2031, 11, 10, 9, 0, 0));
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var t02 = await app.VillageAsync("T02");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var reports = scorer.ServiceProvider.GetRequiredService<UnitReportService>();
        var view = await reports.GetAsync(yearly, 2031, t02);
        view.Form.Text = "Báo cáo có tệp lạ.";
        view.Form.AttachmentName = name;
        view.Form.AttachmentContent = "MZ<html>"u8.ToArray();

        var error = await Assert.ThrowsAsync<ValidationException>(() => reports.SaveDraftAsync(view.Form));
        Assert.Contains($"Tệp \"{name}\" không được nhận: chỉ nhận PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx).", error.Message);
        await using var db = await app.DbAsync();
        Assert.False(await db.Set<UnitReport>().AnyAsync(r => r.DeadlineId == yearly && r.Year == 2031 && r.SubjectKind == t02.Kind && r.SubjectId == t02.Id));
    }

    [Theory]
    [InlineData("bao-cao.pdf", "application/pdf")]
    [InlineData("bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task A_pdf_or_docx_attachment_is_kept_with_the_type_of_its_extension(string name, string type)
    {
        app.StartClockAt(new DateTime(2032, 11, 10, 9, 0, 0));
        var yearly = await app.DeadlineIdAsync("bao-cao-nam");
        var t01 = await app.VillageAsync("T01");
        await using var scorer = await app.AsUserAsync("canbo@camtan.vn");
        var reports = scorer.ServiceProvider.GetRequiredService<UnitReportService>();
        var view = await reports.GetAsync(yearly, 2032, t01);
        view.Form.Text = "Báo cáo kèm tệp.";
        view.Form.AttachmentName = name;
        view.Form.AttachmentContent = [1, 2, 3];
        await reports.SaveDraftAsync(view.Form);

        var saved = (await reports.GetAsync(yearly, 2032, t01)).ReportId!.Value;
        var file = await reports.GetAttachmentAsync(saved);
        Assert.Equal((name, type), (file!.Value.Name, file.Value.ContentType));
    }
}
