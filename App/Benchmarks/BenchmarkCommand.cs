using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Benchmarks;

// `dotnet run -c Release --project App -- benchmark registers [--people 100000] [--villages 20] [--runs 20]`:
// runs without the web host (no Kestrel, no Hangfire), on its own temporary data folder.
public static class BenchmarkCommand
{
    public const string Smoke = "--smoke";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = AppServices.Vietnamese;
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // --smoke: the same code on tiny data, once, so CI notices a benchmark that no longer runs.
        var smoke = args.Contains(Smoke);
        args = args.Where(a => a != Smoke).ToArray();
        if (args is [_, "bulk", ..])
        {
            return await BulkBenchmark.RunAsync(args, smoke);
        }
        if (args is [_, "scoring", ..])
        {
            return await ScoringBenchmark.RunAsync(Console.Out, smoke ? 3 : 200);
        }
        if (args.Length < 2 || args[1] != "registers" || !TryReadOptions(args[2..], out var options))
        {
            Console.Error.WriteLine("Cách dùng: benchmark registers [--people 100000] [--villages 20] [--runs 20] [--warmup 3] [--smoke] | benchmark scoring [--smoke] | benchmark bulk [--households 30000] [--villages 80] [--smoke]");
            return 2;
        }
        if (smoke)
        {
            options = new BenchmarkOptions(People: 400, Villages: 3, Runs: 1, WarmUp: 0);
        }
        var report = await new RegisterBenchmark(options, Console.Out).RunAsync();
        return report.Measurements.Count > 0 ? 0 : 1;
    }

    private static bool TryReadOptions(string[] args, out BenchmarkOptions options)
    {
        options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < (args[i] == "--warmup" ? 0 : 1))
            {
                return false;
            }
            switch (args[i])
            {
                case "--people": options = options with { People = value }; break;
                case "--villages": options = options with { Villages = value }; break;
                case "--runs": options = options with { Runs = value }; break;
                case "--warmup": options = options with { WarmUp = value }; break;
                default: return false;
            }
        }
        return true;
    }
}
