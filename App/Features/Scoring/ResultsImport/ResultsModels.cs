using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// One value that changes on a sheet, as its audit line will say it.
internal sealed record ValueChange(string What, string Old, string New);

// What writing one row does to one sheet: the answers and result to store, and every value that changes.
internal sealed record SheetChange(
    int Row, int RegistrationId, int? EvaluationId, int Version, EvaluationStatus? From, string Who,
    StoredAnswers Answers, int TotalTenths, string Rating, bool Meets, IReadOnlyList<ValueChange> Values);

/// <summary>What a results file would write, checked and not written. Only a preview without a file error or row
/// errors can be written; sheets already reviewed or decided are kept unless the writer chooses to overwrite them.</summary>
public sealed class ResultsPreview
{
    public required Title Title { get; init; }
    public required int Year { get; init; }
    public required string FileName { get; init; }
    public string? FileError { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public int Rows { get; init; }
    public int Unchanged { get; init; }
    public int Blank { get; init; }

    /// <summary>Rows that change a sheet already "Đã duyệt" or decided, in words ("Dòng 5, hộ …: hồ sơ đang ở trạng thái …").</summary>
    public IReadOnlyList<string> ProtectedRows { get; init; } = [];

    public int ToWrite => Changes.Count;
    public int Protected => ProtectedRows.Count;
    public bool CanWrite => FileError is null && Errors.Count == 0;
    internal int CriteriaSetId { get; init; }
    internal IReadOnlyList<SheetChange> Changes { get; init; } = [];
    internal IReadOnlyList<SheetChange> ProtectedChanges { get; init; } = [];
    internal bool Written { get; set; }

    public string Summary => string.Create(VnTime.Culture,
        $"{Rows:N0} dòng: {ToWrite:N0} hồ sơ sẽ ghi, {Unchanged:N0} không đổi, {Protected:N0} hồ sơ đã duyệt hoặc đã có quyết định")
        + (Blank > 0 ? string.Create(VnTime.Culture, $", {Blank:N0} dòng chưa điền điểm (bỏ qua)") : "") + ".";

    public static ResultsPreview Refused(Title title, int year, string fileName, string message) =>
        new() { Title = title, Year = year, FileName = fileName, FileError = message };
}

/// <param name="Sheets">Sheets written (status "Đã chấm").</param>
/// <param name="Values">Values changed, one audit line each.</param>
/// <param name="Kept">Sheets already reviewed or decided that were left as they are.</param>
public sealed record ResultsWriteResult(int Sheets, int Values, int Kept)
{
    public string Summary => Values == 0 && Sheets == 0
        ? "0 thay đổi: mọi hồ sơ trong tệp đã đúng như trong hệ thống."
        : string.Create(VnTime.Culture, $"Đã ghi {Sheets:N0} hồ sơ (trạng thái \"Đã chấm\"), {Values:N0} thay đổi được ghi lịch sử.")
            + (Kept > 0 ? string.Create(VnTime.Culture, $" Giữ nguyên {Kept:N0} hồ sơ đã duyệt hoặc đã có quyết định.") : "");
}
