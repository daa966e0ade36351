using System.Diagnostics;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace HocTapSuotDoi.Benchmarks;

// `dotnet run -c Release --project App -- benchmark reminders [units]`: the daily reminder decision over a commune with
// 10,000 units (one reporter each, 30 % already submitted) on a real SQLite file, 14 days before the due date.
public static class ReminderBenchmark
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        System.Globalization.CultureInfo.CurrentCulture = AppServices.Vietnamese;
        var units = args.Contains(BenchmarkCommand.Smoke) ? 50 : args.Length > 2 && int.TryParse(args[2], out var n) ? n : 10_000;
        var folder = Path.Combine(Path.GetTempPath(), "hoctap-benchmark-" + Guid.NewGuid().ToString("N"));
        var settings = new AppSettings { Storage = new StorageSettings { DataDirectory = folder } };
        Directory.CreateDirectory(folder);
        try
        {
            var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(settings.ConnectionString).Options;
            var factory = new PooledDbContextFactory<AppDbContext>(options);
            var clock = new FixedClock(new DateTimeOffset(2026, 11, 16, 7, 30, 0, TimeSpan.FromHours(7)));
            var total = Stopwatch.StartNew();
            await SeedAsync(factory, units);
            Console.WriteLine($"Dữ liệu: {units:N0} đơn vị, {units:N0} tài khoản báo cáo, 30 % đã nộp; tạo trong {total.Elapsed.TotalSeconds:N1} s.");

            var dispatcher = ReminderDispatcher.Create(factory, clock, settings, new SmtpEmailSender(settings), NullLoggerFactory.Instance);
            var today = dispatcher.Today;
            List<PlannedReminder> planned = [];
            var decisions = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                planned = await dispatcher.PlanAsync(today, CancellationToken.None);
                decisions.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"Quyết định nhắc việc ngày {VnTime.FormatDate(today)}: {planned.Count:N0} người nhận; " +
                $"lần đầu {decisions[0]:N0} ms, tốt nhất {decisions.Min():N0} ms (mục tiêu < 2.000 ms).");

            var record = Stopwatch.StartNew();
            var recorded = await dispatcher.Ledger.RecordAsync(planned, today, CancellationToken.None);
            Console.WriteLine($"Ghi {recorded:N0} nhắc việc kèm thông báo trong phần mềm (một giao dịch): {record.Elapsed.TotalMilliseconds:N0} ms.");

            var again = Stopwatch.StartNew();
            var second = await dispatcher.RunAsync(CancellationToken.None);
            Console.WriteLine($"Chạy lại cùng ngày (quyết định + kiểm tra trùng): {second.Recorded} nhắc việc mới, {again.Elapsed.TotalMilliseconds:N0} ms.");
            return decisions.Min() < 2000 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task SeedAsync(IDbContextFactory<AppDbContext> factory, int units)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        db.SkipChangeLog = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var province = new Province { Code = "TH", Name = "Thanh Hóa" };
        var commune = new Commune { Code = "CAM-TAN", Name = "Cẩm Tân", Province = province };
        db.Add(commune);
        var role = new IdentityRole(Roles.UnitReporter) { NormalizedName = Roles.UnitReporter.ToUpperInvariant() };
        db.Add(role);
        await db.SaveChangesAsync();
        var unitRows = Enumerable.Range(1, units).Select(i => new Unit
        {
            CommuneId = commune.Id, Code = $"DV{i:00000}", Name = $"Đơn vị số {i}", NameSearch = $"don vi so {i}", Kind = UnitKind.Agency,
        }).ToList();
        db.AddRange(unitRows);
        await db.SaveChangesAsync();
        foreach (var unit in unitRows)
        {
            var email = $"donvi{unit.Id}@camtan.vn";
            var user = new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                FullName = $"Người báo cáo {unit.Id}", CommuneId = commune.Id, ScopeKind = ScopeKind.Unit, UnitId = unit.Id,
            };
            db.Add(user);
            db.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        }
        await db.SaveChangesAsync();
        await DeadlineService.EnsureDefaultsAsync(db);
        var yearly = await db.Set<Deadline>().Where(d => d.DefaultKey == "bao-cao-nam").Select(d => d.Id).SingleAsync();
        db.AddRange(unitRows.Where((_, i) => i % 10 < 3).Select(u => new UnitReport
        {
            CommuneId = commune.Id, DeadlineId = yearly, Year = 2026, SubjectKind = ReportSubjectKind.Unit, SubjectId = u.Id,
            Status = ReportStatus.Submitted, OnTime = true, Text = "Đã nộp.",
        }));
        await db.SaveChangesAsync();
    }
}
