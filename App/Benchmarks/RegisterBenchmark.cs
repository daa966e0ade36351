using System.Diagnostics;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Setup;
using Microsoft.Data.Sqlite;

namespace HocTapSuotDoi.Benchmarks;

public sealed record BenchmarkOptions(int People = 100_000, int Villages = 20, int Runs = 20, int WarmUp = 3);

// One figure: the server time of a list call (count + one page), over Runs runs after warm-up; CpuMs is the process's
// CPU time per run, which a busy shared machine does not inflate as it inflates the elapsed time.
public sealed record Measurement(string Label, double MedianMs, double P95Ms, double CpuMs, int Total, int Rows)
{
    public double AimMs { get; init; } = RegisterBenchmark.AimMs;

    public bool MeetsAim => MedianMs < AimMs && P95Ms < AimMs;
}

public sealed record BenchmarkReport(int Households, int People, TimeSpan Setup, IReadOnlyList<Measurement> Measurements);

// Measures the register lists on a generated commune in a real SQLite file, through the same query path as the app
// (PeopleService and HouseholdService's Filter and Sort), as a commune-wide administrator. Each run opens its own
// context, as a service call does, and does what a list page asks for: the count, then one page of 25 rows.
public sealed class RegisterBenchmark(BenchmarkOptions options, TextWriter output)
{
    public const double AimMs = 50;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private const int PageSize = 25;

    public async Task<BenchmarkReport> RunAsync(CancellationToken ct = default)
    {
        var settings = new AppSettings { Storage = { DataDirectory = Path.Combine(Path.GetTempPath(), "hoctap-benchmark-" + Guid.NewGuid().ToString("N")) } };
        Directory.CreateDirectory(settings.DataDirectory);
        try
        {
            var dbOptions = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(settings.ConnectionString).Options;
            var setup = Stopwatch.StartNew();
            var (scope, villages, households, people, clans) = await CreateCommuneAsync(dbOptions, ct);
            setup.Stop();
            // The generated objects are garbage now: collect them before measuring, not during.
            GC.Collect();
            Line($"Dữ liệu: {households:N0} hộ, {people:N0} nhân khẩu, {villages.Count} thôn, {clans} dòng họ (tạo và ghi trong {setup.Elapsed.TotalSeconds:N1} s) — {settings.DatabasePath}");
            Line($"Mỗi phép đo: đếm + một trang {PageSize} dòng, {options.Runs} lần sau {options.WarmUp} lần chạy làm nóng; mục tiêu dưới {AimMs:N0} ms.");
            Line($"Thời gian là thời gian thực (trung vị, p95); CPU là thời gian CPU trung bình một lần — trên máy bận, thời gian thực cao hơn CPU nhiều.");
            output.WriteLine();

            var measurements = new List<Measurement>();
            async Task Measure(FormattableString label, Func<AppDbContext, Task<(int Total, int Rows)>> query)
            {
                var m = await MeasureAsync(dbOptions, label.ToString(Vietnamese), query, ct);
                measurements.Add(m);
                Line($"{(m.MeetsAim ? "✓" : "✗")} {m.Label}: trung vị {m.MedianMs:N1} ms, p95 {m.P95Ms:N1} ms, CPU {m.CpuMs:N1} ms ({ResultText(m).ToString(Vietnamese)})");
            }

            output.WriteLine("Nhân khẩu");
            foreach (var search in new[] { "nguyen van an", "thi hoa", "duc", "nguyen" })
            {
                await Measure($"Tìm \"{search}\" trong {people:N0} nhân khẩu", db => PeoplePageAsync(db, scope, new PersonQuery(search), 0, ct));
            }
            var peoplePages = (people + PageSize - 1) / PageSize;
            foreach (var (page, name) in Pages(peoplePages))
            {
                await Measure($"Danh sách {people:N0} nhân khẩu, trang {page + 1:N0}/{peoplePages:N0} ({name}), xếp theo tên",
                    db => PeoplePageAsync(db, scope, new PersonQuery(), page, ct));
            }
            var village = villages[villages.Count / 2];
            await Measure($"Lọc nhân khẩu {village.Name}, trang 1", db => PeoplePageAsync(db, scope, new PersonQuery(VillageId: village.Id), 0, ct));

            output.WriteLine();
            output.WriteLine("Hộ gia đình");
            foreach (var search in new[] { "nguyen van", "duc", $"{village.Code}-00" })
            {
                await Measure($"Tìm \"{search}\" trong {households:N0} hộ", db => HouseholdPageAsync(db, scope, new HouseholdQuery(search), 0, ct));
            }
            var householdPages = (households + PageSize - 1) / PageSize;
            foreach (var (page, name) in Pages(householdPages))
            {
                await Measure($"Danh sách {households:N0} hộ, trang {page + 1:N0}/{householdPages:N0} ({name}), xếp theo tên chủ hộ",
                    db => HouseholdPageAsync(db, scope, new HouseholdQuery(), page, ct));
            }

            output.WriteLine();
            output.WriteLine("Nhập Excel");
            if (await MeasureExcelImportAsync(dbOptions, scope, ct) is { } import)
            {
                measurements.Add(import);
            }

            output.WriteLine();
            var missed = measurements.Count(m => !m.MeetsAim);
            Line(missed == 0
                ? (FormattableString)$"Tất cả {measurements.Count} phép đo dưới {AimMs:N0} ms."
                : $"{missed}/{measurements.Count} phép đo vượt {AimMs:N0} ms (đánh dấu ✗).");
            return new BenchmarkReport(households, people, setup.Elapsed, measurements);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(settings.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held: the temp folder is cleaned by the OS.
            }
        }
    }

