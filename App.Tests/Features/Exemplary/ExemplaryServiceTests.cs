using FluentValidation;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Tests.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Exemplary;

// Stories through the real service: the register row the form names is kept in the column of the story's kind, and an
// edit of what the story says is logged field by field. Each test uses its own year.
public sealed class ExemplaryServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(Func<ExemplaryService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        return await action(scope.ServiceProvider.GetRequiredService<ExemplaryService>());
    }

    [Fact]
    public async Task The_register_row_named_is_kept_in_the_column_of_the_storys_kind_and_comes_back_to_the_form()
    {
        var school = (await app.UnitAsync("THCS")).Id;
        var form = new ExemplaryForm { Year = 2027, Content = new() { Kind = ExemplaryKind.Unit, Name = "Trường THCS Cẩm Tân", Title = "Đơn vị học tập tiêu biểu" } };
        var unchosen = await Assert.ThrowsAsync<ValidationException>(() => AsAsync(s => s.SaveAsync(form)));
        Assert.Equal("Hãy chọn cơ quan, đơn vị trong sổ theo dõi.", unchosen.Errors.Single().ErrorMessage);

        form.RegisterRowId = school;
        var id = await AsAsync(s => s.SaveAsync(form));

        var row = (await AsAsync(s => s.ListAsync(2027))).Rows.Single(r => r.Id == id);
        Assert.Equal(school, row.UnitId);
        Assert.All(new[] { row.PersonId, row.HouseholdId, row.ClanId }, Assert.Null);
        Assert.Equal(school, ExemplaryService.FormFor(row).RegisterRowId);
    }

    [Fact]
    public async Task An_edit_of_what_the_story_says_is_logged_field_by_field()
    {
        var id = await AsAsync(s => s.SaveAsync(new ExemplaryForm { Year = 2028, Content = { Name = "Bà Lê Thị Mai", Title = "Học xong lớp bổ túc" } }));
        var edited = ExemplaryService.FormFor((await AsAsync(s => s.ListAsync(2028))).Rows.Single(r => r.Id == id));
        edited.Content.Title = "Học xong lớp bổ túc ở tuổi 68";
        await AsAsync(s => s.SaveAsync(edited));

        await using var db = await app.DbAsync();
        var log = await db.ChangeLogs.Where(c => c.EntityType == nameof(ExemplaryStory) && c.EntityId == id.ToString()).ToListAsync();
        Assert.Contains(log, c => c.Action == "Sửa" && c.Changes == "Title: Học xong lớp bổ túc → Học xong lớp bổ túc ở tuổi 68");
    }
}
