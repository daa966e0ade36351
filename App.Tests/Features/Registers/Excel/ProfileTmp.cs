using System.Diagnostics;
using HocTapSuotDoi.Features.Registers.Excel;
using MiniExcelLibs;
namespace HocTapSuotDoi.Tests.Features.Registers.Excel;
public sealed class ProfileTmp(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Profile()
    {
        var rows = Enumerable.Range(0, 20000).Select(i => new Line($"P{i / 4:00000}", "Thôn Tân Hòa", "Nguyễn Văn An" + i / 4)
            { FullName = "Trần Thị Bình " + i, Relation = i % 4 == 0 ? "Chủ hộ" : "Con" }.Cells).ToList();
        var file = ExcelTestFiles.Xlsx(RegisterColumns.Households, rows).ToArray();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var w = Stopwatch.StartNew();
        XlsxGuard.Check(new MemoryStream(file), default);
        output.WriteLine($"guard {w.ElapsedMilliseconds} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds}");
        cpu = Process.GetCurrentProcess().TotalProcessorTime; w.Restart();
        var n = MiniExcel.GetSheetDimensions(new MemoryStream(file)).First().Rows.Count;
        output.WriteLine($"dims {w.ElapsedMilliseconds} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds}");
        cpu = Process.GetCurrentProcess().TotalProcessorTime; w.Restart();
        var count = MiniExcel.Query(new MemoryStream(file), useHeaderRow: false).Count();
        output.WriteLine($"query {w.ElapsedMilliseconds} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds}");
        cpu = Process.GetCurrentProcess().TotalProcessorTime; w.Restart();
        var content = await ExcelSheetReader.ReadAsync(new MemoryStream(file), [.. RegisterColumns.Households], "x", null, default);
        output.WriteLine($"read {w.ElapsedMilliseconds} cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds} {content.Error} {content.Rows.Count}");
    }
}
