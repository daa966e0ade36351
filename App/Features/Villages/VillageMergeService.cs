using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Villages;

public sealed class VillageMergeForm
{
    public int? MergedVillageId { get; set; }
    public int? IntoVillageId { get; set; }
    public DateTime? On { get; set; }
}

public sealed class VillageMergeFormValidator : AbstractValidator<VillageMergeForm>
{
    public VillageMergeFormValidator()
    {
        RuleFor(x => x.MergedVillageId).NotNull().WithMessage("Hãy chọn thôn được sáp nhập.");
        RuleFor(x => x.IntoVillageId).NotNull().WithMessage("Hãy chọn thôn nhận sáp nhập.")
            .NotEqual(x => x.MergedVillageId).When(x => x.MergedVillageId is not null).WithMessage("Không thể sáp nhập một thôn vào chính nó.");
        RuleFor(x => x.On).NotNull().WithMessage("Hãy nhập ngày sáp nhập có hiệu lực.");
    }
}

// What a merge moves, shown in the confirmation before anything is written.
public sealed record VillageMergePreview(string MergedName, string IntoName, DateOnly On, int Households, int People, int Clans, int Units,
    int Registrations, int Users)
{
    public string Summary => string.Create(VnTime.Culture,
        $"Sáp nhập {MergedName} vào {IntoName} từ ngày {VnTime.FormatDate(On)}: {Households:N0} hộ, {People:N0} nhân khẩu, " +
        $"{Clans:N0} dòng họ có hộ thành viên, {Units:N0} đơn vị và {Registrations:N0} hồ sơ đăng ký từ năm {On.Year} chuyển sang {IntoName}.");
}

