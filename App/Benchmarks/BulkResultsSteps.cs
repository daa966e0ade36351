using System.Data;
using System.Diagnostics;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Setup;
using MiniExcelLibs;

namespace HocTapSuotDoi.Benchmarks;

// The results-import steps of `benchmark bulk`: the template of every registered household, the file filled
// as the village branches would (nine in ten meeting the criteria, the same sheets the benchmark's scoring marks), its
// preview and write, then the same file again (nothing to write). Runs on the sheets "Đã chấm" the benchmark wrote
// directly: every value of the file is new to them, so every value gets its audit line.
public static class BulkResultsSteps
{
    private const double TemplateAimMs = 15_000;
    private const double PreviewAimMs = 15_000;
    private const double WriteAimMs = 20_000;

    /// <returns>One entry per measured step: whether it met its aim (and did what it should).</returns>
    public static async Task<IReadOnlyList<bool>> RunAsync(BenchmarkHost host, int year, TextWriter output)
    {
        await using var scope = await host.AsAdministratorAsync();
        var import = scope.ServiceProvider.GetRequiredService<ResultsImportService>();
        var results = new List<bool>();

        var (templateMs, template) = await TimeAsync(() => import.TemplateAsync(Title.FamilyLearning, year));
        results.Add(Report(output, $"Tạo tệp mẫu kết quả ({template.Content.Length / 1024:N0} KB)", templateMs, TemplateAimMs));
        var file = await FillAsync(host, year, template.Content);

        var (previewMs, preview) = await TimeAsync(() => import.PreviewAsync(Title.FamilyLearning, year, new MemoryStream(file), "ket-qua-ca-xa.xlsx"));
        results.Add(Report(output, $"Kiểm tra tệp kết quả: {preview.Summary.TrimEnd('.')}", previewMs, PreviewAimMs) && preview.CanWrite && preview.ToWrite > 0);
        var (writeMs, written) = await TimeAsync(() => import.WriteAsync(preview));
        results.Add(Report(output, $"Ghi kết quả: {written.Summary.TrimEnd('.')}", writeMs, WriteAimMs) && written.Sheets == preview.ToWrite);

        var (againMs, again) = await TimeAsync(async () =>
        {
            var second = await import.PreviewAsync(Title.FamilyLearning, year, new MemoryStream(file), "ket-qua-ca-xa.xlsx");
            return (second, await import.WriteAsync(second));
        });
        results.Add(Report(output, $"Nhập lại cùng tệp (kiểm tra và ghi): {again.Item2.Summary.TrimEnd('.')}", againMs, PreviewAimMs) && again.Item2.Values == 0);
        return results;
    }

    // Row by row as a scorer types: comma decimals, a judged item as "Đạt"; a sheet meets the criteria unless it is the
    // tenth registration (in id order), as BulkBenchmark's scoring decided.
    private static async Task<byte[]> FillAsync(BenchmarkHost host, int year, byte[] template)
    {
        await using var db = await host.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var codes = await db.Set<Registration>().Where(r => r.Year == year && r.Title == Title.FamilyLearning).OrderBy(r => r.Id)
            .Select(r => db.Households.Where(h => h.Id == r.SubjectId).Select(h => h.Code).First()).ToListAsync();
        var failing = codes.Where((_, i) => i % 10 == 9).ToHashSet();
        using var input = new MemoryStream(template);
        var headers = MiniExcel.GetColumns(input, useHeaderRow: true).ToList();
        input.Position = 0;
        var table = new DataTable();
        headers.ForEach(h => table.Columns.Add(h, typeof(object)));
        foreach (IDictionary<string, object?> row in MiniExcel.Query(input, useHeaderRow: true))
        {
            var meets = !failing.Contains((string)row[ResultsColumns.Code]!);
            table.Rows.Add(headers.Select((h, i) => i < ResultsColumns.FirstItem ? row[h] ?? DBNull.Value
                : i == headers.Count - 1 ? DBNull.Value
                : h.StartsWith("1.1 ", StringComparison.Ordinal) ? "Đạt"
                : h.Contains("(0–10", StringComparison.Ordinal) ? (meets ? "9,5" : "5") : "4,5").ToArray());
        }
        using var output = new MemoryStream();
        MiniExcel.SaveAs(output, table);
        return output.ToArray();
    }

    private static async Task<((double Elapsed, double Cpu) Ms, T Result)> TimeAsync<T>(Func<Task<T>> action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var watch = Stopwatch.StartNew();
        var result = await action();
        return ((watch.Elapsed.TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds), result);
    }

    private static bool Report(TextWriter output, string label, (double Elapsed, double Cpu) ms, double aimMs)
    {
        var ok = ms.Elapsed < aimMs;
        output.WriteLine(string.Create(AppServices.Vietnamese,
            $"{(ok ? "✓" : "✗")} {label}: {ms.Elapsed:N0} ms, CPU {ms.Cpu:N0} ms (mục tiêu dưới {aimMs:N0} ms)"));
        return ok;
    }
}
