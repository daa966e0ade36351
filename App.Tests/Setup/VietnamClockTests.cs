using System.Text.RegularExpressions;
using HocTapSuotDoi.Components.Layout;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Villages;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Setup;

// The app's one clock (VnClock on the injected TimeProvider): audit times, "today" and "this year" come from it.
public sealed partial class VietnamClockTests(VietnamClockTests.App app) : IClassFixture<VietnamClockTests.App>
{
    public sealed class App : ClockedAppFactory
    {
        public App() => StartClockAt(new DateTime(2026, 10, 14, 9, 0, 0));
    }

    [Fact]
    public async Task An_audited_row_and_its_change_log_line_carry_the_clock_time()
    {
        app.StartClockAt(new DateTime(2026, 10, 20, 8, 15, 0));
        var at = app.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = await app.AsUserAsync("admin@camtan.vn"))
        {
            await scope.ServiceProvider.GetRequiredService<VillageService>().SaveAsync(new VillageForm { Code = "TK1", Name = "Thôn Kiểm Giờ", SortOrder = 90 });
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var village = await db.Villages.SingleAsync(v => v.Code == "TK1");
        Assert.Equal(at, village.CreatedAtUtc);
        Assert.Equal(at, village.UpdatedAtUtc);
        var line = await db.ChangeLogs.SingleAsync(c => c.EntityType == nameof(Village) && c.EntityId == village.Id.ToString() && c.Action == "Thêm");
        Assert.Equal(at, line.AtUtc);
    }

    [Fact]
    public async Task At_17_30_UTC_on_31_December_the_app_is_already_in_the_new_Vietnamese_year()
    {
        // 17:30 UTC on 31/12/2026 is 00:30 on 01/01/2027 in Vietnam.
        app.StartClockAt(new DateTime(2027, 1, 1, 0, 30, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero), app.Clock.GetUtcNow());

        var clock = app.Services.GetRequiredService<VnClock>();
        Assert.Equal(2027, clock.Year);
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
        Assert.Equal("01/01/2027 00:30", VnClock.Format(clock.UtcNow));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2027, scope.ServiceProvider.GetRequiredService<WorkingYear>().Year);
    }

    // "Now" and "today" come from the clock everywhere in the app. Identity sets and checks lock-outs on the system
    // clock (UserManager takes no TimeProvider), so the few comparisons with LockoutEnd stay on that clock too.
    [Fact]
    public void The_app_reads_the_time_only_through_its_clock()
    {
        var app = Path.Combine(EndToEnd.PublishedAppFixture.RepositoryRoot(), "App");
        var sep = Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor"))
            .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}Migrations{sep}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => SystemTime().IsMatch(l.Text) && !l.Text.Contains("LockoutEnd") && !l.Text.Contains("lockout") && !l.Text.Contains("(end - DateTimeOffset.UtcNow)"))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex SystemTime();
}
