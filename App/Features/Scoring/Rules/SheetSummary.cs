using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring.Rules;

/// <summary>How many of the items a person fills are answered: "12/13 tiêu chí".</summary>
public sealed record SheetProgress(int Answered, int Total)
{
    public string Text => $"{Answered}/{Total} tiêu chí";

    public bool Complete => Answered == Total;
}

/// <summary>The last status change of a sheet, as its history records it (who is an e-mail until the page names them).</summary>
public sealed record StatusChange(SheetAction? Action, EvaluationStatus? From, EvaluationStatus To, string Reason, string By, DateTime AtUtc);

// What the summary bar and the banner say: pure, from the engine's result, the status and the history.
public static class SheetSummary
{
    /// <summary>Applicable items a person answers (computed items come from figures and are not counted).</summary>
    public static SheetProgress Progress(EvaluationResult result)
    {
        var filled = result.Items.Where(i => i.Applicable && i.Kind != ItemKind.Computed).ToList();
        return new SheetProgress(filled.Count(i => i.Answered), filled.Count);
    }

    /// <summary>
    /// Meeting the criteria is not being recognised: until the committee's decision the sheet "đạt tiêu chí"; only the
    /// decision makes it "Công nhận". A refusal by the committee says so whatever the score.
    /// </summary>
    public static string Verdict(EvaluationStatus status, EvaluationResult result) => status switch
    {
        EvaluationStatus.Recognised => "Công nhận theo quyết định",
        EvaluationStatus.NotRecognised => "Không công nhận",
        _ => (result.Mode == ScoringMode.Points && result.Rating is { } rating ? rating + " · " : "")
            + (result.Recognised ? "Đạt tiêu chí" : result.IsComplete ? "Chưa đạt tiêu chí" : "Chưa chấm xong"),
    };

    /// <summary>The latest status line of a history given newest first; null when the status never changed.</summary>
    public static StatusChange? LastChange(IEnumerable<EvaluationAudit> newestFirst)
    {
        var line = newestFirst.FirstOrDefault(a => a.What == StatusLine);
        if (line is null || ScoringWorkflow.StatusOf(line.New) is not { } to)
        {
            return null;
        }
        var from = ScoringWorkflow.StatusOf(line.Old);
        return new StatusChange(ScoringWorkflow.ActionOf(from, to), from, to, line.Reason, line.By, line.AtUtc);
    }

    /// <summary>The "what" of a status line in the history.</summary>
    public const string StatusLine = "Trạng thái";
}
