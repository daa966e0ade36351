using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// The columns of a results file, made from the criteria set: the subject, one column per item with its code, short
// text and what may be typed ("0–10, bước 0,5", "Đạt/Chưa đạt", "tự tính"), then the scorer's note. The same set
// always gives the same headers, so an upload is matched to the set it was made from.
public sealed class ResultsColumns
{
    public const string Code = "Mã";
    public const string Subject = "Đối tượng";
    public const string Village = "Thôn";
    public const string Note = "Ghi chú của người chấm";
    public const string Met = "Đạt";
    public const string NotMet = "Chưa đạt";
    public const int FirstItem = 3;
    private const int ShortText = 48;

    public ResultsColumns(CriteriaSetDefinition set)
    {
        Items = set.Items.ToList();
        Headers = [Code, Subject, Village, .. Items.Select(HeaderOf), Note];
    }

    public IReadOnlyList<CriteriaItem> Items { get; }

    public IReadOnlyList<string> Headers { get; }

    public int NoteColumn => Headers.Count - 1;

    public static string HeaderOf(CriteriaItem item)
    {
        var text = item.Text.Length > ShortText ? item.Text[..ShortText].TrimEnd() + "…" : item.Text;
        return $"{item.Code} {text} ({Hint(item)})";
    }

    public static string Hint(CriteriaItem item) => item.Kind switch
    {
        ItemKind.Points => ScoreInput.Hint(item),
        ItemKind.MetNotMet => $"{Met}/{NotMet}",
        _ => "tự tính",
    };
}
