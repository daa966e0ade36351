using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.YearData;

// One row of the yearly figures page: a village's or a unit's figure for one computed input, entered or not yet.
public sealed record FigureRow(SubjectKind Kind, int SubjectId, string SubjectName, string InputKey, string Label,
    int? Count, int? OutOf, string Source, int Version, bool CanEdit, int? RegisterAdults, string UpdatedBy, DateTime? UpdatedAtUtc)
{
    public string Percent => Count is { } c && OutOf is { } o and > 0 ? VnPercent.Format(c, o) : "";
}

public sealed class FigureForm
{
    public SubjectKind Kind { get; set; }
    public int SubjectId { get; set; }
    public int Year { get; set; }
    public string InputKey { get; set; } = "";
    public int? Count { get; set; }
    public int? OutOf { get; set; }
    public string Source { get; set; } = "";
    public int Version { get; set; }
}

public sealed class FigureFormValidator : AbstractValidator<FigureForm>
{
    public FigureFormValidator()
    {
        RuleFor(f => f.InputKey).Must((f, key) => EnteredFigureService.KeyFor(f.Kind)?.Key == key)
            .WithMessage("Số liệu này không nhập cho loại đối tượng đã chọn.");
        RuleFor(f => f.Year).InclusiveBetween(2000, 2100).WithMessage("Năm không hợp lệ.");
        RuleFor(f => f.OutOf).NotNull().WithMessage("Hãy nhập tổng số (mẫu số).")
            .GreaterThan(0).WithMessage("Tổng số phải lớn hơn 0.")
            .LessThanOrEqualTo(1_000_000).WithMessage("Tổng số quá lớn (tối đa 1.000.000).");
        RuleFor(f => f.Count).NotNull().WithMessage("Hãy nhập số người đạt (tử số).")
            .GreaterThanOrEqualTo(0).WithMessage("Số người không được âm.");
        RuleFor(f => f.Count).LessThanOrEqualTo(f => f.OutOf).When(f => f.OutOf is not null)
            .WithMessage(f => $"Số người ({f.Count:N0}) không được lớn hơn tổng số ({f.OutOf:N0}).");
        RuleFor(f => f.Source).MaximumLength(500).WithMessage("Nguồn số liệu dài quá 500 ký tự.");
    }
}

// The yearly figures that computed criteria need and no register holds. Villages: administrators, the committee and
// scorers of the village; units: administrators, the committee and the unit's own reporters. Saving a figure scores
// again, in the same transaction, the open sheets that read it.
public sealed class EnteredFigureService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<FigureForm> validator, TimeProvider clock)
{
    private static readonly string[] Readers = [.. Roles.All];

    public static ComputedInputKey? KeyFor(SubjectKind kind) => kind switch
    {
        SubjectKind.Village => ComputedInputKeys.VillageAdultsLearningCentreRate,
        SubjectKind.Unit => ComputedInputKeys.UnitStaffCitizenLearningRate,
        _ => null,
    };

    public static bool IsEnteredKey(string? key) =>
        key is not null && (key == KeyFor(SubjectKind.Village)!.Key || key == KeyFor(SubjectKind.Unit)!.Key);

    public static bool CanEdit(UserScope scope, SubjectKind kind, int subjectId, int communeId) => scope.Role switch
    {
        Roles.Administrator or Roles.Committee => scope.CoversCommune(communeId),
        Roles.Scorer => kind == SubjectKind.Village && scope.CoversVillage(communeId, subjectId),
        Roles.UnitReporter => kind == SubjectKind.Unit && scope.CoversUnit(communeId, subjectId),
        _ => false,
    };

