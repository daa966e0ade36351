using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Criteria;

public sealed class CriteriaSetServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(AsyncServiceScope Scope, CriteriaSetService Sets)> AdminAsync()
    {
        var scope = await app.AsUserAsync("admin@camtan.vn");
        return (scope, scope.ServiceProvider.GetRequiredService<CriteriaSetService>());
    }

    private async Task<int> IdOfAsync(string legalNumber, CriteriaSetStatus status = CriteriaSetStatus.Active, Title? title = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<CriteriaSet>().Where(s => s.LegalBasisNumber == legalNumber && s.Status == status && (title == null || s.Title == title))
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    [Fact]
    public async Task Every_shipped_set_is_listed_with_its_legal_basis_and_check_flag()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var rows = await sets.ListAsync();
        Assert.Equal(ShippedCriteriaSets.All.Count, rows.Count);
        foreach (var shipped in ShippedCriteriaSets.All)
        {
            var row = Assert.Single(rows, r => r.Title == shipped.Title && r.LegalBasis == shipped.LegalBasis.Number);
            Assert.Equal(shipped.Checked, row.Checked);
            Assert.Equal(CriteriaLibrarySeeder.ActiveByDefault(shipped) ? CriteriaSetStatus.Active : CriteriaSetStatus.Draft, row.Status);
        }
        Assert.Contains(rows, r => r.Title == Title.UnitLearning && r.LegalBasis == "22/2020/TT-BGDĐT" && r.Status == CriteriaSetStatus.Draft);
        Assert.Contains(rows, r => r.Title == Title.UnitLearning && r.LegalBasis == "448/QĐ-KHVN" && r.Status == CriteriaSetStatus.Active);
        Assert.Contains(rows, r => !r.Checked);
    }

    [Fact]
    public async Task Seeding_the_library_again_adds_nothing()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CriteriaLibrarySeeder>().SeedAsync();
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(ShippedCriteriaSets.All.Count, await db.Set<CriteriaSet>().CountAsync(s => s.ShippedKey != null));
    }

    [Fact]
    public async Task A_set_used_by_an_evaluation_cannot_be_edited_but_its_copy_can()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var copyId = await sets.CopyAsync(await IdOfAsync("448/QĐ-KHVN", title: Title.FamilyLearning));
        var copy = await sets.GetAsync(copyId);
        Assert.Equal(CriteriaSetStatus.Draft, copy.Row.Status);
        Assert.Equal(2, copy.Row.VersionNumber);
        Assert.True(copy.Editable);

        var edited = copy.Definition with { Note = "Đã sửa ghi chú" };
        await sets.SaveDraftAsync(copyId, copy.EntityVersion, edited);
        Assert.Equal("Đã sửa ghi chú", (await sets.GetAsync(copyId)).Definition.Note);

        await UseInAnEvaluationAsync(copyId);
        var again = await sets.GetAsync(copyId);
        Assert.False(again.Editable);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => sets.SaveDraftAsync(copyId, again.EntityVersion, edited with { Note = "Sửa lần hai" }));
        Assert.Equal(string.Format(CriteriaSetService.UsedSetMessage, 1), refused.Message);
        Assert.Equal("Đã sửa ghi chú", (await sets.GetAsync(copyId)).Definition.Note);

        var copyOfUsed = await sets.CopyAsync(copyId);
        Assert.True((await sets.GetAsync(copyOfUsed)).Editable);
    }

    [Fact]
    public async Task An_active_set_is_changed_only_through_a_copy()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var id = await IdOfAsync("244/QĐ-KHVN");
        var view = await sets.GetAsync(id);
        Assert.Equal(0, view.Row.Evaluations);
        var refused = await Assert.ThrowsAsync<ValidationException>(() => sets.SaveDraftAsync(id, view.EntityVersion, view.Definition));
        Assert.StartsWith("Chỉ sửa được bộ tiêu chí ở trạng thái nháp.", refused.Message);
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_with_the_validator_messages()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var copyId = await sets.CopyAsync(await IdOfAsync("244/QĐ-KHVN"));
        var view = await sets.GetAsync(copyId);
        var first = view.Definition.Groups[0];
        var broken = view.Definition with
        {
            Groups = ValueList.Create([first with { Max = first.Max + Points.Whole(5) }, .. view.Definition.Groups.Skip(1)]),
        };
        var error = await Assert.ThrowsAsync<ValidationException>(() => sets.SaveDraftAsync(copyId, view.EntityVersion, broken));
        Assert.Contains(error.Errors, e => e.ErrorMessage == "Tổng điểm khai báo 100 khác tổng điểm tối đa các nhóm 105");
        Assert.Contains(error.Errors, e => e.ErrorMessage.StartsWith($"Nhóm {first.Code}, nhóm đối tượng 1: tổng điểm các tiêu chí 40 khác điểm tối đa của nhóm 45"));
    }

    [Fact]
    public async Task Two_sets_of_a_title_cannot_be_active_for_the_same_year()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var tt24 = await IdOfAsync("24/2023/TT-BGDĐT", CriteriaSetStatus.Draft);
        var clash = await Assert.ThrowsAsync<ValidationException>(() => sets.ActivateAsync(tt24, 2026, null));
        Assert.StartsWith("Đã có \"Đơn vị học tập ở cơ sở thuộc xã quản lý – QĐ 448/QĐ-KHVN (phần D)\"", clash.Message);

        var partD = await IdOfAsync("448/QĐ-KHVN", title: Title.UnitLearning);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(partD, (await CriteriaSetService.ActiveForAsync(db, Title.UnitLearning, 2026))!.Id);
        var partDRow = (await sets.GetAsync(partD)).Row;
        await sets.ActivateAsync(partD, partDRow.FromYear, 2025);
        await sets.ActivateAsync(tt24, 2026, null);
        Assert.Equal(CriteriaSetStatus.Active, (await sets.GetAsync(tt24)).Row.Status);
        Assert.Equal(tt24, (await CriteriaSetService.ActiveForAsync(db, Title.UnitLearning, 2026))!.Id);
        Assert.Equal(partD, (await CriteriaSetService.ActiveForAsync(db, Title.UnitLearning, 2025))!.Id);
    }

    [Fact]
    public async Task Json_export_and_import_round_trip_exactly()
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var id = await IdOfAsync("25/2023/TT-BGDĐT");
        var (fileName, json) = await sets.ExportAsync(id);
        Assert.EndsWith(".json", fileName);
        var importedId = await sets.ImportAsync(json);
        var imported = await sets.GetAsync(importedId);
        Assert.Equal((await sets.GetAsync(id)).Definition, imported.Definition);
        Assert.Equal(CriteriaSetStatus.Draft, imported.Row.Status);
        Assert.Equal(json, (await sets.ExportAsync(importedId)).Json);
    }

    [Theory]
    [InlineData("đây không phải JSON")]
    [InlineData("{}")]
    public async Task A_bad_json_file_is_refused_in_Vietnamese_and_nothing_is_added(string json)
    {
        var (scope, sets) = await AdminAsync();
        await using var _ = scope;
        var before = (await sets.ListAsync()).Count;
        var error = await Assert.ThrowsAsync<ValidationException>(() => sets.ImportAsync(json));
        Assert.NotEmpty(error.Message);
        Assert.DoesNotContain("Exception", error.Message);
        Assert.Equal(before, (await sets.ListAsync()).Count);
    }

    [Fact]
    public async Task Only_administrators_manage_the_library()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var sets = scope.ServiceProvider.GetRequiredService<CriteriaSetService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => sets.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => sets.CopyAsync(1));
        await Assert.ThrowsAsync<ForbiddenException>(() => sets.ImportAsync("{}"));
    }

    private async Task UseInAnEvaluationAsync(int setId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var commune = await db.Communes.FirstAsync();
        var registration = new Registration
        {
            CommuneId = commune.Id, Year = 2026, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household,
            SubjectId = 999_000 + setId, SubjectName = "Hộ thử", RegisteredOn = new DateOnly(2026, 2, 1),
            Evaluation = new Evaluation { CriteriaSetId = setId },
        };
        db.Add(registration);
        await db.SaveChangesAsync();
    }
}
