namespace HocTapSuotDoi.Features.Phases;

// The movement's two phases (QĐ 1315/QĐ-TTg; the commune plan, section V): phase 1 ends with the sơ kết in 2025,
// phase 2 with the tổng kết of the whole movement (2023–2030) in 2030.
public sealed record Phase(int Number, int From, int To)
{
    public static readonly Phase First = new(1, 2023, 2025);
    public static readonly Phase Second = new(2, 2026, 2030);
    public static readonly IReadOnlyList<Phase> All = [First, Second];

    public static Phase? ForYear(int year) => All.FirstOrDefault(p => year >= p.From && year <= p.To);

    // The years a review looks back on: the sơ kết covers phase 1, the tổng kết the whole movement.
    public int ReviewFrom => Number == 1 ? From : First.From;

    public bool IsReviewYear(int year) => year == To;

    public string Name => $"Giai đoạn {Number} ({From}–{To})";

    public string ReviewName => Number == 1 ? $"Sơ kết giai đoạn 1 ({From}–{To})" : $"Tổng kết giai đoạn {First.From}–{To}";

    // "năm thứ 2 của giai đoạn 1 (2023–2025)"
    public string YearText(int year) => $"năm thứ {year - From + 1} của giai đoạn {Number} ({From}–{To})";
}
