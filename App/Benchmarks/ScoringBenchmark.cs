using System.Diagnostics;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Benchmarks;

// `benchmark scoring`: the server time to save one value of a 20-item evaluation (load, check, recompute with the
// engine, write with its audit line) and to recompute the totals alone, through the app's own services.
public static class ScoringBenchmark
{
    public static async Task<int> RunAsync(TextWriter output, int runs = 200)
    {
        await using var host = await BenchmarkHost.StartAsync();
        int registrationId;
        await using (var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var commune = await db.Communes.OrderBy(c => c.Id).FirstAsync();
            var village = new Village { CommuneId = commune.Id, Code = "B01", Name = "Thôn Thử" };
            db.Villages.Add(village);
            await db.SaveChangesAsync();
            // A 20-item set: the GĐHT set's groups, each item split in two, so the engine has 20 points items to add.
            var family = ShippedCriteriaSets.All.Single(s => s.Title == Title.FamilyLearning);
            var twenty = family with
            {
                Name = "Bộ thử 20 tiêu chí",
                Groups = family.Groups.Select(g => g with { Items = ValueList.Create(Split(g)) }).ToValueList(),
            };
            var set = new CriteriaSet { Name = "", DefinitionJson = "", Status = CriteriaSetStatus.Active, ShippedKey = "benchmark" };
            CriteriaSetService.Apply(set, twenty with { FromYear = 2000 });
            foreach (var old in db.Set<CriteriaSet>().Where(s => s.Title == Title.FamilyLearning))
            {
                old.Status = CriteriaSetStatus.Retired;
            }
            db.Add(set);
            var household = new Household { CommuneId = commune.Id, Village = village, Code = "B01-0001", HeadName = "Hộ Thử Nghiệm" };
            db.Households.Add(household);
            await db.SaveChangesAsync();
            var registration = new Registration
            {
                CommuneId = commune.Id, Year = 2026, Title = Title.FamilyLearning, SubjectKind = SubjectKind.Household,
                SubjectId = household.Id, VillageId = village.Id, SubjectName = "Hộ Thử Nghiệm", RegisteredOn = new DateOnly(2026, 3, 1),
            };
            db.Add(registration);
            await db.SaveChangesAsync();
            registrationId = registration.Id;
        }

        await using var scope = await host.AsAdministratorAsync();
        var evaluations = scope.ServiceProvider.GetRequiredService<EvaluationService>();
        var sheet = await evaluations.OpenAsync(registrationId);
        var items = sheet.Set.Items.Where(i => i.Kind == ItemKind.Points).ToList();
        var version = sheet.Version;
        var saves = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var run = 0; run < runs; run++)
        {
            var item = items[run % items.Count];
            var score = new StoredAnswer(ScoreTenths: run % 2 == 0 ? item.Max.Tenths : (item.Step ?? item.Max).Tenths);
            var clock = Stopwatch.StartNew();
            version = await evaluations.SaveAnswerAsync(sheet.EvaluationId, version, item.Code, score);
            saves.Add(clock.Elapsed.TotalMilliseconds);
        }
        var saveCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;

        var full = await evaluations.OpenAsync(registrationId);
        var answers = full.Answers.ToEngine(full.Inputs);
        var recomputes = new List<double>();
        for (var run = 0; run < runs * 10; run++)
        {
            var clock = Stopwatch.StartNew();
            _ = CriteriaEvaluator.Evaluate(full.Set, answers);
            recomputes.Add(clock.Elapsed.TotalMilliseconds);
        }

        var vi = AppServices.Vietnamese;
        output.WriteLine(string.Create(vi, $"Hồ sơ thử: {items.Count} tiêu chí chấm điểm, {runs} lần lưu; mục tiêu dưới 10 ms."));
        Print(output, $"Lưu một giá trị (kiểm tra, tính lại, ghi kèm lịch sử)", saves, saveCpu);
        Print(output, $"Tính lại tổng điểm, xếp loại, lý do và gợi ý", recomputes, null);
        return 0;
    }

    private static void Print(TextWriter output, string label, List<double> times, double? cpu)
    {
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)(times.Count * 0.95)];
        output.WriteLine(string.Create(AppServices.Vietnamese,
            $"{(median < 10 && p95 < 10 ? "✓" : "✗")} {label}: trung vị {median:N2} ms, p95 {p95:N2} ms{(cpu is { } c ? $", CPU {c:N2} ms" : "")} ({times.Count} lần)"));
    }

    private static CriteriaItem[] Split(CriteriaGroup group)
    {
        var parts = new List<CriteriaItem>();
        foreach (var item in group.Items.Where(i => i.Kind == ItemKind.Points || i.Kind == ItemKind.MetNotMet))
        {
            var half = Points.FromTenths(item.Max.Tenths / 2);
            var step = Points.FromTenths(5);
            parts.Add(item with { Code = item.Code + "a", Kind = ItemKind.Points, Max = half, Step = step, IsHardCondition = false });
            parts.Add(item with { Code = item.Code + "b", Kind = ItemKind.Points, Max = item.Max - half, Step = step, IsHardCondition = false });
        }
        return parts.Take(group.Items.Count == 0 ? 0 : parts.Count).ToArray();
    }
}
