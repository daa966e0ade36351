namespace HocTapSuotDoi.Features.Scoring;

// Where a registration stands, as the list's chips name it: not scored yet (no sheet), then the sheet's status.
public enum RegistrationStage
{
    Unscored = 0,
    Draft = 1,
    Submitted = 2,
    Reviewed = 3,
    Recognised = 4,
    NotRecognised = 5,
}

// "Việc của tôi": the stages a role acts on. A scorer scores what is not scored and their drafts (a returned sheet is a
// draft again); the committee and the administrator review what was submitted; others have no queue.
public sealed record MyWork(string Text, IReadOnlyList<RegistrationStage> Stages);

public static class RegistrationStages
{
    public static readonly IReadOnlyList<RegistrationStage> All = Enum.GetValues<RegistrationStage>();

    public static string Text(this RegistrationStage stage) => stage switch
    {
        RegistrationStage.Unscored => "Chưa chấm",
        RegistrationStage.Draft => "Nháp",
        RegistrationStage.Submitted => "Chờ duyệt",
        RegistrationStage.Reviewed => "Đã duyệt",
        RegistrationStage.Recognised => "Công nhận",
        _ => "Không công nhận",
    };

    public static MyWork? For(string role) => role switch
    {
        Roles.Scorer => new("chưa chấm và nháp của tôi", [RegistrationStage.Unscored, RegistrationStage.Draft]),
        Roles.Committee or Roles.Administrator => new("hồ sơ chờ duyệt", [RegistrationStage.Submitted]),
        _ => null,
    };

    public static IQueryable<Registration> InStages(this IQueryable<Registration> rows, IReadOnlyCollection<RegistrationStage> stages)
    {
        var unscored = stages.Contains(RegistrationStage.Unscored);
        var statuses = stages.Where(s => s != RegistrationStage.Unscored).Select(s => (EvaluationStatus)(int)s).ToList();
        return rows.Where(r => (unscored && r.Evaluation == null) || (r.Evaluation != null && statuses.Contains(r.Evaluation.Status)));
    }

    // The count behind every chip, for the list's other filters (title, year, village, search), in one query.
    public static async Task<IReadOnlyDictionary<RegistrationStage, int>> CountAsync(IQueryable<Registration> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(r => r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return All.ToDictionary(s => s, s => counts.Where(c => s == RegistrationStage.Unscored ? c.Status is null : c.Status == (EvaluationStatus)(int)s).Sum(c => c.Count));
    }
}
