using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// Results of a title and year from Excel: a template made from the active criteria set, a preview that checks every
// row and writes nothing, then a write of every changed sheet as "Đã chấm" in one transaction, or nothing.
// Who may: whoever may score the subjects (ScoringAccess.CanScore), row by row; overwriting a sheet already
// "Đã duyệt" needs a reason and a reviewer's right too (as "mở lại"): in practice the administrator.
public sealed class ResultsImportService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly string[] Scorers = [Roles.Administrator, Roles.Scorer];

    // Self-assessed titles keep a self score beside the reviewer's: they are scored on their page, not from a file.
    public static IReadOnlyList<Title> Titles { get; } = [Title.FamilyLearning, Title.ClanLearning, Title.VillageCommunity, Title.CommuneCommunity];

    public static string TemplateUrl(Title title, int year, IEnumerable<int>? villageIds = null)
    {
        var villages = string.Join(",", villageIds ?? []);
        return $"/mau-excel/ket-qua?title={title}&year={year}" + (villages.Length > 0 ? "&villages=" + villages : "");
    }

    public async Task<bool> MayOverwriteReviewedAsync() => (await currentUser.RequireScopeAsync(Scorers)).IsAdministrator;

    public async Task<ExcelFile> TemplateAsync(Title title, int year, IReadOnlyCollection<int>? villageIds = null, CancellationToken ct = default)
    {
        var scope = await RequireAsync(title);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (set, setId) = await SetAsync(db, title, year, ct);
        if (villageIds is { Count: > 0 } && villageIds.Any(v => !scope.CoversVillage(scope.CommuneId, v)))
        {
            throw new ForbiddenException("Có thôn không thuộc phạm vi của bạn.");
        }
        var subjects = await ResultsSubjects.LoadAsync(db, scope, title, year, ct);
        var chosen = subjects.ByCode.Values
            .Where(s => s.CanScore && (villageIds is not { Count: > 0 } || s.VillageId is { } v && villageIds.Contains(v)))
            .OrderBy(s => s.VillageOrder).ThenBy(s => s.Village).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.RegistrationId)
            .ToList();
        var inputs = await InputsAsync(db, set, chosen, year, ct);
        var columns = new ResultsColumns(set);
        var rows = chosen.Select(s => TemplateRowOf(columns, set, setId, s, inputs.GetValueOrDefault(s.SubjectId)));
        var name = $"ket-qua-{Seeding.TextKeys.Code(title.DisplayName()).ToLowerInvariant()}-{year}.xlsx";
        return new ExcelFile(name, ResultsTemplate.Write(columns, rows));
    }

    public async Task<ResultsPreview> PreviewAsync(Title title, int year, Stream file, string fileName,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var scope = await RequireAsync(title);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (set, setId) = await SetAsync(db, title, year, ct);
        var columns = new ResultsColumns(set);
        var content = await ExcelSheetReader.ReadAsync(file, columns.Headers, $"kết quả {TitleAndYear(title, year)}", progress, ct);
        if (content.Error is not null)
        {
            return ResultsPreview.Refused(title, year, fileName, content.Error);
        }
        var subjects = await ResultsSubjects.LoadAsync(db, scope, title, year, ct);
        var named = content.Rows.Select(r => subjects.ByCode.GetValueOrDefault(r.Text(0))).OfType<RegisteredSubject>().ToList();
        var inputs = await InputsAsync(db, set, named, year, ct);
        return new ResultsCheck(set, setId, columns, subjects, inputs, TitleAndYear(title, year)).Run(title, year, fileName, content.Rows);
    }

    /// <param name="preview">The checked file, as the preview showed it.</param>
    /// <param name="overwriteReason">Given: sheets already "Đã duyệt" (or not recognised) are overwritten too, and
    /// go back to "Đã chấm" with this reason on their history. Sheets with a recognition decision never are.</param>
    /// <param name="ct">Stops the write before it commits.</param>
    public async Task<ResultsWriteResult> WriteAsync(ResultsPreview preview, string? overwriteReason = null, CancellationToken ct = default)
    {
        if (!preview.CanWrite || preview.Written)
        {
            throw new ValidationException(preview.Written ? "Tệp này đã được ghi rồi." : "Tệp còn lỗi: chưa ghi gì. Hãy sửa tệp rồi tải lên lại.");
        }
        var scope = await RequireAsync(preview.Title);
        var overwrite = overwriteReason is not null;
        if (overwrite && string.IsNullOrWhiteSpace(overwriteReason))
        {
            throw new ValidationException("Hãy ghi lý do ghi đè hồ sơ đã duyệt.");
        }
        if (overwrite && !scope.IsAdministrator)
        {
            throw new ForbiddenException("Chỉ quản trị viên được ghi đè hồ sơ đã duyệt (như \"mở lại\" hồ sơ).");
        }
        var changes = overwrite
            ? preview.Changes.Concat(preview.ProtectedChanges.Where(c => c.From != EvaluationStatus.Recognised)).ToList()
            : preview.Changes.ToList();
        var result = new ResultsWriteResult(changes.Count, changes.Sum(c => c.Values.Count), preview.Protected - (changes.Count - preview.Changes.Count));
        if (changes.Count == 0)
        {
            preview.Written = true;
            return result;
        }

        await using var db = await dbFactory.CreateForAsync(scope, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await RequireUnchangedAsync(db, scope, preview, changes, ct);
        ResultsWriter.Write(db, scope, preview, changes, overwriteReason?.Trim(), now, ct);
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Commune), EntityId = scope.CommuneId.ToString(VnTime.Culture), Action = "Nhập Excel", By = scope.Name, AtUtc = now,
            Changes = Truncate(string.Create(VnTime.Culture, $"Nhập kết quả {TitleAndYear(preview.Title, preview.Year)} từ tệp {preview.FileName}: {result.Sheets:N0} hồ sơ, {result.Values:N0} giá trị.")
                + (overwrite ? " Ghi đè hồ sơ đã duyệt, lý do: " + overwriteReason!.Trim() : "")),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        preview.Written = true;
        return result;
    }

    // Inside the write transaction: every sheet must be as the preview saw it, else nothing is written.
    private static async Task RequireUnchangedAsync(AppDbContext db, UserScope scope, ResultsPreview preview, List<SheetChange> changes, CancellationToken ct)
    {
        var now = await db.Set<Registration>().AsNoTracking()
            .Where(r => r.CommuneId == scope.CommuneId && r.Title == preview.Title && r.Year == preview.Year)
            .Select(r => new { r.Id, EvaluationId = r.Evaluation == null ? (int?)null : r.Evaluation.Id, Version = r.Evaluation == null ? 0 : r.Evaluation.Version })
            .ToDictionaryAsync(r => r.Id, ct);
        var moved = changes.Where(c => !now.TryGetValue(c.RegistrationId, out var s) || s.EvaluationId != c.EvaluationId || s.Version != c.Version).ToList();
        if (moved.Count > 0)
        {
            throw new StaleEditException(string.Create(VnTime.Culture,
                $"{moved.Count:N0} hồ sơ vừa được người khác thay đổi từ lúc kiểm tra tệp (đầu tiên: dòng {moved[0].Row}, {moved[0].Who}). Chưa ghi gì: hãy tải tệp lên lại để kiểm tra."));
        }
    }

    private static TemplateRow TemplateRowOf(ResultsColumns columns, CriteriaSetDefinition set, int setId, RegisteredSubject subject,
        IReadOnlyDictionary<string, ComputedInput>? inputs)
    {
        var stored = subject.CriteriaSetId is null || subject.CriteriaSetId == setId ? StoredAnswers.Parse(subject.AnswersJson) : new StoredAnswers();
        var result = columns.Items.Any(i => i.Kind == ItemKind.Computed)
            ? CriteriaEvaluator.Evaluate(set, stored.ToEngine(inputs ?? new Dictionary<string, ComputedInput>()))
            : null;
        var values = columns.Items.Select(item => item.Kind switch
        {
            ItemKind.Computed => ComputedText(item, result!, inputs),
            _ => stored.Items.GetValueOrDefault(item.Code) switch
            {
                { ScoreTenths: { } t } => (object)(t / 10m),
                { Met: { } met } => met ? ResultsColumns.Met : ResultsColumns.NotMet,
                _ => null,
            },
        }).ToArray();
        return new TemplateRow(subject.Code, subject.Name, subject.Village, values, stored.ScorerNote ?? "");
    }

    // "8 điểm (72,50 % (29/40)) – tự tính"; "chờ số liệu" while the figure is not there yet.
    private static string ComputedText(CriteriaItem item, EvaluationResult result, IReadOnlyDictionary<string, ComputedInput>? inputs)
    {
        var scored = result.Items.First(i => i.Code == item.Code);
        return scored.Answered && item.Computed is { } rule && inputs?.GetValueOrDefault(rule.InputKey) is { } input
            ? $"{scored.Points} điểm ({input}) – tự tính"
            : "chờ số liệu – tự tính";
    }

    // Figures for computed items, subject by subject: only sets with computed items (clans, villages, the commune: tens
    // or hundreds of subjects) need them; households have none.
    private static async Task<Dictionary<int, IReadOnlyDictionary<string, ComputedInput>>> InputsAsync(AppDbContext db, CriteriaSetDefinition set,
        IEnumerable<RegisteredSubject> subjects, int year, CancellationToken ct)
    {
        var inputs = new Dictionary<int, IReadOnlyDictionary<string, ComputedInput>>();
        if (!set.Items.Any(i => i.Kind == ItemKind.Computed))
        {
            return inputs;
        }
        foreach (var subject in subjects.DistinctBy(s => s.SubjectId))
        {
            inputs[subject.SubjectId] = await ComputedInputsService.GatherAsync(db, subject.Kind, subject.SubjectId, year, ct);
        }
        return inputs;
    }

    private static async Task<(CriteriaSetDefinition Set, int Id)> SetAsync(AppDbContext db, Title title, int year, CancellationToken ct)
    {
        var set = await CriteriaSetService.ActiveForAsync(db, title, year, ct)
            ?? throw new ValidationException($"Chưa có bộ tiêu chí \"{title.DisplayName()}\" đang áp dụng cho năm {year}. Hãy báo quản trị viên.");
        ct.ThrowIfCancellationRequested();
        return (CriteriaSetJson.Deserialize(set.DefinitionJson), set.Id);
    }

    private async Task<UserScope> RequireAsync(Title title)
    {
        var scope = await currentUser.RequireScopeAsync(Scorers);
        if (!Titles.Contains(title))
        {
            throw new ValidationException($"Danh hiệu {title.DisplayName()} do đối tượng tự đánh giá: kết quả được chấm trên trang chấm điểm, không nhập từ tệp.");
        }
        return scope;
    }

    public static string TitleAndYear(Title title, int year) => $"{title.DisplayName()} năm {year}";

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] : text;
}
