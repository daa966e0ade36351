using HocTapSuotDoi.Benchmarks;

namespace HocTapSuotDoi.Tests.Benchmarks;

// The benchmark's code path on a tiny commune: it must find what it searches and count what it generated. Timing is
// not tested here; the figures come from `dotnet run -c Release --project App -- benchmark registers` (README).
// It starts the app's host, which points Hangfire's process-wide statics (e.g. its log provider) at itself; the tests
// that use those statics run alone in HangfireCollection, never beside it (ReminderJobRegistrationTests once met its
// disposed logger factory).
public sealed class RegisterBenchmarkTests
{
    [Fact]
    public async Task Benchmark_on_a_tiny_commune_reports_every_figure_with_sane_counts()
    {
        var output = new StringWriter();
        var report = await new RegisterBenchmark(new BenchmarkOptions(People: 1_000, Villages: 4, Runs: 2, WarmUp: 1), output).RunAsync();

        Assert.InRange(report.People, 1_000, 1_010);
        Assert.InRange(report.Households, 250, 320);
        var import = Assert.Single(report.Measurements, m => m.Label.StartsWith("Nhập"));
        Assert.Equal((50, 200), (import.Rows, import.Total));
        var lists = report.Measurements.Where(m => m != import).ToList();
        var people = lists.Where(m => m.Label.Contains("nhân khẩu")).ToList();
        var households = lists.Where(m => m.Label.Contains(" hộ")).ToList();
        Assert.Equal(lists.Count, people.Count + households.Count);

        // A page holds at most 25 rows; broad searches find people, never more than there are.
        Assert.All(lists, m =>
        {
            Assert.True(m.MedianMs > 0 && m.P95Ms >= m.MedianMs, m.Label);
            Assert.InRange(m.Rows, 0, 25);
            Assert.True(m.Rows <= m.Total);
        });
        Assert.InRange(people.Single(m => m.Label.Contains("\"nguyen\"")).Total, 100, 500);
        Assert.InRange(people.Single(m => m.Label.Contains("\"duc\"")).Total, 1, 200);
        // Unfiltered lists count everything; the last page holds the remainder.
        var pages = people.Where(m => m.Label.StartsWith("Danh sách")).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, m => Assert.Equal(report.People, m.Total));
        Assert.Equal(report.People % 25 == 0 ? 25 : report.People % 25, pages[^1].Rows);
        Assert.All(households.Where(m => m.Label.StartsWith("Danh sách")), m => Assert.Equal(report.Households, m.Total));

        var text = output.ToString();
        Assert.Contains("trung vị", text);
        Assert.Contains("Tìm \"nguyen van an\" trong 1.0", text);
        Assert.Contains("Nhập 50 hộ với 200 nhân khẩu từ tệp .xlsx", text);
    }

    [Fact]
    public async Task Benchmark_command_refuses_unknown_arguments()
    {
        Assert.True(BenchmarkCommand.Handles(["benchmark", "registers"]));
        Assert.False(BenchmarkCommand.Handles(["--DemoData:Enabled=true"]));
        Assert.Equal(2, await BenchmarkCommand.RunAsync(["benchmark", "everything"]));
        Assert.Equal(2, await BenchmarkCommand.RunAsync(["benchmark", "registers", "--people", "many"]));
    }
}
