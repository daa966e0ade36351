using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// Checks every row of a results file against the register, the scorer's scope and the criteria set, in the words of the
// score field (ScoreInput) and the engine, and works out what writing it would change. Pure: no database, no clock.
internal sealed class ResultsCheck(CriteriaSetDefinition set, int setId, ResultsColumns columns, ResultsSubjects subjects,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, ComputedInput>> inputs, string titleAndYear)
{
    private const int MaxNote = 1000;
    private static readonly IReadOnlyDictionary<string, ComputedInput> NoInputs = new Dictionary<string, ComputedInput>();
    private readonly List<string> _errors = [];
    private readonly List<SheetChange> _changes = [];
    private readonly List<SheetChange> _protected = [];
    private readonly List<string> _protectedRows = [];
    private readonly Dictionary<string, int> _seen = new(StringComparer.OrdinalIgnoreCase);
    private int _unchanged;
    private int _blank;

    public ResultsPreview Run(Title title, int year, string fileName, IReadOnlyList<SheetRow> rows)
    {
        foreach (var row in rows)
        {
            CheckRow(row);
        }
        return new ResultsPreview
        {
            Title = title, Year = year, FileName = fileName, Rows = rows.Count, Errors = _errors, Unchanged = _unchanged, Blank = _blank,
            ProtectedRows = _protectedRows, CriteriaSetId = setId, Changes = _changes, ProtectedChanges = _protected,
        };
    }

    private void CheckRow(SheetRow row)
    {
        var code = row.Text(0);
        var where = $"Dòng {row.Number}";
        if (code.Length == 0)
        {
            _errors.Add($"{where}: chưa có mã đối tượng (cột \"{ResultsColumns.Code}\").");
            return;
        }
        if (!subjects.ByCode.TryGetValue(code, out var subject))
        {
            _errors.Add(subjects.KnownCodes.Contains(code)
                ? $"{where}, mã {code}: đối tượng chưa đăng ký danh hiệu {titleAndYear}."
                : $"{where}: không có đối tượng mã {code} trong sổ của xã.");
            return;
        }
        where = $"{where}, {subject.Who}";
        if (_seen.TryGetValue(code, out var first))
        {
            _errors.Add($"{where}: mã {code} đã có ở dòng {first}; mỗi đối tượng chỉ một dòng.");
            return;
        }
        _seen[code] = row.Number;
        if (!subject.CanScore)
        {
            _errors.Add($"{where}: không thuộc phạm vi chấm điểm của bạn.");
            return;
        }
        if (subject.CriteriaSetId is { } used && used != setId)
        {
            _errors.Add($"{where}: hồ sơ đang chấm theo một phiên bản bộ tiêu chí khác; hãy chấm hồ sơ này trên trang chấm điểm.");
            return;
        }

        var stored = StoredAnswers.Parse(subject.AnswersJson);
        var items = new Dictionary<string, StoredAnswer>();
        var missing = new List<string>();
        var typedAny = false;
        var rowErrors = _errors.Count;
        for (var i = 0; i < columns.Items.Count; i++)
        {
            var item = columns.Items[i];
            var text = row.Text(ResultsColumns.FirstItem + i);
            if (item.Kind == ItemKind.Computed)
            {
                continue;
            }
            typedAny |= text.Length > 0;
            var old = stored.Items.GetValueOrDefault(item.Code);
            if (text.Length == 0)
            {
                missing.Add(item.Code);
                continue;
            }
            if (Read(item, text) is { } problem)
            {
                _errors.Add($"{where}, tiêu chí {item.Code}: {problem}.");
                continue;
            }
            items[item.Code] = item.Kind == ItemKind.Points
                ? new StoredAnswer(Tenths(text), null, old?.Note ?? "")
                : new StoredAnswer(null, IsMet(text), old?.Note ?? "");
        }
        var note = row.Text(columns.NoteColumn);
        if (!typedAny && note.Length == 0)
        {
            _blank++;
            return;
        }
        if (note.Length > MaxNote)
        {
            _errors.Add($"{where}: ghi chú của người chấm dài quá {MaxNote} ký tự.");
        }
        if (missing.Count > 0)
        {
            _errors.Add($"{where}: chưa chấm tiêu chí {string.Join(", ", missing)}; hồ sơ \"Đã chấm\" phải có đủ điểm.");
        }
        if (_errors.Count > rowErrors)
        {
            return;
        }

        var answers = stored with { Items = items, ScorerNote = note.Length == 0 ? null : note };
        var result = CriteriaEvaluator.Evaluate(set, answers.ToEngine(inputs.GetValueOrDefault(subject.SubjectId, NoInputs)));
        if (!result.IsComplete || result.HasErrors)
        {
            _errors.Add($"{where}: chưa chấm xong ({string.Join("; ", result.Reasons.Concat(result.Errors).Take(3))}).");
            return;
        }
        var values = Changes(stored, answers);
        if (values.Count == 0 && subject.Status is { } status && status != EvaluationStatus.Draft)
        {
            _unchanged++;
            return;
        }
        var change = new SheetChange(row.Number, subject.RegistrationId, subject.EvaluationId, subject.Version, subject.Status, subject.Who,
            answers, result.Total.Tenths, result.Rating ?? "", result.Recognised, values);
        if (subject.Status is EvaluationStatus.Reviewed or EvaluationStatus.Recognised or EvaluationStatus.NotRecognised)
        {
            _protected.Add(change);
            _protectedRows.Add($"{where}: hồ sơ đang ở trạng thái \"{subject.Status.Value.Text()}\", tệp đổi {values.Count} giá trị"
                + (subject.Status == EvaluationStatus.Recognised ? " (đã có quyết định công nhận: không ghi đè)." : "."));
            return;
        }
        _changes.Add(change);
    }

    // The problem with a typed value, in the score field's words, or null.
    private static string? Read(CriteriaItem item, string text)
    {
        if (item.Kind == ItemKind.MetNotMet)
        {
            return IsMet(text) is null ? $"“{text}” không phải \"{ResultsColumns.Met}\" hoặc \"{ResultsColumns.NotMet}\"" : null;
        }
        if (!ScoreInput.TryParse(text, out var score) || score is not { } value)
        {
            return $"“{text}” không phải là số";
        }
        var shown = text.Replace('.', ',');
        if (value > item.Max.Value)
        {
            return $"điểm {shown} vượt quá tối đa {item.Max}";
        }
        return value < 0 ? $"điểm {shown} không được âm" : ScoreInput.Problem(item, value, shown);
    }

    private static int Tenths(string text)
    {
        _ = ScoreInput.TryParse(text, out var score);
        return decimal.ToInt32(score!.Value * 10m);
    }

    private static bool? IsMet(string text) => VietnameseText.SearchKey(text) switch
    {
        "dat" => true,
        "chua dat" or "khong dat" => false,
        _ => null,
    };

    private static List<ValueChange> Changes(StoredAnswers stored, StoredAnswers answers)
    {
        var values = new List<ValueChange>();
        foreach (var code in answers.Items.Keys.Union(stored.Items.Keys))
        {
            var (old, @new) = (stored.Items.GetValueOrDefault(code)?.Text ?? "(trống)", answers.Items.GetValueOrDefault(code)?.Text ?? "(trống)");
            if (old != @new)
            {
                values.Add(new ValueChange($"Điểm tiêu chí {code}", old, @new));
            }
        }
        if ((stored.ScorerNote ?? "") != (answers.ScorerNote ?? ""))
        {
            values.Add(new ValueChange(ResultsColumns.Note, stored.ScorerNote ?? "", answers.ScorerNote ?? ""));
        }
        return values;
    }
}