// Sáp nhập thôn: the households of one village (with their people, so their clans' members) move to another village on
// a date, with a dated line per household (HouseholdVillageChange); the village becomes inactive from that date. Years
// before the merge keep the merged village with its own figures (YearRule), and the receiving village's earlier years
// do not grow. Only in the year in progress: a closed year's figures never change.
public sealed class VillageMergeService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<VillageMergeForm> validator,
    TimeProvider clock)
{
    public async Task<VillageMergePreview> PreviewAsync(VillageMergeForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (merged, into, on) = await CheckAsync(db, scope, form, ct);
        return await PreviewAsync(db, merged, into, on, ct);
    }

    public async Task<VillageMergePreview> MergeAsync(VillageMergeForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (merged, into, on) = await CheckAsync(db, scope, form, ct);
        var preview = await PreviewAsync(db, merged, into, on, ct);
        var reason = $"Sáp nhập {merged.Name} vào {into.Name} từ ngày {VnTime.FormatDate(on)}";

        var households = await Moving(db, merged.Id, on).ToListAsync(ct);
        foreach (var household in households)
        {
            household.VillageId = into.Id;
            db.Add(new HouseholdVillageChange { HouseholdId = household.Id, FromVillageId = merged.Id, ToVillageId = into.Id, On = on, Reason = reason });
        }
        // Registrations of the merge year and later follow their households; earlier years stay with the merged village.
        var registrations = await Registrations(db, merged.Id, on).ToListAsync(ct);
        registrations.ForEach(r => r.VillageId = into.Id);
        var units = await db.Units.Where(u => u.VillageId == merged.Id && u.Active).ToListAsync(ct);
        units.ForEach(u => u.VillageId = into.Id);
        merged.Active = false;
        merged.ActiveTo = on;
        merged.MergedIntoId = into.Id;
        await db.SaveChangesAsync(ct);

        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Village), EntityId = merged.Id.ToString(CultureInfo.InvariantCulture), Action = "Sáp nhập",
            Changes = preview.Summary, By = scope.Name, AtUtc = db.Clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        // The receiving village's (and the commune's, the clans') open sheets of this year count these households now.
        await RegisterDependents.RecomputeAsync(db, scope.CommuneId, clock, households.Select(h => h.Id).ToList(), [into.Id, merged.Id], fromYear: on.Year, ct: ct);
        await transaction.CommitAsync(ct);
        return preview;
    }

    private async Task<(Village Merged, Village Into, DateOnly On)> CheckAsync(AppDbContext db, UserScope scope, VillageMergeForm form, CancellationToken ct)
    {
        await validator.ValidateAndThrowAsync(form, ct);
        var merged = await db.Villages.SingleOrDefaultAsync(v => v.Id == form.MergedVillageId && v.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException("Thôn được sáp nhập không thuộc xã của bạn.");
        var into = await db.Villages.SingleOrDefaultAsync(v => v.Id == form.IntoVillageId && v.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException("Thôn nhận sáp nhập không thuộc xã của bạn.");
        if (!merged.Active)
        {
            throw new ValidationException($"{merged.Name} đã được sáp nhập trước đó.");
        }
        if (!into.Active)
        {
            throw new ValidationException($"{into.Name} đã sáp nhập vào thôn khác: không thể nhận sáp nhập.");
        }
        var on = DateOnly.FromDateTime(form.On!.Value);
        var today = new VnClock(clock).Today;
        if (on.Year != today.Year)
        {
            throw new ValidationException(on.Year < today.Year
                ? $"Năm {on.Year} đã kết thúc, số liệu của năm đó không được thay đổi: ngày sáp nhập phải trong năm {today.Year}."
                : $"Ngày sáp nhập phải trong năm đang thực hiện ({today.Year}).");
        }
        foreach (var village in new[] { merged, into })
        {
            if (village.ActiveFrom is { } founded && founded > on)
            {
                throw new ValidationException($"{village.Name} thành lập từ ngày {VnTime.FormatDate(founded)}: ngày sáp nhập không được trước ngày đó.");
            }
        }
        if (await db.Set<HouseholdVillageChange>().AnyAsync(c => (c.FromVillageId == merged.Id || c.ToVillageId == merged.Id) && c.On > on, ct))
        {
            throw new ValidationException($"{merged.Name} có thay đổi sau ngày {VnTime.FormatDate(on)}: hãy chọn ngày sáp nhập muộn hơn.");
        }
        var ownOpen = await db.Set<Registration>().AnyAsync(r => r.SubjectKind == SubjectKind.Village && r.SubjectId == merged.Id && r.Year >= on.Year
            && (r.Evaluation == null || r.Evaluation.Status == EvaluationStatus.Draft || r.Evaluation.Status == EvaluationStatus.Submitted
                || r.Evaluation.Status == EvaluationStatus.Reviewed), ct);
        if (ownOpen)
        {
            throw new ValidationException($"{merged.Name} đang có hồ sơ đăng ký Cộng đồng học tập cấp thôn năm {on.Year} chưa có quyết định: " +
                "hãy xóa hồ sơ này trước khi sáp nhập.");
        }
        return (merged, into, on);
    }

    private static async Task<VillageMergePreview> PreviewAsync(AppDbContext db, Village merged, Village into, DateOnly on, CancellationToken ct)
    {
        var moving = Moving(db, merged.Id, on);
        var households = await moving.CountAsync(ct);
        var people = await db.People.CountAsync(p => moving.Any(h => h.Id == p.HouseholdId) && p.Status == PersonStatus.Living, ct);
        var clans = await db.Clans.CountAsync(c => c.Members.Any(m => moving.Any(h => h.Id == m.HouseholdId)), ct);
        var units = await db.Units.CountAsync(u => u.VillageId == merged.Id && u.Active, ct);
        var registrations = await Registrations(db, merged.Id, on).CountAsync(ct);
        var users = await db.UserVillages.CountAsync(u => u.VillageId == merged.Id, ct);
        return new VillageMergePreview(merged.Name, into.Name, on, households, people, clans, units, registrations, users);
    }

    // The households in the village on the merge date: resident ones, and those that left it later than that day.
    private static IQueryable<Household> Moving(AppDbContext db, int villageId, DateOnly on) =>
        db.Households.Where(h => h.VillageId == villageId && (h.Status == HouseholdStatus.Resident || (h.StatusDate != null && h.StatusDate >= on)));

    private static IQueryable<Registration> Registrations(AppDbContext db, int villageId, DateOnly on) =>
        db.Set<Registration>().Where(r => r.VillageId == villageId && r.Year >= on.Year && r.SubjectKind != SubjectKind.Village);
}
