using Bunit;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.Criteria;

// The library pages rendered with the app's real services and database, as the administrator.
public sealed class CriteriaPagesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, "admin@camtan.vn");
        _ctx.Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_library_lists_every_shipped_set_with_its_legal_basis_and_the_unchecked_flag()
    {
        var page = _ctx.Render<CriteriaSetsPage>();
        page.WaitForAssertion(() => Assert.Contains("22/2020/TT-BGDĐT", page.Markup));
        foreach (var set in ShippedCriteriaSets.All)
        {
            Assert.Contains(set.Name, page.Markup);
            Assert.Contains(set.LegalBasis.Number, page.Markup);
        }
        Assert.Equal(ShippedCriteriaSets.All.Count(s => !s.Checked), page.FindAll(".mud-chip").Count(c => c.TextContent.Trim() == "Chưa đối chiếu"));
        Assert.Contains("Gia đình học tập", page.Markup);
        Assert.Contains("Đang áp dụng", page.Markup);
    }

    [Fact]
    public async Task The_editor_checks_every_change_and_blocks_saving_an_invalid_set()
    {
        var sets = _services.GetRequiredService<CriteriaSetService>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var family = await db.Set<CriteriaSet>().Where(s => s.Title == Title.FamilyLearning).Select(s => s.Id).FirstAsync();
        var draftId = await sets.CopyAsync(family);
        var view = await sets.GetAsync(draftId);

        var editor = _ctx.Render<CriteriaSetEditor>(p => p
            .Add(x => x.Form, CriteriaSetForm.From(view.Definition))
            .Add(x => x.SetId, draftId)
            .Add(x => x.EntityVersion, view.EntityVersion)
            .Add(x => x.OnSaved, EventCallback.Factory.Create(this, () => { })));
        Assert.Contains("Bộ tiêu chí hợp lệ: tổng 100 điểm.", editor.Find("#set-ok").TextContent);

        await editor.InputOnRendererAsync(".group-max input", "35");
        editor.WaitForAssertion(() => Assert.Contains("Nhóm 1: tổng điểm các tiêu chí 30 khác điểm tối đa của nhóm 35", editor.Find("#set-problems").TextContent));
        Assert.True(editor.Find("#save-set").HasAttribute("disabled"));

        await editor.InputOnRendererAsync(".group-max input", "30");
        editor.WaitForAssertion(() => Assert.NotNull(editor.Find("#set-ok")));
        await editor.InputOnRendererAsync(".total-threshold input", "120");
        editor.WaitForAssertion(() => Assert.Contains("Ngưỡng công nhận 120 nằm ngoài khoảng 0–100", editor.Find("#set-problems").TextContent));

        await editor.InputOnRendererAsync(".total-threshold input", "80");
        await editor.InputOnRendererAsync("#set-name", "Gia đình học tập – bản sửa của xã");
        editor.WaitForAssertion(() => Assert.NotNull(editor.Find("#set-ok")));
        await editor.ClickOnRendererAsync("#save-set");
        editor.WaitForAssertion(async () => Assert.Equal("Gia đình học tập – bản sửa của xã", (await sets.GetAsync(draftId)).Row.Name));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
