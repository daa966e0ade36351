using FluentValidation;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Emulation;

// Criteria editing and versioning, and the self-report a unit or a village attaches to its yearly report, through the
// real services on the demo commune. Each test works on its own participant kind, unit or village.
public sealed class SelfReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<SelfReportView> ViewAsync(string email, int deadlineId, SubjectRef subject)
    {
        await using var scope = await app.AsUserAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<SelfReportService>().GetAsync(deadlineId, EmulationTestData.Year, subject))!;
    }

    private async Task AsAsync(string email, Func<SelfReportService, Task> action)
    {
        await using var scope = await app.AsUserAsync(email);
        await action(scope.ServiceProvider.GetRequiredService<SelfReportService>());
    }

    private async Task<CriteriaListView> CurrentListAsync(ParticipantKind kind)
    {
        await using var scope = await app.AsUserAsync("admin@camtan.vn");
        return (await scope.ServiceProvider.GetRequiredService<EmulationCriteriaService>().CurrentListsAsync()).Single(l => l.Kind == kind);
    }

    private async Task<CriteriaSaveResult> EditAsync(string email, EmulationCriteriaForm form)
    {
        await using var scope = await app.AsUserAsync(email);
        return await scope.ServiceProvider.GetRequiredService<EmulationCriteriaService>().SaveAsync(form);
    }

    [Fact]
    public async Task Editing_a_list_nobody_answered_changes_it_in_place_and_is_audited()
    {
        var list = await CurrentListAsync(ParticipantKind.Individuals);
        var form = EmulationCriteriaService.FormFor(list);
        form.Criteria.Add(new CriterionLine { Text = "Tích cực tham gia các hoạt động của Trung tâm học tập cộng đồng." });

        var result = await EditAsync("admin@camtan.vn", form);

        Assert.Equal(new CriteriaSaveResult(list.Id, false), result);
        var after = await CurrentListAsync(ParticipantKind.Individuals);
        Assert.Equal((1, 3), (after.VersionNumber, after.Criteria.Count));
        await using var db = await app.DbAsync();
        Assert.Contains(await db.ChangeLogs.Where(c => c.EntityType == nameof(EmulationCriteriaList) && c.EntityId == list.Id.ToString()).ToListAsync(),
            c => c.Action == "Sửa" && c.By == "admin@camtan.vn");
    }

    [Fact]
    public async Task Criteria_lists_are_checked_in_Vietnamese_and_only_administrators_change_them()
    {
        var form = EmulationCriteriaService.FormFor(await CurrentListAsync(ParticipantKind.Commune));
        form.Criteria[1].Text = " ";
        var ex = await Assert.ThrowsAsync<ValidationException>(() => EditAsync("admin@camtan.vn", form));
        Assert.Contains(ex.Errors, e => e.ErrorMessage == "Nội dung tiêu chí không được để trống.");

        form.Criteria.Clear();
        form.Name = "";
        ex = await Assert.ThrowsAsync<ValidationException>(() => EditAsync("admin@camtan.vn", form));
        Assert.Equal(["Hãy nhập tên danh sách tiêu chí.", "Danh sách phải có ít nhất một tiêu chí."], ex.Errors.Select(e => e.ErrorMessage));

        var valid = EmulationCriteriaService.FormFor(await CurrentListAsync(ParticipantKind.Commune));
        await Assert.ThrowsAsync<ForbiddenException>(() => EditAsync("bcd@camtan.vn", valid));
        await Assert.ThrowsAsync<ForbiddenException>(() => EditAsync("donvi@camtan.vn", valid));
    }

    [Fact]
    public async Task A_unit_submits_its_self_report_the_committee_returns_it_then_accepts_it()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var school = await app.UnitAsync("THCS");
        await app.SaveYearlyDraftAsync("donvi@camtan.vn", deadline, school);
        var view = await ViewAsync("donvi@camtan.vn", deadline, school);
        Assert.True(view.CanEdit);
        Assert.Equal("Tiêu chí thi đua – Các ban ngành, đơn vị", view.ListName);
        Assert.Equal(5, view.Form.Lines.Count);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("donvi@camtan.vn", s => s.SubmitAsync(view.Form)));
        Assert.Contains(ex.Errors, e => e.ErrorMessage == "Tiêu chí 1: hãy chọn Đạt, Đạt một phần hoặc Chưa đạt.");
        view.Form.Lines[0].Outcome = CriterionOutcome.Met;
        ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("donvi@camtan.vn", s => s.SubmitAsync(view.Form)));
        Assert.Contains(ex.Errors, e => e.ErrorMessage == "Tiêu chí 1: hãy ghi minh chứng cho kết quả đã tự đánh giá.");

        await AsAsync("donvi@camtan.vn", s => s.SaveDraftAsync(view.Form));
        view = await ViewAsync("donvi@camtan.vn", deadline, school);
        Assert.Equal((SelfReportStatus.Draft, CriterionOutcome.Met), (view.Status, view.Form.Lines[0].Outcome));
        EmulationTestData.AnswerAll(view.Form, CriterionOutcome.Partly);
        view.Form.Lines[4].Outcome = CriterionOutcome.NotMet;
        view.Form.Lines[4].Note = "Chưa đủ thời gian công nhận.";
        await AsAsync("donvi@camtan.vn", s => s.SubmitAsync(view.Form));
        var submitted = await ViewAsync("donvi@camtan.vn", deadline, school);
        Assert.Equal((SelfReportStatus.Submitted, false, "donvi@camtan.vn"), (submitted.Status, submitted.CanEdit, submitted.SubmittedBy));
        ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("donvi@camtan.vn", s => s.SaveDraftAsync(submitted.Form)));
        Assert.Contains("chỉ sửa được khi Ban chỉ đạo trả lại", ex.Message);

        var id = submitted.SelfReportId!.Value;
        Assert.True((await ViewAsync("bcd@camtan.vn", deadline, school)).CanReview);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", s => s.AcceptAsync(id)));
        ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.ReturnAsync(id, "  ")));
        Assert.Equal("Hãy ghi lý do trả lại bản tự đánh giá.", ex.Message);
        await AsAsync("bcd@camtan.vn", s => s.ReturnAsync(id, "Tiêu chí 2 cần ghi rõ số tiền đầu tư."));

        var returned = await ViewAsync("donvi@camtan.vn", deadline, school);
        Assert.Equal((SelfReportStatus.Returned, true, "Tiêu chí 2 cần ghi rõ số tiền đầu tư."), (returned.Status, returned.CanEdit, returned.ReturnReason));
        Assert.Equal(CriterionOutcome.NotMet, returned.Form.Lines[4].Outcome);
        returned.Form.Lines[1].Evidence = "Chi 45.000.000 đồng mua sách và thiết bị cho thư viện.";
        await AsAsync("donvi@camtan.vn", s => s.SubmitAsync(returned.Form));
        await AsAsync("bcd@camtan.vn", s => s.AcceptAsync(id));

        var accepted = await ViewAsync("donvi@camtan.vn", deadline, school);
        Assert.Equal((SelfReportStatus.Accepted, false, "bcd@camtan.vn"), (accepted.Status, accepted.CanEdit, accepted.ReviewedBy));
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var row = Assert.Single(await scope.ServiceProvider.GetRequiredService<SelfReportService>().ListAsync(EmulationTestData.Year), r => r.Id == id);
        Assert.Equal((4, 1, 0, "Trường THCS Cẩm Tân"), (row.Partly, row.NotMet, row.Met, row.SubjectName));
        await using var db = await app.DbAsync();
        var log = await db.ChangeLogs.Where(c => c.EntityType == nameof(EmulationSelfReport) && c.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(log, c => c.Action == "Thêm" && c.By == "donvi@camtan.vn");
        Assert.Contains(log, c => c.Changes.Contains("Status: Submitted → Returned") && c.By == "bcd@camtan.vn");
        Assert.Contains(log, c => c.Changes.Contains("Status: Submitted → Accepted"));
    }

    [Fact]
    public async Task Editing_a_list_already_answered_makes_a_new_version_and_the_old_self_report_keeps_its_own()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var village = await app.VillageAsync("T01");
        await app.SaveYearlyDraftAsync("canbo@camtan.vn", deadline, village);
        var view = await ViewAsync("canbo@camtan.vn", deadline, village);
        EmulationTestData.AnswerAll(view.Form, CriterionOutcome.Met);
        await AsAsync("canbo@camtan.vn", s => s.SaveDraftAsync(view.Form));
        var old = await CurrentListAsync(ParticipantKind.Villages);
        Assert.True(old.InUse);

        var form = EmulationCriteriaService.FormFor(old);
        form.Criteria[1].Text = "Có ít nhất một sáng kiến, mô hình hay được xã ghi nhận trong năm.";
        var result = await EditAsync("admin@camtan.vn", form);

        Assert.True(result.NewVersion);
        Assert.NotEqual(old.Id, result.ListId);
        var current = await CurrentListAsync(ParticipantKind.Villages);
        Assert.Equal((result.ListId, 2, false), (current.Id, current.VersionNumber, current.InUse));
        Assert.Equal("Có ít nhất một sáng kiến, mô hình hay được xã ghi nhận trong năm.", current.Criteria[1]);
        var kept = await ViewAsync("canbo@camtan.vn", deadline, village);
        Assert.Equal((1, old.Criteria[1]), (kept.ListVersion, kept.Form.Lines[1].CriterionText));
        Assert.All(kept.Form.Lines, l => Assert.Equal(CriterionOutcome.Met, l.Outcome));
        // A village that starts now answers the new version.
        Assert.Equal(2, (await ViewAsync("canbo@camtan.vn", deadline, await app.VillageAsync("T02"))).ListVersion);
        // The old version is read-only.
        var stale = EmulationCriteriaService.FormFor(old);
        await using (var db = await app.DbAsync())
        {
            stale.Version = await db.Set<EmulationCriteriaList>().Where(l => l.Id == old.Id).Select(l => l.Version).SingleAsync();
        }
        var ex = await Assert.ThrowsAsync<ValidationException>(() => EditAsync("admin@camtan.vn", stale));
        Assert.Equal("Đây là phiên bản cũ; hãy sửa phiên bản đang áp dụng.", ex.Message);
    }

    [Fact]
    public async Task Reporters_are_refused_outside_their_own_unit_or_villages()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var health = await app.UnitAsync("TYT");
        int otherReportId;
        await using (var db = await app.DbAsync())
        {
            var report = new UnitReport { CommuneId = (await db.Communes.SingleAsync()).Id, DeadlineId = deadline, Year = EmulationTestData.Year, SubjectKind = health.Kind, SubjectId = health.Id, Text = "Báo cáo của trạm y tế" };
            db.Add(report);
            await db.SaveChangesAsync();
            otherReportId = report.Id;
        }
        var adminView = await ViewAsync("admin@camtan.vn", deadline, health);
        Assert.False(adminView.CanEdit);
        adminView.Form.UnitReportId = otherReportId;

        await Assert.ThrowsAsync<ForbiddenException>(() => ViewAsync("donvi@camtan.vn", deadline, health));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", s => s.SaveDraftAsync(adminView.Form)));
        Assert.Equal("Bạn không phải người báo cáo của nơi này.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.SaveDraftAsync(adminView.Form)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.SaveDraftAsync(adminView.Form)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("admin@camtan.vn", s => s.SaveDraftAsync(adminView.Form)));
        var farVillage = await app.VillageAsync("T05");
        await Assert.ThrowsAsync<ForbiddenException>(() => ViewAsync("canbo@camtan.vn", deadline, farVillage));
        await using var scope = await app.AsUserAsync("donvi@camtan.vn");
        await Assert.ThrowsAsync<ForbiddenException>(() => scope.ServiceProvider.GetRequiredService<SelfReportService>().ListAsync(EmulationTestData.Year));
    }

    [Fact]
    public async Task The_self_report_waits_for_the_yearly_report_and_belongs_only_to_the_yearly_results_deadline()
    {
        var deadline = await app.YearlyDeadlineAsync();
        var village = await app.VillageAsync("T02");
        var view = await ViewAsync("canbo@camtan.vn", deadline, village);
        Assert.Equal((null, false), (view.UnitReportId, view.CanEdit));
        var ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("canbo@camtan.vn", s => s.SaveDraftAsync(view.Form)));
        Assert.Equal(SelfReportService.NoReportYet, ex.Message);

        await using var db = await app.DbAsync();
        var registration = await db.Set<Deadline>().Where(d => d.DefaultKey == "dang-ky-danh-hieu").Select(d => d.Id).SingleAsync();
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SelfReportService>().GetAsync(registration, EmulationTestData.Year, village));
    }
}
