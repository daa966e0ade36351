using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Villages;

public sealed record VillageRow(int Id, string Code, string Name, int SortOrder, int Households, int People, int Clans, int Units, int Version)
{
    // A village merged into another: inactive from ActiveTo, kept for the years before.
    public bool Active { get; init; } = true;
    public DateOnly? ActiveTo { get; init; }
    public string? MergedInto { get; init; }
    // Founded or split off on this date; empty: there before the app's register.
    public DateOnly? ActiveFrom { get; init; }

    public string? MergedText => Active ? null
        : $"Đã sáp nhập vào {MergedInto} từ ngày {(ActiveTo is { } d ? VnTime.FormatDate(d) : "")}";
}

public sealed class VillageForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    // Since when the village exists (founded, split off another): a year's figures count it from then. Before: it was
    // there before the app's register began (the usual case when a commune types in its villages).
    public bool Before { get; set; }
    public DateTime? Since { get; set; }

    public static VillageForm Of(VillageRow row) => new()
    {
        Id = row.Id, Version = row.Version, Code = row.Code, Name = row.Name, SortOrder = row.SortOrder,
        Before = row.ActiveFrom is null, Since = row.ActiveFrom?.ToDateTime(TimeOnly.MinValue),
    };
}

public sealed class VillageFormValidator : AbstractValidator<VillageForm>
{
    public VillageFormValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var vn = new VnClock(clock);
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên thôn.").MaximumLength(200).WithMessage("Tên thôn dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Tên thôn");
        RuleFor(x => x.Code).NotEmpty().WithMessage("Hãy nhập mã thôn.")
            .Matches("^[A-Za-z0-9]{1,10}$").WithMessage("Mã thôn gồm 1–10 chữ không dấu hoặc chữ số (ví dụ T01).");
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 999).WithMessage("Thứ tự phải từ 0 đến 999.");
        RuleFor(x => x.Since).Must(d => d is null || DateOnly.FromDateTime(d.Value) <= vn.Today)
            .WithMessage(_ => $"Ngày thành lập thôn không được sau hôm nay ({VnTime.FormatDate(vn.Today)}).")
            .Must(d => d is null || d.Value.Year >= 1945).WithMessage("Ngày thành lập thôn không hợp lệ.")
            .When(x => !x.Before);
    }
}

public sealed class VillageService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<VillageForm> validator,
    TimeProvider clock)
{
    // Live counts: resident households, living people, clans with a member household there, units attached to it.
    public async Task<IReadOnlyList<VillageRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new VillageRow(v.Id, v.Code, v.Name, v.SortOrder,
                db.Households.Count(h => h.VillageId == v.Id && h.Status == HouseholdStatus.Resident),
                db.People.Count(p => p.Household!.VillageId == v.Id && p.Status == PersonStatus.Living && p.Household.Status == HouseholdStatus.Resident),
                db.Clans.Count(c => c.Members.Any(m => db.Households.Any(h => h.Id == m.HouseholdId && h.VillageId == v.Id))),
                db.Units.Count(u => u.VillageId == v.Id),
                v.Version)
            {
                Active = v.Active, ActiveTo = v.ActiveTo, ActiveFrom = v.ActiveFrom, MergedInto = db.Villages.Where(m => m.Id == v.MergedIntoId).Select(m => m.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> ChoicesAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).ThenBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, v.Active }).ToListAsync(ct);
        return list.Select(v => (v.Id, v.Active ? v.Name : $"{v.Name} (đã sáp nhập)")).ToList();
    }

    public async Task SaveAsync(VillageForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var code = form.Code.Trim().ToUpperInvariant();
        if (await db.Villages.AnyAsync(v => v.CommuneId == scope.CommuneId && v.Code == code && v.Id != form.Id, ct))
        {
            throw new ValidationException($"Mã thôn {code} đã có.");
        }
        Village village;
        if (form.Id is { } id)
        {
            village = await db.EditedRowAsync(db.Villages.Where(v => v.Id == id && v.CommuneId == scope.CommuneId), form.Version, ct);
            village.Code = code;
            village.Name = form.Name.Trim();
        }
        else
        {
            village = new Village { CommuneId = scope.CommuneId, Code = code, Name = form.Name.Trim() };
            db.Villages.Add(village);
        }
        village.SortOrder = form.SortOrder;
        DateOnly? since = form.Before ? null : form.Since is { } date ? DateOnly.FromDateTime(date) : new VnClock(clock).Today;
        if (since is { } from && village.ActiveTo is { } merged && from > merged)
        {
            throw new ValidationException($"Ngày thành lập thôn không được sau ngày thôn sáp nhập vào thôn khác ({VnTime.FormatDate(merged)}).");
        }
        var fromYear = SetSince(village, since);
        if (fromYear is not null && village.Id > 0 && village.ActiveFrom is { } founded)
        {
            var before = VillageFounding.HouseholdsBefore(db, village.Id, founded);
            if (await before.CountAsync(ct) is > 0 and var count)
            {
                var example = await before.OrderBy(h => h.Code).Select(h => "hộ " + h.HeadName + " (" + h.Code + ")").FirstAsync(ct);
                throw new ValidationException(VillageFounding.VillageText(village.Name, founded, count, example));
            }
        }
        // A village's date changes the commune's "tỷ lệ thôn đạt CĐHT" (and the village's own sheets) of every year it
        // touches: those open sheets are scored again with the save, as for a household's date.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveOrConflictAsync("Thôn này", ct);
        if (fromYear is { } year)
        {
            await RegisterDependents.RecomputeAsync(db, village.CommuneId, clock, [], [village.Id], fromYear: year, ct: ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <returns>The first year whose figures the date changes (an empty date: every year), or null when it stays.</returns>
    private static int? SetSince(Village village, DateOnly? since)
    {
        var old = village.ActiveFrom;
        if (village.Id > 0 && old == since)
        {
            return null;
        }
        village.ActiveFrom = since;
        return village.Id > 0 ? Math.Min(old?.Year ?? 0, since?.Year ?? 0) : since?.Year ?? 0;
    }
}
