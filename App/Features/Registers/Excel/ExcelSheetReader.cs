using MiniExcelLibs;

namespace HocTapSuotDoi.Features.Registers.Excel;

// A data row of a sheet: Number is the row number Excel shows, Values are in the order of the expected columns.
public sealed record SheetRow(int Number, object?[] Values)
{
    public string Text(int column) => Cells.Text(Values[column]);
}

public sealed record SheetContent(IReadOnlyList<SheetRow> Rows, string? Error);

// Reads the first sheet of an uploaded .xlsx against the expected header row. Every way a file can be unusable
// (empty, not .xlsx, corrupt, too large, another template) ends in one Vietnamese message, never an exception.
public static class ExcelSheetReader
{
    private const string ReadingStage = "Đang đọc tệp";

    public static readonly string TooLarge =
        $"Tệp lớn quá {ImportLimits.MaxBytes / 1024 / 1024} MB. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.";

    // Long enough for the largest file allowed (30 MB, ~150.000 rows take about a minute on two busy cores).
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(5);

    public const string TooSlow =
        "Đọc tệp mất quá 5 phút nên đã dừng. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn, hoặc chép sang tệp mẫu mới rồi tải lên lại.";

    public static Task<SheetContent> ReadAsync(Stream stream, IReadOnlyList<string> headers, string templateName,
        IProgress<ImportProgress>? progress, CancellationToken ct) =>
        ReadAsync(stream, headers, templateName, progress, TimeLimit, ct);

    internal static async Task<SheetContent> ReadAsync(Stream stream, IReadOnlyList<string> headers, string templateName,
        IProgress<ImportProgress>? progress, TimeSpan timeLimit, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ReadingStage, 0));
        var buffer = new MemoryStream();
        await CopyAtMostAsync(stream, buffer, ImportLimits.MaxBytes + 1, ct);
        if (FileProblem(buffer) is { } problem)
        {
            return new SheetContent([], problem);
        }
        // However the file was made, reading it stops after the time limit: a worker is never held for longer.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (timeLimit > TimeSpan.Zero)
        {
            limit.CancelAfter(timeLimit);
        }
        else
        {
            await limit.CancelAsync();
        }
        try
        {
            if (XlsxGuard.Check(buffer, limit.Token) is { } refused)
            {
                return new SheetContent([], refused);
            }
            buffer.Position = 0;
            return Read(buffer, headers, templateName, progress, limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new SheetContent([], TooSlow);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MiniExcel reports a damaged package or sheet with many exception types (zip, XML, format, index).
            return new SheetContent([], "Tệp Excel bị hỏng hoặc không đọc được. Hãy mở tệp trong Excel hoặc LibreOffice, "
                + "lưu lại dưới dạng Excel Workbook (.xlsx) rồi tải lên lại.");
        }
    }

    private static async Task CopyAtMostAsync(Stream source, MemoryStream target, long limit, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while (target.Length < limit && (read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - target.Length)), ct)) > 0)
        {
            target.Write(chunk, 0, read);
        }
        target.Position = 0;
    }

    private static string? FileProblem(MemoryStream buffer)
    {
        if (buffer.Length == 0)
        {
            return "Tệp rỗng (0 byte): không có gì để nhập.";
        }
        if (buffer.Length > ImportLimits.MaxBytes)
        {
            return TooLarge;
        }
        var head = buffer.GetBuffer();
        if (XlsxGuard.IsEncrypted(head.AsSpan(0, (int)buffer.Length)))
        {
            return XlsxGuard.Encrypted;
        }
        if (buffer.Length >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            return "Đây là tệp Excel 97–2003 (.xls). Hãy mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… Excel Workbook (.xlsx) rồi tải lên lại.";
        }
        if (buffer.Length < 4 || head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4)
        {
            return "Tệp không phải là tệp Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu vào đó rồi tải lên.";
        }
        return null;
    }

    private static SheetContent Read(MemoryStream buffer, IReadOnlyList<string> headers, string templateName,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var total = MiniExcel.GetSheetDimensions(buffer).FirstOrDefault()?.Rows.Count ?? 0;
        buffer.Position = 0;
        var rows = new List<SheetRow>();
        Dictionary<string, int>? columns = null;
        var number = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(buffer, useHeaderRow: false))
        {
            // Every row, empty ones too: a sheet may be mostly empty rows.
            ct.ThrowIfCancellationRequested();
            number++;
            if (columns is null)
            {
                var (mapped, error) = MapHeader(cells, headers, templateName);
                if (error is not null)
                {
                    return new SheetContent([], error);
                }
                columns = mapped;
                continue;
            }
            var values = new object?[headers.Count];
            foreach (var (letter, index) in columns)
            {
                values[index] = cells.TryGetValue(letter, out var value) ? value : null;
            }
            if (values.All(v => Cells.Text(v).Length == 0))
            {
                continue;
            }
            if (rows.Count == ImportLimits.MaxRows)
            {
                return new SheetContent([], XlsxGuard.TooManyRows);
            }
            rows.Add(new SheetRow(number, values));
            if (number % 1000 == 0)
            {
                progress?.Report(new ImportProgress(ReadingStage, total > 0 ? Math.Min(99, number * 100 / total) : 50));
            }
        }
        if (columns is null)
        {
            return new SheetContent([], "Tệp không có dữ liệu: trang tính đầu tiên trống.");
        }
        if (rows.Count == 0)
        {
            return new SheetContent([], "Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.");
        }
        progress?.Report(new ImportProgress(ReadingStage, 100));
        return new SheetContent(rows, null);
    }

    // Headers are matched ignoring case and diacritics ("Ma ho" is "Mã hộ"); columns without a header are ignored.
    private static (Dictionary<string, int> Columns, string? Error) MapHeader(IDictionary<string, object?> cells,
        IReadOnlyList<string> headers, string templateName)
    {
        var expected = headers.Select((h, i) => (Key: VietnameseText.SearchKey(h), Index: i)).ToDictionary(x => x.Key, x => x.Index);
        var columns = new Dictionary<string, int>();
        var unknown = new List<string>();
        var twice = new List<string>();
        foreach (var (letter, value) in cells)
        {
            var text = Cells.Text(value);
            if (text.Length == 0)
            {
                continue;
            }
            if (!expected.TryGetValue(VietnameseText.SearchKey(text), out var index))
            {
                unknown.Add(text);
            }
            else if (columns.ContainsValue(index))
            {
                twice.Add(text);
            }
            else
            {
                columns[letter] = index;
            }
        }
        if (columns.Count == 0 && unknown.Count == 0)
        {
            return (columns, "Dòng 1 trống: dòng đầu tiên phải là dòng tiêu đề của tệp mẫu.");
        }
        var missing = headers.Where((_, i) => !columns.ContainsValue(i)).ToList();
        if (missing.Count == 0 && unknown.Count == 0 && twice.Count == 0)
        {
            return (columns, null);
        }
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("Thiếu cột: " + Quoted(missing) + ".");
        }
        if (unknown.Count > 0)
        {
            problems.Add("Cột không có trong mẫu: " + Quoted(unknown) + ".");
        }
        if (twice.Count > 0)
        {
            problems.Add("Cột có hai lần: " + Quoted(twice) + ".");
        }
        return (columns, $"Tệp không đúng mẫu {templateName}. {string.Join(" ", problems)} "
            + "Hãy tải tệp mẫu và giữ nguyên dòng tiêu đề (dòng 1).");
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
