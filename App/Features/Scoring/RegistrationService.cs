using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Setup;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Scoring;

public sealed record RegistrationQuery(Title Title, int Year, int? VillageId = null, EvaluationStatus? Status = null, string? Search = null, bool NotStarted = false);

public sealed record RegistrationRow(int Id, string SubjectName, string Village, EvaluationStatus? Status, int? TotalTenths, string Rating, bool EditedAfterReview);

public sealed record Candidate(int SubjectId, string Name, string Village);

// Registration (đăng ký) of subjects for a title and year. Closes on a day of the year (setting Scoring:RegistrationCloses,
// default 31/03); after it only an administrator can still register a subject.
public sealed class RegistrationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AppSettings settings, TimeProvider clock)
{
    public async Task<PageResult<RegistrationRow>> ListAsync(RegistrationQuery query, PageRequest page, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, scope, query);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.VillageId).ThenBy(r => r.SubjectName).ThenBy(r => r.Id)
            .Skip(page.Page * page.PageSize).Take(page.PageSize)
            .Select(r => new RegistrationRow(r.Id, r.SubjectName, db.Villages.Where(v => v.Id == r.VillageId).Select(v => v.Name).FirstOrDefault() ?? "",
                r.Evaluation == null ? null : r.Evaluation.Status, r.Evaluation == null ? null : r.Evaluation.TotalTenths,
                r.Evaluation == null ? "" : r.Evaluation.Rating, r.Evaluation != null && r.Evaluation.EditedAfterReview))
            .ToListAsync(ct);
        return new PageResult<RegistrationRow>(items, total);
    }

    public static IQueryable<Registration> Filter(AppDbContext db, UserScope scope, RegistrationQuery query)
    {
        var rows = db.Set<Registration>().AsNoTracking().Visible(scope).Where(r => r.Title == query.Title && r.Year == query.Year);
        if (query.VillageId is { } village)
        {
            rows = rows.Where(r => r.VillageId == village);
        }
        if (query.NotStarted)
        {
            rows = rows.Where(r => r.Evaluation == null || r.Evaluation.Status == EvaluationStatus.Draft);
        }
        else if (query.Status is { } status)
        {
            rows = status == EvaluationStatus.Draft
                ? rows.Where(r => r.Evaluation == null || r.Evaluation.Status == status)
                : rows.Where(r => r.Evaluation != null && r.Evaluation.Status == status);
        }
        var key = VietnameseText.SearchKey(query.Search);
        if (key.Length > 0)
        {
            rows = rows.Where(r => r.SubjectSearch.Contains(key));
        }
        return rows;
    }

    // The next registration of the same title, year and village list, in the order of the list, for keyboard scoring.
    public async Task<int?> NextAsync(int registrationId)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync();
        var current = await db.Set<Registration>().AsNoTracking().Visible(scope).SingleOrDefaultAsync(r => r.Id == registrationId);
        if (current is null)
        {
            return null;
        }
        return await db.Set<Registration>().AsNoTracking().Visible(scope)
            .Where(r => r.Title == current.Title && r.Year == current.Year && r.VillageId == current.VillageId
                && (string.Compare(r.SubjectName, current.SubjectName) > 0 || (r.SubjectName == current.SubjectName && r.Id > current.Id)))
            .OrderBy(r => r.SubjectName).ThenBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
    }

    // Subjects of the title in the user's scope that are not yet registered this year.
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Title title, int year, int? villageId)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        await using var db = await dbFactory.CreateDbContextAsync();
        var kind = ScoringTexts.SubjectOf(title);
        var registered = db.Set<Registration>().Where(r => r.Title == title && r.Year == year && r.CommuneId == scope.CommuneId).Select(r => r.SubjectId);
        var villages = db.Villages.AsNoTracking();
        var bornBy = CitizenAge.LatestBirthYear(year);
        IQueryable<Candidate> candidates = kind switch
        {
            SubjectKind.Household => db.Households.AsNoTracking().InScope(scope).Where(h => h.Status == HouseholdStatus.Resident && (villageId == null || h.VillageId == villageId) && !registered.Contains(h.Id))
                .OrderBy(h => h.Code).Select(h => new Candidate(h.Id, "Hộ " + h.HeadName + " (" + h.Code + ")", h.Village!.Name)),
            SubjectKind.Person => db.People.AsNoTracking().InScope(scope, db.Households).Where(p => p.Status == PersonStatus.Living && p.BirthYear <= bornBy && (villageId == null || p.Household!.VillageId == villageId) && !registered.Contains(p.Id))
                .OrderBy(p => p.GivenNameSort).Select(p => new Candidate(p.Id, p.FullName, p.Household!.Village!.Name)),
            SubjectKind.Village => villages.InScope(scope).Where(v => !registered.Contains(v.Id)).OrderBy(v => v.SortOrder).Select(v => new Candidate(v.Id, v.Name, v.Name)),
            SubjectKind.Clan => db.Clans.AsNoTracking().Where(c => c.CommuneId == scope.CommuneId && scope.Kind == ScopeKind.Commune && !registered.Contains(c.Id)).OrderBy(c => c.Name).Select(c => new Candidate(c.Id, c.Name, "")),
            SubjectKind.Unit => db.Units.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId && u.Active && scope.Kind == ScopeKind.Commune && !registered.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new Candidate(u.Id, u.Name, "")),
            _ => db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId && scope.Kind == ScopeKind.Commune && !registered.Contains(c.Id)).Select(c => new Candidate(c.Id, "Xã " + c.Name, "")),
        };
        return await candidates.Take(5000).ToListAsync();
    }

    /// <returns>How many subjects were registered.</returns>
    public async Task<int> RegisterAsync(Title title, int year, IReadOnlyCollection<int> subjectIds)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        if (subjectIds.Count == 0)
        {
            throw new ValidationException("Hãy chọn ít nhất một đối tượng để đăng ký.");
        }
        var closes = RegistrationClosesOn(year);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.TimeZone).DateTime);
        if (today > closes && !scope.IsAdministrator)
        {
            throw new ValidationException($"Đã hết hạn đăng ký danh hiệu năm {year} (hạn {VnTime.FormatDate(closes)}). Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.");
        }
        var candidates = (await CandidatesAsync(title, year, null)).ToDictionary(c => c.SubjectId);
        var outside = subjectIds.Where(id => !candidates.ContainsKey(id)).ToList();
        if (outside.Count > 0)
        {
            throw new ValidationException($"Có {outside.Count} đối tượng đã đăng ký rồi hoặc không thuộc phạm vi của bạn.");
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Actor = scope.Name;
        var kind = ScoringTexts.SubjectOf(title);
        var villageOf = await VillageOfAsync(db, kind, subjectIds);
        foreach (var id in subjectIds)
        {
            db.Add(new Registration
            {
                CommuneId = scope.CommuneId, Year = year, Title = title, SubjectKind = kind, SubjectId = id,
                VillageId = villageOf.GetValueOrDefault(id), SubjectName = candidates[id].Name,
                SubjectSearch = VietnameseText.SearchKey(candidates[id].Name), RegisteredOn = today,
            });
        }
        await db.SaveChangesAsync();
        return subjectIds.Count;
    }

    public DateOnly RegistrationClosesOn(int year)
    {
        var (day, month) = settings.Scoring.RegistrationClosesDayMonth;
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    private static async Task<Dictionary<int, int?>> VillageOfAsync(AppDbContext db, SubjectKind kind, IReadOnlyCollection<int> ids) => kind switch
    {
        SubjectKind.Household => await db.Households.Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => (int?)h.VillageId),
        SubjectKind.Person => await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (int?)p.Household!.VillageId),
        SubjectKind.Village => ids.ToDictionary(id => id, id => (int?)id),
        SubjectKind.Unit => await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.VillageId),
        _ => ids.ToDictionary(id => id, _ => (int?)null),
    };
}
