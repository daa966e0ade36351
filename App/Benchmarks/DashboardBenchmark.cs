using System.Diagnostics;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Targets;
using Microsoft.Data.Sqlite;

namespace HocTapSuotDoi.Benchmarks;

// `dotnet run -c Release --project App -- benchmark dashboard [--iterations 30]`: generates two communes on temporary
// SQLite files (the demo size, 10 villages and 2 000 households; a large one, 40 villages and 20 000 households), each
// with 8 years (2023–2030) of registrations and evaluations, then times the dashboard's figures for one year and the
// whole dashboard (year + trend 2023–2030), as the server computes them. Prints median and p95.
public static class DashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        System.Globalization.CultureInfo.CurrentCulture = Figures.Vi;
        var smoke = args.Contains(BenchmarkCommand.Smoke);
        var iterations = smoke ? 1 : args.SkipWhile(a => a != "--iterations").Skip(1).Select(int.Parse).FirstOrDefault(30);
        (string, int, int)[] communes = smoke
            ? [("Xã thử (2 thôn, 100 hộ)", 2, 100)]
            : [("Xã mẫu (10 thôn, 2.000 hộ)", 10, 2_000), ("Xã lớn (40 thôn, 20.000 hộ)", 40, 20_000)];
        Console.WriteLine($"Benchmark bảng điều khiển · {iterations} lần đo mỗi phép · {Environment.ProcessorCount} lõi · .NET {Environment.Version}");
        foreach (var (label, villages, households) in communes)
        {
            var path = Path.Combine(Path.GetTempPath(), $"hoctap-bench-{Guid.NewGuid():N}.db");
            try
            {
                var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;
                var watch = Stopwatch.StartNew();
                var (communeId, rows) = await GenerateAsync(options, villages, households);
                Console.WriteLine($"{label}: tạo dữ liệu {rows:N0} dòng đăng ký/đánh giá trong {watch.Elapsed.TotalSeconds:0.0} s");
                await using var db = new AppDbContext(options);
                var year = await MeasureAsync(iterations, () => DashboardQueries.YearAsync(db, communeId, 2026));
                var whole = await MeasureAsync(iterations, async () =>
                {
                    await DashboardQueries.YearAsync(db, communeId, 2026);
                    await DashboardQueries.TrendAsync(db, communeId, 2023, 2030);
                });
                Console.WriteLine($"  số liệu một năm:            trung vị {year.Median:0.0} ms · p95 {year.P95:0.0} ms");
                Console.WriteLine($"  cả trang (năm + 2023–2030): trung vị {whole.Median:0.0} ms · p95 {whole.P95:0.0} ms");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
            }
        }
        return 0;
    }

    private static async Task<(double Median, double P95)> MeasureAsync(int iterations, Func<Task> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }

    // A deterministic commune: 4 people per household, a clan per 50 households, 1.5 units per village; each year more
    // subjects register and more are recognised.
    public static async Task<(int CommuneId, int Rows)> GenerateAsync(DbContextOptions<AppDbContext> options, int villageCount, int householdCount)
    {
        await using var db = new AppDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await new CriteriaLibrarySeeder(db).SeedAsync();
        await new NationalTargetsSeeder(db).SeedAsync();
        var commune = new Commune { Code = "BENCH", Name = "Cẩm Tân", Province = new Province { Code = "TH", Name = "Thanh Hóa" } };
        db.Communes.Add(commune);
        for (var v = 1; v <= villageCount; v++)
        {
            db.Villages.Add(new Village { Commune = commune, Code = $"T{v:00}", Name = $"Thôn số {v}", SortOrder = v });
        }
        for (var u = 1; u <= villageCount * 3 / 2; u++)
        {
            db.Units.Add(new Unit { Commune = commune, Code = $"DV{u:000}", Name = $"Đơn vị {u}", Kind = UnitKind.Agency });
        }
        await db.SaveChangesAsync();
        var villageIds = await db.Villages.Where(v => v.CommuneId == commune.Id).OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        var unitIds = await db.Units.Where(u => u.CommuneId == commune.Id).Select(u => u.Id).ToListAsync();
        var sets = new Dictionary<Title, int>();
        foreach (var title in Figures.Titles)
        {
            sets[title] = (await CriteriaSetService.ActiveForAsync(db, title, 2026))!.Id;
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var random = new Random(42);
        const string audit = "'2026-01-01 00:00:00', 'bench', '2026-01-01 00:00:00', 'bench', 1";
        var household = Command(connection, tx, $"INSERT INTO Households (Id, VillageId, Code, CommuneId, HeadName, HeadNameSearch, HeadNameSort, HeadGivenNameSort, Address, Phone, Status, Note, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) VALUES ($id, $v, $code, {commune.Id}, 'Hộ', 'ho', 'ho', 'ho', '', '', $status, '', {audit})", "$id", "$v", "$code", "$status");
        var person = Command(connection, tx, $"INSERT INTO People (Id, HouseholdId, FullName, FullNameSearch, FullNameSort, GivenNameSort, Sex, Relation, Education, Literacy, Occupation, TargetGroup, School, Status, SortOrder, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) VALUES ($id, $h, 'Người', 'nguoi', 'nguoi', 'nguoi', 1, 1, 0, 0, '', $g, 0, $status, 0, {audit})", "$id", "$h", "$g", "$status");
        var clan = Command(connection, tx, $"INSERT INTO Clans (Id, CommuneId, Name, NameSearch, HeadName, Phone, Note, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) VALUES ($id, {commune.Id}, $name, $name, '', '', '', {audit})", "$id", "$name");
        var member = Command(connection, tx, "INSERT INTO ClanMembers (ClanId, HouseholdId) VALUES ($c, $h)", "$c", "$h");
        var registration = Command(connection, tx, $"INSERT INTO Registration (Id, CommuneId, Year, Title, SubjectKind, SubjectId, VillageId, SubjectName, SubjectSearch, RegisteredOn, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) VALUES ($id, {commune.Id}, $y, $t, $k, $s, $v, '', '', $on, {audit})", "$id", "$y", "$t", "$k", "$s", "$v", "$on");
        var evaluation = Command(connection, tx, $"INSERT INTO Evaluation (Id, RegistrationId, CriteriaSetId, Status, AnswersJson, TotalTenths, Rating, MeetsCriteria, EditedAfterReview, CreatedAtUtc, CreatedBy, UpdatedAtUtc, UpdatedBy, Version) VALUES ($id, $r, $set, $status, '{{}}', 0, '', 0, 0, {audit})", "$id", "$r", "$set", "$status");

        var subjects = new List<(Title Title, string Kind, int Id, int? Village)>();
        var personId = 0;
        for (var h = 1; h <= householdCount; h++)
        {
            var village = villageIds[(h - 1) % villageIds.Count];
            var resident = random.NextDouble() < 0.97;
            await Run(household, h, village, $"B{h:000000}", resident ? 1 : 2);
            subjects.Add((Title.FamilyLearning, "Household", h, village));
            for (var p = 0; p < 4; p++)
            {
                await Run(person, ++personId, h, random.Next(0, 5), random.NextDouble() < 0.98 ? 1 : 3);
                subjects.Add((Title.CitizenLearning, "Person", personId, village));
            }
        }
        for (var c = 1; c <= householdCount / 50; c++)
        {
            await Run(clan, c, $"Dòng họ {c}");
            for (var m = 0; m < 20; m++)
            {
                await Run(member, c, (c - 1) * 50 + m + 1);
            }
            subjects.Add((Title.ClanLearning, "Clan", c, null));
        }
        subjects.AddRange(villageIds.Select(v => (Title.VillageCommunity, "Village", v, (int?)v)));
        subjects.AddRange(unitIds.Select(u => (Title.UnitLearning, "Unit", u, (int?)null)));

        var rows = 0;
        for (var year = 2023; year <= 2030; year++)
        {
            var registers = 0.55 + 0.05 * (year - 2023);
            var recognises = 0.65 + 0.03 * (year - 2023);
            foreach (var (title, kind, id, village) in subjects)
            {
                if (random.NextDouble() >= registers * (title == Title.CitizenLearning ? 0.6 : 1))
                {
                    continue;
                }
                rows++;
                await Run(registration, rows, year, title.ToString(), kind, id, (object?)village ?? DBNull.Value, $"{year}-02-01");
                var roll = random.NextDouble();
                if (roll < 0.9)
                {
                    var status = roll < 0.9 * recognises ? "Recognised" : roll < 0.85 ? "NotRecognised" : "Draft";
                    await Run(evaluation, rows, rows, sets[title], status);
                }
            }
        }
        await tx.CommitAsync();
        return (commune.Id, rows);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter(p, null));
        }
        command.Prepare();
        return command;
    }

    private static async Task Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        await command.ExecuteNonQueryAsync();
    }
}
