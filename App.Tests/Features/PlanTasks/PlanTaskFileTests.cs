using FluentValidation;
using HocTapSuotDoi.Features.PlanTasks;
using HocTapSuotDoi.Tests.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.PlanTasks;

// Files attached to a plan task: the committee attaches, readers list and open, the types and size of scoring evidence.
public sealed class PlanTaskFileTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_committee_attaches_a_body_s_plan_readers_open_it_and_other_files_are_refused()
    {
        await using var db = await app.DbAsync();
        var taskId = await db.Set<PlanTask>().Where(t => t.DefaultKey == "vii3-so-ket").Select(t => t.Id).SingleAsync();
        var pdf = "%PDF-1.4 kế hoạch cụ thể"u8.ToArray();

        await using (var committee = await app.AsUserAsync("bcd@camtan.vn"))
        {
            var files = committee.ServiceProvider.GetRequiredService<PlanTaskFiles>();
            await files.UploadAsync(taskId, "ke-hoach-hoi-dong-tdkt.pdf", pdf.Length, new MemoryStream(pdf));
            var refused = await Assert.ThrowsAsync<ValidationException>(() => files.UploadAsync(taskId, "chay.exe", 10, new MemoryStream(pdf)));
            Assert.StartsWith("Tệp \"chay.exe\" không được nhận", refused.Message);
        }
        await using var viewer = await app.AsUserAsync("xem@camtan.vn");
        var viewerFiles = viewer.ServiceProvider.GetRequiredService<PlanTaskFiles>();
        var row = Assert.Single(await viewerFiles.ListAsync(taskId));
        Assert.Equal(("ke-hoach-hoi-dong-tdkt.pdf", "bcd@camtan.vn"), (row.FileName, row.UploadedBy));
        var (path, type, name) = await viewerFiles.OpenAsync(row.Id);
        Assert.Equal(("application/pdf", "ke-hoach-hoi-dong-tdkt.pdf"), (type, name));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewerFiles.UploadAsync(taskId, "a.pdf", pdf.Length, new MemoryStream(pdf)));
        Assert.Contains(await db.ChangeLogs.Where(c => c.EntityType == nameof(PlanTask) && c.EntityId == taskId.ToString()).ToListAsync(),
            c => c.Action == "Đính kèm" && c.Changes == "ke-hoach-hoi-dong-tdkt.pdf");
    }
}