    public async Task<IReadOnlyList<FigureRow>> ListAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var figures = await db.Set<EnteredFigure>().AsNoTracking().Where(f => f.CommuneId == scope.CommuneId && f.Year == year)
            .ToDictionaryAsync(f => (f.SubjectKind, f.SubjectId, f.InputKey), ct);
        var rows = new List<FigureRow>();
        if (scope.Role != Roles.UnitReporter)
        {
            var villageKey = KeyFor(SubjectKind.Village)!;
            var villages = await db.Villages.AsNoTracking().InScope(scope).ExistingIn(year).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
                .Select(v => new { v.Id, v.Name }).ToListAsync(ct);
            // Adults in the register (18 or older in the year, living, in a resident household): a hint for the total.
            var adults = await db.People.AsNoTracking()
                .Where(p => p.Household!.CommuneId == scope.CommuneId && p.Household.Status == HouseholdStatus.Resident
                    && p.Status == PersonStatus.Living && p.BirthYear != null && p.BirthYear <= year - 18)
                .GroupBy(p => p.Household!.VillageId).Select(g => new { VillageId = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.VillageId, x => x.Count, ct);
            rows.AddRange(villages.Select(v => Row(scope, figures, SubjectKind.Village, v.Id, v.Name, villageKey, adults.GetValueOrDefault(v.Id))));
        }
        var unitKey = KeyFor(SubjectKind.Unit)!;
        var units = await db.Units.AsNoTracking()
            .Where(u => u.CommuneId == scope.CommuneId && u.Active && (scope.Role != Roles.UnitReporter || u.Id == scope.UnitId))
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        rows.AddRange(units.Select(u => Row(scope, figures, SubjectKind.Unit, u.Id, u.Name, unitKey, null)));
        return rows;
    }

    private static FigureRow Row(UserScope scope, Dictionary<(SubjectKind, int, string), EnteredFigure> figures, SubjectKind kind, int id, string name,
        ComputedInputKey key, int? registerAdults)
    {
        var figure = figures.GetValueOrDefault((kind, id, key.Key));
        return new FigureRow(kind, id, name, key.Key, key.Label, figure?.Count, figure?.OutOf, figure?.Source ?? "", figure?.Version ?? 0,
            CanEdit(scope, kind, id, scope.CommuneId), registerAdults, figure?.UpdatedBy ?? "", figure?.UpdatedAtUtc);
    }

    /// <returns>The figure's new version.</returns>
    public async Task<int> SaveAsync(FigureForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var exists = form.Kind == SubjectKind.Village
            ? await db.Villages.AnyAsync(v => v.Id == form.SubjectId && v.CommuneId == scope.CommuneId, ct)
            : await db.Units.AnyAsync(u => u.Id == form.SubjectId && u.CommuneId == scope.CommuneId, ct);
        if (!exists || !CanEdit(scope, form.Kind, form.SubjectId, scope.CommuneId))
        {
            throw new ForbiddenException("Bạn không được nhập số liệu của thôn hoặc đơn vị này.");
        }
        var figure = await db.Set<EnteredFigure>().SingleOrDefaultAsync(f => f.CommuneId == scope.CommuneId && f.Year == form.Year
            && f.InputKey == form.InputKey && f.SubjectKind == form.Kind && f.SubjectId == form.SubjectId, ct);
        if (figure is null)
        {
            if (form.Version != 0)
            {
                throw new StaleEditException("Số liệu này vừa bị người khác thay đổi. Hãy tải lại trang để xem bản mới nhất.");
            }
            figure = new EnteredFigure { CommuneId = scope.CommuneId, SubjectKind = form.Kind, SubjectId = form.SubjectId, Year = form.Year, InputKey = form.InputKey };
            db.Add(figure);
        }
        else
        {
            db.Entry(figure).Property(f => f.Version).OriginalValue = form.Version;
        }
        figure.Count = form.Count!.Value;
        figure.OutOf = form.OutOf!.Value;
        figure.Source = form.Source.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new StaleEditException("Số liệu này vừa được người khác lưu. Hãy tải lại trang để xem bản mới nhất.");
        }
        await DependentEvaluations.RecomputeAsync(db, scope.CommuneId, form.Year, [form.Kind],
            $"Số liệu “{ComputedInputKeys.LabelOf(form.InputKey)}” năm {form.Year}: {figure.Count:N0}/{figure.OutOf:N0}", clock.GetUtcNow().UtcDateTime,
            [form.SubjectId], ct);
        await transaction.CommitAsync(ct);
        return figure.Version;
    }
}
