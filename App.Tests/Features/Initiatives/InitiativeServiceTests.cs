using FluentValidation;
using HocTapSuotDoi.Features.Initiatives;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Initiatives;

// The register of initiatives through the real service: validation, who may recognise, scopes, filters and paging.
// Each test uses its own year so that the tests sharing the database do not see each other's rows.
public sealed class InitiativeServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<InitiativeService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<InitiativeService>());
    }

    private async Task<int> VillageIdAsync(string code) => (await app.VillageAsync(code)).Id;

    private static InitiativeForm Proposal(int year, string title, int? villageId = null) => new()
    {
        Year = year, VillageId = villageId,
        Content = new()
        {
            Kind = InitiativeKind.GoodModel, AuthorKind = InitiativeAuthorKind.Household, AuthorName = "Hộ ông Nguyễn Văn Hùng",
            Title = title, ApplicationScope = "Toàn thôn", Evidence = "Biên bản họp thôn",
        },
    };

    [Fact]
    public async Task Invalid_entries_are_refused_with_Vietnamese_reasons()
    {
        var form = new InitiativeForm { Year = 2031, Status = InitiativeStatus.Recognised };
        var ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveAsync(form)));
        Assert.Equal(
            ["Hãy nhập tên sáng kiến, mô hình.", "Hãy nhập tác giả (cá nhân, hộ, đơn vị hoặc thôn).", "Năm phải trong giai đoạn 2023–2030 của Phong trào thi đua.",
             "Sáng kiến được công nhận phải có số quyết định công nhận.", "Sáng kiến được công nhận phải có ngày quyết định."],
            ex.Errors.Select(e => e.ErrorMessage));
        var early = Proposal(2025, "Tủ sách dòng họ");
        early.Status = InitiativeStatus.Recognised;
        early.Content.DecisionNumber = "12/QĐ-UBND";
        early.DecisionDate = new DateTime(2024, 12, 20);
        ex = await Assert.ThrowsAsync<ValidationException>(() => AsAsync("bcd@camtan.vn", s => s.SaveAsync(early)));
        Assert.Equal("Ngày quyết định không được trước năm của sáng kiến.", ex.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task Staff_propose_for_their_villages_and_only_the_committee_recognises()
    {
        var t01 = await VillageIdAsync("T01");
        var id = await AsAsync("canbo@camtan.vn", s => s.SaveAsync(Proposal(2024, "Mô hình “Góc học tập gia đình”", t01)));

        var elsewhere = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.SaveAsync(Proposal(2024, "Lớp tin học", null))));
        Assert.Equal("Bạn chỉ ghi được sáng kiến của thôn mình phụ trách: hãy chọn thôn.", elsewhere.Message);
        var t05 = await VillageIdAsync("T05");
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.SaveAsync(Proposal(2024, "Lớp tin học", t05))));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem@camtan.vn", s => s.SaveAsync(Proposal(2024, "Lớp tin học", t01))));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", s => s.SaveAsync(Proposal(2024, "Lớp tin học", t01))));

        var form = await AsAsync("canbo@camtan.vn", s => s.GetAsync(id));
        form.Status = InitiativeStatus.Recognised;
        form.Content.DecisionNumber = "45/QĐ-UBND";
        form.DecisionDate = new DateTime(2024, 12, 10);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.SaveAsync(form)));
        Assert.Equal(InitiativeService.RecogniseOnlyCommittee, refused.Message);
        await AsAsync("bcd@camtan.vn", s => s.SaveAsync(form));

        var (page, _) = await AsAsync("canbo@camtan.vn", s => s.ListAsync(new InitiativeFilter(Year: 2024), new PageRequest()));
        var row = Assert.Single(page.Items);
        Assert.Equal((InitiativeStatus.Recognised, "45/QĐ-UBND", new DateOnly(2024, 12, 10), false), (row.Status, row.DecisionNumber, row.DecisionDate, row.CanEdit));
        // Once decided, the staff member can no longer change it.
        var decided = await AsAsync("canbo@camtan.vn", s => s.GetAsync(id));
        decided.Status = InitiativeStatus.Proposed;
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", s => s.SaveAsync(decided)));
        await using var db = await app.DbAsync();
        var log = await db.ChangeLogs.Where(c => c.EntityType == nameof(Initiative) && c.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(log, c => c.Action == "Thêm" && c.By == "canbo@camtan.vn");
        Assert.Contains(log, c => c.Changes.Contains("Status: Proposed → Recognised") && c.Changes.Contains("DecisionNumber:  → 45/QĐ-UBND") && c.By == "bcd@camtan.vn");
    }

    [Fact]
    public async Task The_list_filters_searches_without_diacritics_pages_and_keeps_to_the_readers_scope()
    {
        var t01 = await VillageIdAsync("T01");
        var t06 = await VillageIdAsync("T06");
        var school = (await app.UnitAsync("THCS")).Id;
        for (var i = 1; i <= 30; i++)
        {
            var form = Proposal(2027, $"Câu lạc bộ đọc sách số {i:00}", i % 2 == 0 ? t01 : t06);
            form.Content.Kind = i <= 10 ? InitiativeKind.Solution : InitiativeKind.GoodModel;
            await AsAsync("bcd@camtan.vn", s => s.SaveAsync(form));
        }
        var unitForm = Proposal(2027, "Giải pháp tự học trực tuyến cho giáo viên");
        unitForm.Content.AuthorKind = InitiativeAuthorKind.Unit;
        unitForm.Content.AuthorName = "Trường THCS Cẩm Tân";
        unitForm.UnitId = school;
        await AsAsync("bcd@camtan.vn", s => s.SaveAsync(unitForm));

        var all = new InitiativeFilter(Year: 2027);
        var (first, canAdd) = await AsAsync("xem@camtan.vn", s => s.ListAsync(all, new PageRequest(0, 25)));
        Assert.Equal((31, 25, false), (first.Total, first.Items.Count, canAdd));
        var (second, _) = await AsAsync("xem@camtan.vn", s => s.ListAsync(all, new PageRequest(1, 25)));
        Assert.Equal(6, second.Items.Count);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));

        Assert.Equal(10, (await AsAsync("xem@camtan.vn", s => s.ListAsync(all with { Kind = InitiativeKind.Solution }, new PageRequest()))).Page.Total);
        Assert.Equal(0, (await AsAsync("xem@camtan.vn", s => s.ListAsync(all with { Status = InitiativeStatus.Recognised }, new PageRequest()))).Page.Total);
        var found = (await AsAsync("xem@camtan.vn", s => s.ListAsync(all with { Search = "cau lac bo doc sach so 07" }, new PageRequest()))).Page;
        Assert.Equal("Câu lạc bộ đọc sách số 07", Assert.Single(found.Items).Title);

        var (scorer, scorerCanAdd) = await AsAsync("canbo@camtan.vn", s => s.ListAsync(all, new PageRequest(0, 100)));
        Assert.True(scorerCanAdd);
        Assert.Equal(15, scorer.Total);
        var (unit, _) = await AsAsync("donvi@camtan.vn", s => s.ListAsync(all, new PageRequest()));
        Assert.Equal("Giải pháp tự học trực tuyến cho giáo viên", Assert.Single(unit.Items).Title);
        var someoneElses = first.Items.First(r => r.Title.StartsWith("Câu lạc bộ")).Id;
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", s => s.GetAsync(someoneElses)));
    }

    [Fact]
    public async Task A_viewer_of_one_village_reads_its_entries_and_those_of_no_village_but_not_another_villages()
    {
        await app.AddUserAsync("xem.t01@camtan.vn", Roles.Viewer, "T01");
        var (t01, t05) = (await VillageIdAsync("T01"), await VillageIdAsync("T05"));
        var near = await AsAsync("bcd@camtan.vn", s => s.SaveAsync(Proposal(2029, "Tủ sách thôn gần", t01)));
        var far = await AsAsync("bcd@camtan.vn", s => s.SaveAsync(Proposal(2029, "Tủ sách thôn xa", t05)));
        var commune = await AsAsync("bcd@camtan.vn", s => s.SaveAsync(Proposal(2029, "Tủ sách của xã")));

        var listed = (await AsAsync("xem.t01@camtan.vn", s => s.ListAsync(new InitiativeFilter(Year: 2029), new PageRequest()))).Page.Items.Select(i => i.Id).ToList();
        Assert.Equal([near, commune], listed.Order());
        Assert.Equal("Tủ sách thôn gần", (await AsAsync("xem.t01@camtan.vn", s => s.GetAsync(near))).Content.Title);
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("xem.t01@camtan.vn", s => s.GetAsync(far)));
        Assert.Equal(3, (await AsAsync("xem@camtan.vn", s => s.ListAsync(new InitiativeFilter(Year: 2029), new PageRequest()))).Page.Total);
    }
}
