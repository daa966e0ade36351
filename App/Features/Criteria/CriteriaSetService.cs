using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Criteria;

public sealed record CriteriaSetRow(int Id, Title Title, string Name, int VersionNumber, CriteriaSetStatus Status, int FromYear, int? ToYear,
    bool Checked, string LegalBasis, int Evaluations);

public sealed record CriteriaSetView(CriteriaSetRow Row, CriteriaSetDefinition Definition, int EntityVersion)
{
    public bool Editable => Row.Status == CriteriaSetStatus.Draft && Row.Evaluations == 0;
}

// The criteria library: every administrator action on a set (copy, edit a draft, activate, retire, export, import).
// A set that an evaluation used never changes: only its copy can be edited.
public sealed class CriteriaSetService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    private static readonly System.Text.CompositeFormat UsedSetFormat = System.Text.CompositeFormat.Parse(UsedSetMessage);

    public const string UsedSetMessage = "Bộ tiêu chí này đã được dùng để chấm {0} hồ sơ nên không thể sửa. Hãy sao chép thành phiên bản mới rồi sửa bản sao.";

    public async Task<IReadOnlyList<CriteriaSetRow>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ordered = db.Set<CriteriaSet>().AsNoTracking()
            .OrderBy(s => s.Title).ThenBy(s => s.Status).ThenBy(s => s.Name).ThenByDescending(s => s.VersionNumber);
        return await Rows(db, ordered).ToListAsync(ct);
    }

    public async Task<CriteriaSetView> GetAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ViewAsync(db, id);
    }

    // The set a subject of this title is scored with in this year: the one active set covering the year.
    public static async Task<CriteriaSet?> ActiveForAsync(AppDbContext db, Title title, int year, CancellationToken ct = default) =>
        await db.Set<CriteriaSet>().AsNoTracking()
            .Where(s => s.Title == title && s.Status == CriteriaSetStatus.Active && s.FromYear <= year && (s.ToYear == null || s.ToYear >= year))
            .OrderByDescending(s => s.FromYear).FirstOrDefaultAsync(ct);

    public async Task<int> CopyAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var source = await db.Set<CriteriaSet>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        var next = await db.Set<CriteriaSet>().Where(s => s.Title == source.Title && s.Name == source.Name).MaxAsync(s => s.VersionNumber, ct) + 1;
        var copy = new CriteriaSet
        {
            Title = source.Title, Name = source.Name, VersionNumber = next, Status = CriteriaSetStatus.Draft,
            FromYear = source.FromYear, ToYear = source.ToYear, Checked = source.Checked, LegalBasisNumber = source.LegalBasisNumber,
            DefinitionJson = source.DefinitionJson,
        };
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }

    public async Task SaveDraftAsync(int id, int entityVersion, CriteriaSetDefinition definition, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        ThrowIfInvalid(definition);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var set = await db.Set<CriteriaSet>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        var used = await UsageAsync(db, id);
        if (used > 0)
        {
            throw new ValidationException(string.Format(VnTime.Culture, UsedSetFormat, used));
        }
        if (set.Status != CriteriaSetStatus.Draft)
        {
            throw new ValidationException("Chỉ sửa được bộ tiêu chí ở trạng thái nháp. Hãy sao chép bộ đang áp dụng thành phiên bản mới.");
        }
        if (definition.Title != set.Title)
        {
            throw new ValidationException("Không đổi được danh hiệu của một bộ tiêu chí.");
        }
        db.Entry(set).Property(s => s.Version).OriginalValue = entityVersion;
        Apply(set, definition);
        await db.SaveOrConflictAsync("Bộ tiêu chí này", ct);
    }

    public async Task ActivateAsync(int id, int fromYear, int? toYear, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        if (fromYear is < 2000 or > 2100 || toYear < fromYear)
        {
            throw new ValidationException("Khoảng năm áp dụng không hợp lệ: năm bắt đầu từ 2000 đến 2100 và không sau năm kết thúc.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var set = await db.Set<CriteriaSet>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        var definition = CriteriaSetJson.Deserialize(set.DefinitionJson) with { FromYear = fromYear, ToYear = toYear };
        ThrowIfInvalid(definition);
        var overlapping = await db.Set<CriteriaSet>().AsNoTracking()
            .Where(s => s.Id != id && s.Title == set.Title && s.Status == CriteriaSetStatus.Active
                && s.FromYear <= (toYear ?? int.MaxValue) && (s.ToYear == null || s.ToYear >= fromYear))
            .Select(s => new { s.Name, s.VersionNumber, s.FromYear, s.ToYear }).FirstOrDefaultAsync(ct);
        if (overlapping is not null)
        {
            throw new ValidationException($"Đã có \"{overlapping.Name}\" (phiên bản {overlapping.VersionNumber}) đang áp dụng từ năm {overlapping.FromYear}" +
                $"{(overlapping.ToYear is { } t ? $" đến {t}" : "")}. Hãy ngừng áp dụng bộ đó hoặc chọn khoảng năm không trùng.");
        }
        set.DefinitionJson = CriteriaSetJson.Serialize(definition);
        set.FromYear = fromYear;
        set.ToYear = toYear;
        set.Status = CriteriaSetStatus.Active;
        await db.SaveChangesAsync(ct);
    }

    public async Task RetireAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var set = await db.Set<CriteriaSet>().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        set.Status = CriteriaSetStatus.Retired;
        await db.SaveChangesAsync(ct);
    }

    public async Task<(string FileName, string Json)> ExportAsync(int id, CancellationToken ct = default)
    {
        await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var set = await db.Set<CriteriaSet>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw NotFound();
        var name = $"bo-tieu-chi-{Seeding.TextKeys.Code(set.Name).ToLowerInvariant()}-v{set.VersionNumber}.json";
        return (name, set.DefinitionJson);
    }

    // A set shared by the province (or another commune) comes in as a new draft, after the same checks as an edit.
    public async Task<int> ImportAsync(string json, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        if (!CriteriaSetJson.TryDeserialize(json, out var definition, out var error))
        {
            throw new ValidationException(error);
        }
        ThrowIfInvalid(definition!);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var version = await db.Set<CriteriaSet>().Where(s => s.Title == definition!.Title && s.Name == definition.Name)
            .Select(s => (int?)s.VersionNumber).MaxAsync(ct) ?? 0;
        var set = new CriteriaSet { Name = "", DefinitionJson = "", VersionNumber = version + 1, Status = CriteriaSetStatus.Draft };
        Apply(set, definition!);
        db.Add(set);
        await db.SaveChangesAsync(ct);
        return set.Id;
    }

    internal static void Apply(CriteriaSet set, CriteriaSetDefinition definition)
    {
        set.Title = definition.Title;
        set.Name = definition.Name;
        set.FromYear = definition.FromYear;
        set.ToYear = definition.ToYear;
        set.Checked = definition.Checked;
        set.LegalBasisNumber = definition.LegalBasis.Number;
        set.DefinitionJson = CriteriaSetJson.Serialize(definition);
    }

    private static void ThrowIfInvalid(CriteriaSetDefinition definition)
    {
        var problems = CriteriaSetValidator.Validate(definition);
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new FluentValidation.Results.ValidationFailure("", p)));
        }
    }

    private static IQueryable<CriteriaSetRow> Rows(AppDbContext db, IQueryable<CriteriaSet> sets) =>
        sets.Select(s => new CriteriaSetRow(s.Id, s.Title, s.Name, s.VersionNumber, s.Status, s.FromYear, s.ToYear,
            s.Checked, s.LegalBasisNumber, db.Set<Evaluation>().Count(e => e.CriteriaSetId == s.Id)));

    private static async Task<CriteriaSetView> ViewAsync(AppDbContext db, int id)
    {
        var row = await Rows(db, db.Set<CriteriaSet>().AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync() ?? throw NotFound();
        var entity = await db.Set<CriteriaSet>().AsNoTracking().Where(s => s.Id == id).Select(s => new { s.DefinitionJson, s.Version }).SingleAsync();
        return new CriteriaSetView(row, CriteriaSetJson.Deserialize(entity.DefinitionJson), entity.Version);
    }

    private static Task<int> UsageAsync(AppDbContext db, int id) => db.Set<Evaluation>().CountAsync(e => e.CriteriaSetId == id);

    private static ForbiddenException NotFound() => new("Không tìm thấy bộ tiêu chí này.");
}
