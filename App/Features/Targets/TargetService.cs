namespace HocTapSuotDoi.Features.Targets;

public sealed record TargetRow(int Id, TargetLevel Level, TargetIndicator Indicator, int FromYear, int ToYear, int PercentTenths,
    string Source, bool Checked, string Note, int Version)
{
    public decimal Percent => PercentTenths / 10m;
}

// The target that applies to a commune in a year, and where it comes from.
public sealed record EffectiveTarget(TargetIndicator Indicator, int PercentTenths, int FromYear, int ToYear, TargetLevel Level, string Source, bool Checked)
{
    public decimal Percent => PercentTenths / 10m;
}

public sealed class TargetForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public TargetLevel Level { get; set; } = TargetLevel.Commune;
    public TargetIndicator Indicator { get; set; } = TargetIndicator.FamilyLearningHouseholds;
    public int FromYear { get; set; } = 2026;
    public int ToYear { get; set; } = 2030;
    public decimal Percent { get; set; }
    public string Source { get; set; } = "";
    public bool Checked { get; set; } = true;
    public string Note { get; set; } = "";

    public static TargetForm From(TargetRow r) => new()
    {
        Id = r.Id, Version = r.Version, Level = r.Level, Indicator = r.Indicator, FromYear = r.FromYear, ToYear = r.ToYear,
        Percent = r.Percent, Source = r.Source, Checked = r.Checked, Note = r.Note,
    };
}

public sealed class TargetFormValidator : AbstractValidator<TargetForm>
{
    public TargetFormValidator()
    {
        RuleFor(x => x.FromYear).InclusiveBetween(2000, 2100).WithMessage("Năm bắt đầu phải từ 2000 đến 2100.");
        RuleFor(x => x.ToYear).GreaterThanOrEqualTo(x => x.FromYear).WithMessage("Năm kết thúc không được trước năm bắt đầu.")
            .LessThanOrEqualTo(2100).WithMessage("Năm kết thúc phải trước 2100.");
        RuleFor(x => x.Percent).InclusiveBetween(0m, 100m).WithMessage("Chỉ tiêu phải từ 0 đến 100 %.")
            .Must(p => decimal.Round(p, 1) == p).WithMessage("Chỉ tiêu lấy tối đa một chữ số thập phân.");
        RuleFor(x => x.Source).NotEmpty().WithMessage("Hãy ghi căn cứ (số văn bản).").MaximumLength(300).WithMessage("Căn cứ dài quá 300 ký tự.");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Ghi chú dài quá 1000 ký tự.");
    }
}

public sealed class TargetService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<TargetForm> validator)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    // The rows that concern the user's commune: national ones, its province's, its own.
    public async Task<IReadOnlyList<TargetRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var provinceId = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.ProvinceId).SingleAsync(ct);
        var rows = await Visible(db, provinceId, scope.CommuneId).AsNoTracking()
            .Select(t => new TargetRow(t.Id, t.Level, t.Indicator, t.FromYear, t.ToYear, t.PercentTenths, t.Source, t.Checked, t.Note, t.Version))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Indicator).ThenBy(r => r.FromYear).ThenBy(r => r.Level).ToList();
    }

    public async Task SaveAsync(TargetForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var provinceId = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.ProvinceId).SingleAsync(ct);
        Target target;
        if (form.Id is { } id)
        {
            target = await db.EditedRowAsync(Visible(db, provinceId, scope.CommuneId).Where(t => t.Id == id), form.Version, "Không tìm thấy chỉ tiêu này (có thể đã bị xóa).", ct);
        }
        else
        {
            target = new Target();
            db.Add(target);
        }
        target.Level = form.Level;
        target.ProvinceId = form.Level == TargetLevel.Provincial ? provinceId : null;
        target.CommuneId = form.Level == TargetLevel.Commune ? scope.CommuneId : null;
        target.Indicator = form.Indicator;
        target.FromYear = form.FromYear;
        target.ToYear = form.ToYear;
        target.PercentTenths = (int)(form.Percent * 10);
        target.Source = form.Source.Trim();
        target.Checked = form.Checked;
        target.Note = form.Note.Trim();
        await db.SaveOrConflictAsync("Chỉ tiêu này", ct);
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var provinceId = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.ProvinceId).SingleAsync(ct);
        var target = await Visible(db, provinceId, scope.CommuneId).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new ForbiddenException("Không tìm thấy chỉ tiêu này (có thể đã bị xóa).");
        db.Remove(target);
        await db.SaveChangesAsync(ct);
    }

    // The targets in force for a commune over some years: commune over province over nation; within a level the
    // range that starts latest wins. One read of a small table, resolved in memory.
    public static async Task<IReadOnlyDictionary<(TargetIndicator, int), EffectiveTarget>> EffectiveAsync(
        AppDbContext db, int communeId, IReadOnlyCollection<int> years, CancellationToken ct = default)
    {
        var provinceId = await db.Communes.Where(c => c.Id == communeId).Select(c => c.ProvinceId).SingleAsync(ct);
        var rows = await Visible(db, provinceId, communeId).AsNoTracking().ToListAsync(ct);
        var result = new Dictionary<(TargetIndicator, int), EffectiveTarget>();
        foreach (var year in years)
        {
            foreach (var group in rows.Where(t => t.FromYear <= year && year <= t.ToYear).GroupBy(t => t.Indicator))
            {
                var t = group.OrderByDescending(t => t.Level).ThenByDescending(t => t.FromYear).ThenByDescending(t => t.Id).First();
                result[(t.Indicator, year)] = new EffectiveTarget(t.Indicator, t.PercentTenths, t.FromYear, t.ToYear, t.Level, t.Source, t.Checked);
            }
        }
        return result;
    }

    private static IQueryable<Target> Visible(AppDbContext db, int provinceId, int communeId) =>
        db.Set<Target>().Where(t => t.Level == TargetLevel.National
            || (t.Level == TargetLevel.Provincial && t.ProvinceId == provinceId)
            || (t.Level == TargetLevel.Commune && t.CommuneId == communeId));
}
