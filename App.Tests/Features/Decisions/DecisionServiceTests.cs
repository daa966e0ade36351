using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// Each test works on its own year (or title), so the tests of the class share one app without seeing each other.
public sealed class DecisionServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<DecisionService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<DecisionService>());
    }

    private Task<int> IssueAsync(DecisionForm form, string email = "bcd@camtan.vn") => AsAsync(email, d => d.IssueAsync(form));

    [Fact]
    public async Task The_decision_page_loads_counts_per_village_one_page_and_the_ids_to_select()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2021,
            new("Nguyễn Văn An", "T02", 925), new("Trần Thị Bình", "T01", 880), new("Lê Văn Cường", "T01", 850),
            new("Phạm Văn Dũng", "T01", 610, Meets: false), new("Đỗ Thị Em", "T03", 900));
        var t01 = await app.VillageIdAsync("T01");

        var groups = await AsAsync("bcd@camtan.vn", d => d.CandidateGroupsAsync(Title.FamilyLearning, 2021));
        var (t02, t03) = (await app.VillageIdAsync("T02"), await app.VillageIdAsync("T03"));
        Assert.Equal([((int?)t01, 3, 2), (t02, 1, 1), (t03, 1, 1)], groups.Select(g => (g.VillageId, g.Reviewed, g.Meeting)));

        var all = await AsAsync("bcd@camtan.vn", d => d.CandidatesAsync(Title.FamilyLearning, 2021));
        var pages = new List<HocTapSuotDoi.Features.Decisions.Candidate>();
        for (var page = 0; page < 3; page++)
        {
            var result = await AsAsync("bcd@camtan.vn", d => d.CandidatePageAsync(Title.FamilyLearning, 2021, null, new PageRequest(page, 2)));
            Assert.Equal(5, result.Total);
            pages.AddRange(result.Items);
        }
        Assert.Equal(all, pages);
        var village = await AsAsync("bcd@camtan.vn", d => d.CandidatePageAsync(Title.FamilyLearning, 2021, t01, new PageRequest(0, 50)));
        Assert.Equal(["Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng"], village.Items.Select(c => c.Name));

        Assert.Equal([ids["Trần Thị Bình"], ids["Lê Văn Cường"]], (await AsAsync("bcd@camtan.vn", d => d.MeetingIdsAsync(Title.FamilyLearning, 2021, t01))).Order());
        Assert.Equal(4, (await AsAsync("bcd@camtan.vn", d => d.MeetingIdsAsync(Title.FamilyLearning, 2021, null))).Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", d => d.CandidateGroupsAsync(Title.FamilyLearning, 2021)));
    }

    [Fact]
    public async Task Issuing_recognises_the_chosen_evaluations_and_leaves_the_others_reviewed()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2024,
            new("Nguyễn Văn An", "T02", 925), new("Trần Thị Bình", "T01", 880), new("Lê Văn Cường", "T01", 850),
            new("Phạm Văn Dũng", "T03", 610, Meets: false));

        var id = await IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2024, 101, ids["Nguyễn Văn An"], ids["Trần Thị Bình"]));

        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(ids["Nguyễn Văn An"]));
        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(ids["Trần Thị Bình"]));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(ids["Lê Văn Cường"]));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(ids["Phạm Văn Dũng"]));

        var detail = await AsAsync("xem@camtan.vn", d => d.GetAsync(id));
        // Every reader of the decision is told the set it was scored with is "chưa đối chiếu", and which items.
        var set = Assert.Single(detail.Sets);
        Assert.True(set.NeedsChecking);
        Assert.False(set.Checked);
        Assert.Contains("2.3", set.UncheckedItems);
        Assert.Equal("101/QĐ-UBND", detail.FullNumber);
        // Listed by village (Tân Hòa before Tân Thành), then by given name.
        Assert.Equal(["Trần Thị Bình", "Nguyễn Văn An"], detail.Subjects.Select(s => s.Name));
        Assert.Equal(["Thôn Tân Hòa", "Thôn Tân Thành"], detail.Subjects.Select(s => s.Village));
        Assert.All(detail.Subjects, s => Assert.Matches($"^[{VerificationCode.Alphabet}]{{8}}$", s.CertificateCode));
        Assert.Equal(2, detail.Subjects.Select(s => s.CertificateCode).Distinct().Count());

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var log = await db.ChangeLogs.Where(c => c.By == "bcd@camtan.vn").ToListAsync();
        Assert.Contains(log, c => c.EntityType == nameof(Decision) && c.EntityId == id.ToString() && c.Action == "Thêm");
        // The sheet's own history says it was recognised and by which decision; one audit trail, not a change-log row too.
        var line = Assert.Single(await db.Set<EvaluationAudit>().Where(a => a.EvaluationId == ids["Nguyễn Văn An"] && a.What == "Trạng thái").ToListAsync());
        Assert.Equal(("bcd@camtan.vn", EvaluationStatus.Reviewed.Text(), EvaluationStatus.Recognised.Text()), (line.By, line.Old, line.New));
        Assert.Equal("Theo Quyết định số 101/QĐ-UBND ngày 05/12/2024 công nhận Gia đình học tập năm 2024", line.Reason);
        Assert.DoesNotContain(log, c => c.EntityType == nameof(Evaluation));
        var sheet = await db.Set<Evaluation>().SingleAsync(e => e.Id == ids["Nguyễn Văn An"]);
        Assert.Equal((2, "bcd@camtan.vn"), (sheet.Version, sheet.UpdatedBy));
    }

    [Fact]
    public async Task A_sheet_changed_while_the_decision_is_written_refuses_the_whole_decision()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2022,
            new("Nguyễn Văn An", "T02", 925), new("Trần Thị Bình", "T01", 880), new("Lê Văn Cường", "T03", 610, Meets: false));
        var form = DecisionTestData.Form(Title.FamilyLearning, 2022, 111, ids["Nguyễn Văn An"], ids["Trần Thị Bình"]);
        form.MarkOthersNotRecognised = true;
        // Someone's save lands on Trần Thị Bình's sheet after the decision read it, just before the sheets are closed.
        var interloper = new SaveBeforeFirstSheetUpdate($"UPDATE \"Evaluation\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {ids["Trần Thị Bình"]}");
        var settings = app.Services.GetRequiredService<HocTapSuotDoi.Setup.AppSettings>();
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(settings.ConnectionString).AddInterceptors(interloper).Options))
        {
            db.Actor = "bcd@camtan.vn";
            var communeId = await db.Communes.Select(c => c.Id).FirstAsync();
            var error = await Assert.ThrowsAsync<StaleEditException>(() => DecisionService.IssueAsync(db, communeId, form, new DateTime(2022, 12, 5, 2, 0, 0, DateTimeKind.Utc)));
            Assert.Contains("vừa được người khác sửa", error.Message);
        }
        Assert.True(interloper.Done);

        // Nothing of it was written: no decision, every sheet as it was, no history line.
        Assert.DoesNotContain(await AsAsync("bcd@camtan.vn", d => d.ListAsync(2022)), r => r.FullNumber == "111/QĐ-UBND");
        Assert.All(ids.Values, id => Assert.Equal(EvaluationStatus.Reviewed, app.StatusAsync(id).Result));
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await check.Set<EvaluationAudit>().AnyAsync(a => ids.Values.Contains(a.EvaluationId)));
        Assert.False(await check.Set<DecisionSubject>().AnyAsync(s => ids.Values.Contains(s.EvaluationId)));

        // Read again, the same decision goes through.
        var issued = await IssueAsync(form);
        Assert.Equal(2, (await AsAsync("bcd@camtan.vn", d => d.GetAsync(issued))).Subjects.Count);
        Assert.Equal(EvaluationStatus.NotRecognised, await app.StatusAsync(ids["Lê Văn Cường"]));
        var closed = await check.Set<EvaluationAudit>().SingleAsync(a => a.EvaluationId == ids["Lê Văn Cường"]);
        Assert.Equal("Chưa đạt tiêu chí, không có tên trong Quyết định số 111/QĐ-UBND ngày 05/12/2022", closed.Reason);
    }

    // Runs a statement in the decision's own transaction just before its first UPDATE of the sheets, as a save by
    // another user that got in between would leave the row.
    private sealed class SaveBeforeFirstSheetUpdate(string sql) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public bool Done { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Done && command.CommandText.StartsWith("UPDATE \"Evaluation\"", StringComparison.Ordinal))
            {
                Done = true;
                await using var other = command.Connection!.CreateCommand();
                other.Transaction = command.Transaction;
                other.CommandText = sql;
                Assert.Equal(1, await other.ExecuteNonQueryAsync(cancellationToken));
            }
            return result;
        }
    }

    [Fact]
    public async Task Reviewed_evaluations_below_the_criteria_are_closed_only_when_asked()
    {
        var ids = await app.AddEvaluationsAsync(Title.ClanLearning, 2024,
            new("Dòng họ Nguyễn", "T01", 900), new("Dòng họ Trần", "T02", 860), new("Dòng họ Lê", "T03", 500, Meets: false),
            new("Dòng họ Đỗ", "T04", 400, Meets: false, Status: EvaluationStatus.Submitted));
        var form = DecisionTestData.Form(Title.ClanLearning, 2024, 102, ids["Dòng họ Nguyễn"]);
        form.MarkOthersNotRecognised = true;

        await IssueAsync(form);

        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(ids["Dòng họ Nguyễn"]));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(ids["Dòng họ Trần"]));
        Assert.Equal(EvaluationStatus.NotRecognised, await app.StatusAsync(ids["Dòng họ Lê"]));
        Assert.Equal(EvaluationStatus.Submitted, await app.StatusAsync(ids["Dòng họ Đỗ"]));
    }

    [Theory]
    [InlineData("canbo@camtan.vn", 201)]
    [InlineData("xem@camtan.vn", 202)]
    [InlineData("donvi@camtan.vn", 203)]
    public async Task Only_the_committee_and_administrators_may_issue(string email, int number)
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2023, new Scored($"Hộ thử quyền {email}", "T01", 900));
        var form = DecisionTestData.Form(Title.FamilyLearning, 2023, number, ids.Values.Single());

        await Assert.ThrowsAsync<ForbiddenException>(() => IssueAsync(form, email));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(email, d => d.NewFormAsync(Title.FamilyLearning, 2023)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(email, d => d.CandidatesAsync(Title.FamilyLearning, 2023)));
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(ids.Values.Single()));

        Assert.True(await IssueAsync(form, "admin@camtan.vn") > 0);
        Assert.Equal(EvaluationStatus.Recognised, await app.StatusAsync(ids.Values.Single()));
    }

    [Fact]
    public async Task A_decision_number_is_used_once_per_commune_and_year_of_signing()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2025,
            new("Vũ Văn Một", "T01", 900), new("Vũ Văn Hai", "T01", 900), new("Vũ Văn Ba", "T01", 900));
        await IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2025, 7, ids["Vũ Văn Một"]));

        var error = await Assert.ThrowsAsync<ValidationException>(() => IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2025, 7, ids["Vũ Văn Hai"])));
        Assert.Equal("Số quyết định 7 năm 2025 đã được dùng cho một quyết định khác của xã. Hãy kiểm tra sổ đăng ký văn bản.", error.Message);
        Assert.Equal(EvaluationStatus.Reviewed, await app.StatusAsync(ids["Vũ Văn Hai"]));

        // Signed in January of the next year, number 7 belongs to the new register.
        var nextYear = DecisionTestData.Form(Title.FamilyLearning, 2025, 7, ids["Vũ Văn Ba"]);
        nextYear.IssuedOn = new DateTime(2026, 1, 8);
        Assert.True(await IssueAsync(nextYear) > 0);
    }

    [Fact]
    public async Task Only_reviewed_evaluations_that_meet_the_criteria_can_be_recognised()
    {
        var ids = await app.AddEvaluationsAsync(Title.VillageCommunity, 2024,
            new("Thôn Tân Hòa", "T01", 900, Status: EvaluationStatus.Submitted), new("Thôn Tân Lập", "T03", 550, Meets: false),
            new("Thôn Tân Sơn", "T04", 950, Status: EvaluationStatus.Draft));

        var error = await Assert.ThrowsAsync<ValidationException>(() => IssueAsync(
            DecisionTestData.Form(Title.VillageCommunity, 2024, 103, ids["Thôn Tân Hòa"], ids["Thôn Tân Lập"], ids["Thôn Tân Sơn"])));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Thôn Tân Hòa: hồ sơ đang ở trạng thái “Đã chấm”, chỉ công nhận được hồ sơ đã duyệt.", messages);
        Assert.Contains("Thôn Tân Lập chưa đạt tiêu chí nên không thể công nhận.", messages);
        Assert.Contains("Thôn Tân Sơn: hồ sơ đang ở trạng thái “Nháp”, chỉ công nhận được hồ sơ đã duyệt.", messages);
        Assert.Empty(await AsAsync("bcd@camtan.vn", d => d.ListAsync(2024)).ContinueWith(t => t.Result.Where(r => r.Title == Title.VillageCommunity)));
        Assert.Empty(await AsAsync("bcd@camtan.vn", d => d.CandidatesAsync(Title.VillageCommunity, 2024)).ContinueWith(t => t.Result.Where(c => c.MeetsCriteria)));
    }

    [Fact]
    public async Task An_evaluation_cannot_be_in_two_decisions()
    {
        var ids = await app.AddEvaluationsAsync(Title.UnitLearning, 2024, new Scored("Trường Tiểu học Cẩm Tân", "T01", 900));
        await IssueAsync(DecisionTestData.Form(Title.UnitLearning, 2024, 104, ids.Values.Single()));

        var error = await Assert.ThrowsAsync<ValidationException>(() => IssueAsync(DecisionTestData.Form(Title.UnitLearning, 2024, 105, ids.Values.Single())));

        Assert.Equal("Trường Tiểu học Cẩm Tân đã được công nhận tại Quyết định số 104/QĐ-UBND.", error.Errors.Single().ErrorMessage);
        Assert.DoesNotContain(await AsAsync("bcd@camtan.vn", d => d.ListAsync(2024)), r => r.FullNumber == "105/QĐ-UBND");
    }

    [Fact]
    public async Task Candidates_are_the_reviewed_evaluations_of_the_title_and_year_by_village()
    {
        await app.AddEvaluationsAsync(Title.CitizenLearning, 2024,
            new("Nguyễn Thị Yến", "T02", 900), new("Hoàng Văn Ánh", "T02", 700, Meets: false), new("Bùi Thị Xuân", "T01", 810),
            new("Đinh Văn Gửi", "T01", 900, Status: EvaluationStatus.Submitted));
        await app.AddEvaluationsAsync(Title.CitizenLearning, 2023, new Scored("Ngô Văn Khác", "T01", 900));

        var candidates = await AsAsync("bcd@camtan.vn", d => d.CandidatesAsync(Title.CitizenLearning, 2024));

        Assert.Equal(["Bùi Thị Xuân", "Hoàng Văn Ánh", "Nguyễn Thị Yến"], candidates.Select(c => c.Name));
        Assert.Equal([true, false, true], candidates.Select(c => c.MeetsCriteria));
        Assert.Equal("Thôn Tân Thành", candidates[2].Village);
    }

    [Fact]
    public async Task A_new_form_carries_the_usual_bases_and_the_last_signer()
    {
        var form = await AsAsync("bcd@camtan.vn", d => d.NewFormAsync(Title.FamilyLearning, 2026));

        var bases = DecisionDefaults.Lines(form.Bases);
        Assert.Equal("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", bases[0]);
        Assert.Contains(bases, b => b.StartsWith("Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ"));
        Assert.Contains(bases, b => b.StartsWith("Căn cứ Quyết định số 448/QĐ-KHVN của Hội Khuyến học Việt Nam"));
        Assert.Contains(bases, b => b.StartsWith("Căn cứ Kế hoạch của Ủy ban nhân dân xã Cẩm Tân"));
        Assert.Equal("Xét đề nghị của Ban chỉ đạo xây dựng xã hội học tập xã Cẩm Tân.", bases[^1]);
        Assert.Equal("Ủy ban nhân dân xã Cẩm Tân", form.IssuingBody);
        Assert.Equal("Cẩm Tân", form.Place);
    }

    [Fact]
    public async Task An_incomplete_form_is_refused_with_Vietnamese_messages()
    {
        var form = new DecisionForm { Title = Title.FamilyLearning, Year = 2026, IssuedOn = new DateTime(2025, 12, 31), Bases = " \n ", Symbol = "" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => IssueAsync(form));

        var messages = error.Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains("Hãy nhập số quyết định.", messages);
        Assert.Contains("Hãy nhập ký hiệu quyết định (ví dụ QĐ-UBND).", messages);
        Assert.Contains("Ngày ký không được trước năm công nhận 2026.", messages);
        Assert.Contains("Hãy nhập họ và tên người ký.", messages);
        Assert.Contains("Hãy nhập ít nhất một căn cứ ban hành.", messages);
        Assert.Contains("Hãy chọn ít nhất một đối tượng được công nhận.", messages);
    }
}