    // The importer runs in the app's own services (it checks the signed-in user's role and scope), on its own data folder.
    private async Task<Measurement?> MeasureExcelImportAsync(DbContextOptions<AppDbContext> dbOptions, UserScope scope, CancellationToken ct)
    {
        _ = (dbOptions, scope);
        // 5,000 households with 20,000 people at the full size; proportionally fewer for a small trial run.
        var people = Math.Min(20_000, options.People / 5);
        return await ImportBenchmark.RunAsync(output, Math.Max(1, people / 4), people, ct);
    }

    private async Task<(UserScope Scope, IReadOnlyList<Village> Villages, int Households, int People, int Clans)> CreateCommuneAsync(
        DbContextOptions<AppDbContext> dbOptions, CancellationToken ct)
    {
        await using var db = new AppDbContext(dbOptions);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        var commune = new Commune { Code = "BENCH", Name = "Xã Thử Nghiệm", Province = new Province { Code = "THANH-HOA", Name = "Thanh Hóa" } };
        var names = DemoDataSeeder.VillageNames.Concat(VillageNames).ToList();
        var villages = Enumerable.Range(0, options.Villages)
            .Select(i => new Village { Commune = commune, Code = $"T{i + 1:00}", Name = i < names.Count ? names[i] : $"Thôn {i + 1}", SortOrder = i + 1 })
            .ToList();
        db.Villages.AddRange(villages);
        await db.SaveChangesAsync(ct);
        var register = new RegisterGenerator().Generate(commune.Id, villages, options.People);
        await DemoRegisterSeeder.WriteAsync(db, register, "Dữ liệu đo hiệu năng", ct);
        var scope = new UserScope("benchmark", Roles.Administrator, ScopeKind.Commune, commune.Id, new HashSet<int>(), null) { Name = "đo hiệu năng" };
        return (scope, villages, register.Households.Count, register.People, register.Clans.Count);
    }

    private static readonly string[] VillageNames =
    [
        "Thôn Đồng Tâm", "Thôn Chiềng Ải", "Thôn Bái Đa", "Thôn Làng Sắn", "Thôn Phúc Do",
        "Thôn Kim Mẫn", "Thôn Đồng Bông", "Thôn Thạch Lập", "Thôn Xuân Thành", "Thôn Quý Long",
    ];

    // What PeopleService.ListAsync does, with the scope given instead of read from the signed-in user.
    private static async Task<(int Total, int Rows)> PeoplePageAsync(AppDbContext db, UserScope scope, PersonQuery query, int page, CancellationToken ct)
    {
        var request = new PageRequest(page, PageSize);
        var filtered = PeopleService.Filter(db, scope, query);
        var total = await filtered.CountAsync(ct);
        var rows = await PeopleService.Project(PeopleService.Sort(filtered, query, request).Skip(request.Page * request.PageSize).Take(request.PageSize))
            .ToListAsync(ct);
        return (total, rows.Count);
    }

    // What HouseholdService.ListAsync does (same filter, sort and projection), with the scope given.
    private static async Task<(int Total, int Rows)> HouseholdPageAsync(AppDbContext db, UserScope scope, HouseholdQuery query, int page, CancellationToken ct)
    {
        var request = new PageRequest(page, PageSize);
        var filtered = HouseholdService.Filter(db, scope, query);
        var total = await filtered.CountAsync(ct);
        var rows = await HouseholdService.Sort(filtered, query, request).Skip(request.Page * request.PageSize).Take(request.PageSize)
            .Select(h => new HouseholdRow(h.Id, h.Code, h.HeadName, h.Village!.Name, h.Address, h.Phone,
                h.Members.Count(m => m.Status == PersonStatus.Living), h.Status, h.StatusDate))
            .ToListAsync(ct);
        return (total, rows.Count);
    }

    private async Task<Measurement> MeasureAsync(DbContextOptions<AppDbContext> dbOptions, string label,
        Func<AppDbContext, Task<(int Total, int Rows)>> query, CancellationToken ct)
    {
        var times = new List<double>();
        var result = (Total: 0, Rows: 0);
        var cpu = TimeSpan.Zero;
        for (var run = 0; run < options.WarmUp + options.Runs; run++)
        {
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            await using (var db = new AppDbContext(dbOptions))
            {
                result = await query(db);
            }
            watch.Stop();
            if (run >= options.WarmUp)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu += Environment.CpuUsage.TotalTime - cpuBefore;
            }
        }
        times.Sort();
        return new Measurement(label, Percentile(times, 0.5), Percentile(times, 0.95), cpu.TotalMilliseconds / options.Runs, result.Total, result.Rows);
    }

    // Nearest rank; the median of an even count is the mean of the two middle values.
    private static double Percentile(List<double> sorted, double p)
    {
        if (p == 0.5 && sorted.Count % 2 == 0)
        {
            return (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static IEnumerable<(int Page, string Name)> Pages(int pages) =>
        new[] { (0, "trang đầu"), (pages / 2, "trang giữa"), (pages - 1, "trang cuối") }.DistinctBy(p => p.Item1);

    private static FormattableString ResultText(Measurement m) =>
        m.Rows == m.Total ? (FormattableString)$"{m.Total:N0} kết quả" : $"{m.Total:N0} kết quả, {m.Rows} dòng trên trang";

    // Figures as Vietnamese write them (100.000; 12,3 ms), whatever the culture of the calling thread.
    private void Line(FormattableString text) => output.WriteLine(text.ToString(Vietnamese));
}
