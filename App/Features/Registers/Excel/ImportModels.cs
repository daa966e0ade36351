using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Units;

namespace HocTapSuotDoi.Features.Registers.Excel;

public enum ImportKind
{
    Households = 1,
    Clans = 2,
    Units = 3,
}

public static class ImportLimits
{
    public const long MaxBytes = 30 * 1024 * 1024;
    // A district's register (30.000 households, ~100.000 members) in one file, with room to spare.
    public const int MaxRows = 150_000;
}

// One problem in the file, named as a person finds it in Excel: the row number and the column header.
public sealed record ImportError(int Row, string Column, string Message)
{
    public override string ToString() => $"Dòng {Row}, cột \"{Column}\": {Message}";
}

public sealed record ImportProgress(string Stage, int Percent);

public sealed record ImportResult(int Households, int People, int Clans, int Units)
{
    public string Summary => (Households, Clans, Units) switch
    {
        (> 0, _, _) => string.Create(VnTime.Culture, $"{Households:N0} hộ, {People:N0} nhân khẩu"),
        (_, > 0, _) => string.Create(VnTime.Culture, $"{Clans:N0} dòng họ"),
        _ => string.Create(VnTime.Culture, $"{Units:N0} đơn vị"),
    };
}

// What an import would write, checked and not yet written. FileError refuses the whole file (not an Excel file,
// empty, wrong template, too large); Errors lists every bad cell. Only a preview without either can be committed.
// Warnings (a head's name that differs from another household's only in diacritics) are shown and do not stop it.
public sealed class ImportPreview
{
    public required ImportKind Kind { get; init; }
    public string? FileError { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];
    public int Rows { get; init; }
    public ImportResult Counts { get; init; } = new(0, 0, 0, 0);
    public bool CanCommit => FileError is null && Errors.Count == 0 && Counts.Households + Counts.Clans + Counts.Units > 0;
    internal bool Committed { get; set; }
    internal IReadOnlyList<HouseholdDraft> Households { get; init; } = [];
    internal IReadOnlyList<ClanDraft> Clans { get; init; } = [];
    internal IReadOnlyList<UnitDraft> Units { get; init; } = [];

    public static ImportPreview Refused(ImportKind kind, string message) => new() { Kind = kind, FileError = message };
}

internal sealed record PersonDraft(int Row, PersonForm Form, PersonStatus Status);

internal sealed record HouseholdDraft(int Row, string Code, int VillageId, string HeadName, string Address, string Phone,
    HouseholdStatus Status, List<PersonDraft> Members);

internal sealed record ClanDraft(int Row, string Name, string HeadName, string Phone, string Note, IReadOnlyList<int> HouseholdIds);

internal sealed record UnitDraft(int Row, UnitForm Form);
