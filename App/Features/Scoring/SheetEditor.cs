using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring.Rules;

namespace HocTapSuotDoi.Features.Scoring;

// What the scoring page holds while a person scores: the loaded sheet, the answers as saved, the score being typed,
// the live result and the messages under each criterion. No services: the page saves, this keeps the state honest.
public sealed class SheetEditor
{
    public SheetEditor(ScoringSheet sheet)
    {
        Sheet = sheet;
        Reload(sheet);
    }

    public ScoringSheet Sheet { get; private set; }
    public Dictionary<string, StoredAnswer> Answers { get; private set; } = [];
    public string? TargetGroup { get; private set; }
    public int Version { get; set; }
    public Dictionary<string, string> ItemErrors { get; } = [];
    public EvaluationResult Result { get; private set; } = default!;

    // The score being typed (valid so far): counted in the total, not saved until the field is left.
    private (string Code, StoredAnswer Answer)? _typed;

    public SheetProgress Progress => SheetSummary.Progress(Result);

    public string Verdict => SheetSummary.Verdict(Sheet.Status, Result);

    public StoredAnswer? AnswerOf(string code) => Answers.GetValueOrDefault(code);

    /// <summary>The items of a group that apply to the chosen target group (all of them when the set has none).</summary>
    public IEnumerable<CriteriaItem> ItemsOf(CriteriaGroup group) =>
        group.Items.Where(i => Sheet.Set.TargetGroups.Count == 0 || i.AppliesTo(TargetGroup));

    /// <summary>The subject's own answer, shown to the reviewer beside theirs; none while the subject fills it.</summary>
    public StoredAnswer? SelfAnswerOf(string code) => Sheet.ScoresSelf ? null : Sheet.SelfAnswers?.Items.GetValueOrDefault(code);

    public ItemResult? ResultOf(string code) => Result.Items.FirstOrDefault(i => i.Code == code);

    /// <summary>The answer with a new evidence note (the score or choice unchanged).</summary>
    public StoredAnswer WithNote(string code, string? note) => (AnswerOf(code) ?? new StoredAnswer()) with { Note = note?.Trim() ?? "" };

    /// <summary>The answer with Đạt / Chưa đạt chosen (the note kept).</summary>
    public StoredAnswer WithMet(string code, bool? met) => new(null, met, AnswerOf(code)?.Note ?? "");

    public void Recompute()
    {
        var items = _typed is { } typed ? new Dictionary<string, StoredAnswer>(Answers) { [typed.Code] = typed.Answer } : Answers;
        Result = CriteriaEvaluator.Evaluate(Sheet.Set, new StoredAnswers { Items = items, TargetGroup = TargetGroup }.ToEngine(Sheet.Inputs));
    }

    /// <summary>A keystroke in a score field: valid text counts at once; a refusal says why under the criterion.</summary>
    public void Typed(string code, ScoreReading reading)
    {
        _typed = reading.Accepted ? (code, new StoredAnswer(reading.Tenths, null, AnswerOf(code)?.Note ?? "")) : null;
        SetError(code, reading.Refusal);
        Recompute();
    }

    /// <summary>The field was left: the new answer to save, or null when nothing is to be saved (refused, unchanged).</summary>
    public StoredAnswer? Left(string code, ScoreReading reading)
    {
        _typed = null;
        var saved = AnswerOf(code);
        Recompute();
        return !reading.Accepted || reading.Tenths == saved?.ScoreTenths ? null : new StoredAnswer(reading.Tenths, null, saved?.Note ?? "");
    }

    /// <summary>Shows <paramref name="answer"/> before it is saved; returns what to put back if the save is refused.</summary>
    public StoredAnswer? Apply(string code, StoredAnswer answer)
    {
        ItemErrors.Remove(code);
        var previous = AnswerOf(code);
        Answers[code] = answer;
        Recompute();
        return previous;
    }

    /// <summary>The answers as saved, before <paramref name="code"/> was given a value not saved yet.</summary>
    public IReadOnlyDictionary<string, StoredAnswer> SavedBefore(string code, StoredAnswer? previous)
    {
        var saved = new Dictionary<string, StoredAnswer>(Answers);
        if (previous is null)
        {
            saved.Remove(code);
        }
        else
        {
            saved[code] = previous;
        }
        return saved;
    }

    public void Restore(string code, StoredAnswer? previous)
    {
        if (previous is null)
        {
            Answers.Remove(code);
        }
        else
        {
            Answers[code] = previous;
        }
        Recompute();
    }

    public void SetTargetGroup(string? code)
    {
        TargetGroup = code;
        Recompute();
    }

    public void SetError(string code, string? error)
    {
        if (error is null)
        {
            ItemErrors.Remove(code);
        }
        else
        {
            ItemErrors[code] = error;
        }
    }

    /// <summary>A newer sheet from the server: its answers replace the page's.</summary>
    public void Reload(ScoringSheet newer)
    {
        Sheet = newer;
        Version = newer.Version;
        _typed = null;
        Answers = new(newer.InPlay.Items);
        TargetGroup = newer.InPlay.TargetGroup;
        Recompute();
    }

    /// <summary>The history (and its names) refreshed after a save here or elsewhere, the answers untouched.</summary>
    public void Refresh(IReadOnlyList<EvaluationAudit> history, IReadOnlyDictionary<string, string> people) =>
        Sheet = Sheet with { History = history, People = people };
}
