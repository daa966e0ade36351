using Bunit;
using FluentValidation;
using HocTapSuotDoi.Features.PlanTasks;
using HocTapSuotDoi.Tests.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HocTapSuotDoi.Tests.Features.PlanTasks;

// The plan's tasks per body on the app's fixed clock (14/10/2026): the sơ kết tasks of 2025 are overdue until done.
public sealed class PlanTaskTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<PlanTaskRow>> RowsAsync(string email)
    {
        await using var scope = await app.AsUserAsync(email);
        return (await scope.ServiceProvider.GetRequiredService<PlanTaskService>().ListAsync()).Rows;
    }

    private async Task UpdateAsync(string email, PlanTaskForm form)
    {
        await using var scope = await app.AsUserAsync(email);
        await scope.ServiceProvider.GetRequiredService<PlanTaskService>().UpdateAsync(form);
    }

    [Fact]
    public async Task Every_body_of_section_VII_has_its_tasks_once()
    {
        await using var db = await app.DbAsync();
        var tasks = await db.Set<PlanTask>().AsNoTracking().ToListAsync();
        Assert.Equal(Enum.GetValues<ResponsibleBody>().OrderBy(b => b), tasks.Select(t => t.Body).Distinct().OrderBy(b => b));
        Assert.Equal(PlanTaskSeeder.Plan.Count, tasks.Count);
        Assert.Contains(tasks, t => t.Body == ResponsibleBody.Accounting && t.Title.StartsWith("Quyết toán nguồn kinh phí theo quy định của Luật ngân sách nhà nước"));
        Assert.Equal(new DateOnly(2025, 12, 31), tasks.Single(t => t.DefaultKey == "vii3-so-ket").DueDate);

        await new PlanTaskSeeder(db).SeedAsync();
        await new PlanTaskSeeder(db).SeedAsync();
        Assert.Equal(tasks.Count, await db.Set<PlanTask>().CountAsync());
    }

    [Fact]
    public async Task A_task_past_its_due_date_is_overdue_until_done_and_updates_are_audited()
    {
        var council = (await RowsAsync("bcd@camtan.vn")).Single(r => r.PlanSection == "VII.3" && r.DueDate == new DateOnly(2025, 12, 31));
        Assert.True(council.Overdue);
        Assert.False((await RowsAsync("bcd@camtan.vn")).Single(r => r.PlanSection == "VII.3" && r.DueDate == new DateOnly(2030, 12, 31)).Overdue);

        var form = PlanTaskService.FormFor(council);
        form.Status = PlanTaskStatus.Done;
        form.Owner = "Ông Trịnh Đình Long, Chủ tịch Hội đồng";
        form.ProgressNotes = "Đã hướng dẫn khen thưởng sơ kết ngày 20/12/2025.";
        await UpdateAsync("bcd@camtan.vn", form);

        var done = (await RowsAsync("xem@camtan.vn")).Single(r => r.Id == council.Id);
        Assert.Equal((PlanTaskStatus.Done, false, "Ông Trịnh Đình Long, Chủ tịch Hội đồng"), (done.Status, done.Overdue, done.Owner));
        await using var db = await app.DbAsync();
        Assert.Contains(await db.ChangeLogs.Where(c => c.EntityType == nameof(PlanTask) && c.EntityId == council.Id.ToString()).ToListAsync(),
            c => c.By == "bcd@camtan.vn" && c.Changes.Contains("Status: NotStarted → Done"));
    }

    [Fact]
    public async Task Updates_are_checked_in_Vietnamese_and_refused_to_readers()
    {
        var row = (await RowsAsync("admin@camtan.vn")).First(r => r.Body == ResponsibleBody.CultureOfficer);
        var form = PlanTaskService.FormFor(row);
        form.Owner = "";
        form.DueDate = new DateTime(2031, 1, 1);
        var ex = await Assert.ThrowsAsync<ValidationException>(() => UpdateAsync("admin@camtan.vn", form));
        Assert.Equal(["Hãy ghi người hoặc bộ phận phụ trách.", "Hạn hoàn thành phải trong giai đoạn 2023–2030 của Kế hoạch."], ex.Errors.Select(e => e.ErrorMessage));
        await Assert.ThrowsAsync<ForbiddenException>(() => UpdateAsync("xem@camtan.vn", PlanTaskService.FormFor(row)));
        await Assert.ThrowsAsync<ForbiddenException>(() => RowsAsync("donvi@camtan.vn"));
        await Assert.ThrowsAsync<ForbiddenException>(() => RowsAsync("canbo@camtan.vn"));
    }

    [Fact]
    public async Task The_page_lists_tasks_by_body_and_highlights_the_overdue_ones()
    {
        await _ctx.SignInAsync(app, "xem@camtan.vn");
        _ctx.Render<MudPopoverProvider>();
        var page = _ctx.Render<PlanTasksPage>();

        page.WaitForAssertion(() => Assert.Equal(PlanTaskSeeder.Plan.Count, page.FindAll("tr.plan-task").Count));
        foreach (var body in Enum.GetValues<ResponsibleBody>())
        {
            Assert.Contains(PlanTaskTexts.Body(body), page.FindAll("h2").Select(h => h.TextContent));
        }
        var overdue = page.FindAll("tr.overdue");
        Assert.NotEmpty(overdue);
        Assert.All(overdue, r => Assert.Contains("31/12/2025", r.TextContent));
        Assert.All(overdue, r => Assert.Contains("Quá hạn", r.TextContent));
        Assert.Contains("Thường xuyên", page.Markup);
        Assert.Empty(page.FindAll("button[aria-label^='Cập nhật nhiệm vụ']"));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
