using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Deadlines;

// Everything a deadline needs for a day's decision, read once.
public sealed record DeadlineState(PlannerDeadline Deadline, int CommuneId, IReadOnlyList<PlannerSubject> Subjects,
    IReadOnlyDictionary<SubjectRef, List<Recipient>> Reporters, IReadOnlyList<Recipient> Committee, PlannerContext Context);

// Units' and villages' yearly reports to the steering committee, per deadline: how many were expected, submitted,
// submitted on time (the dashboard and the yearly report print it).
public sealed record DeadlineCompliance(string Name, DateOnly DueOn, int Expected, int Submitted, int OnTime)
{
    public int Missing => Expected - Submitted;
}

// Without an active deadline for units or villages there is nothing to count: the text says so plainly, never zeros that
// would read as "nobody reported".
public sealed record ReportCompliance(bool HasData, IReadOnlyList<DeadlineCompliance> Deadlines, string? BoardUrl)
{
    public const string NoDataText = "Năm này chưa có hạn nộp báo cáo năm (30/11) của các đơn vị, thôn, nên chưa có số liệu về tình hình báo cáo.";

    // What stands in place of the table when there is nothing to count.
    public string NoDataNote { get; init; } = NoDataText;

    // A year before the app, entered as commune totals from its report: the villages and units reported on paper then.
    public static string EnteredYearText(int year) =>
        $"Năm {year} được nhập theo tổng số toàn xã từ báo cáo năm của xã (trước khi dùng ứng dụng): ứng dụng không có báo cáo của các thôn, đơn vị năm này, nên không có số liệu về tình hình báo cáo.";
}

// Who must report for a deadline and a year (the units and villages of that year, the committee itself, as its audience
// says) and who reports for whom. The reminders, the compliance board, the reports pages, the dashboard and the yearly report all ask
// here, so they agree on who is expected. Counting is done in SQL, without loading the subjects or their reporters.
public sealed class ReportObligations(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, AppSettings settings)
{
    public static PlannerDeadline Rule(Deadline d, int year) =>
        new(d.Id, d.Name, d.Audience, d.DueDate(year), d.Offsets, d.OverdueEveryDays, d.OverdueMaxCount, d.EscalateToCommittee, d.EscalationEmailList);

    // Every subject a deadline expects a report from, in the order the board shows them.
    public static async Task<List<(SubjectRef Ref, string Name)>> ExpectedSubjectsAsync(AppDbContext db, Deadline deadline, int year, string communeName, CancellationToken ct)
    {
        var result = new List<(SubjectRef, string)>();
        if (deadline.Audience.HasFlag(DeadlineAudience.Units))
        {
            var units = await ExpectedUnits(db, deadline.CommuneId, year)
                .OrderBy(u => u.Kind).ThenBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
            result.AddRange(units.Select(u => (new SubjectRef(ReportSubjectKind.Unit, u.Id), u.Name)));
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Villages))
        {
            var villages = await ExpectedVillages(db, deadline, year)
                .OrderBy(v => v.SortOrder).ThenBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
            result.AddRange(villages.Select(v => (new SubjectRef(ReportSubjectKind.Village, v.Id), v.Name)));
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Committee))
        {
            result.Add((new SubjectRef(ReportSubjectKind.Commune, deadline.CommuneId), $"Ban chỉ đạo xã {communeName}"));
        }
        return result;
    }

    // How many subjects a deadline expects, the same rule as ExpectedSubjectsAsync, counted by the database.
    public static async Task<int> CountExpectedAsync(AppDbContext db, Deadline deadline, int year, CancellationToken ct)
    {
        var count = 0;
        if (deadline.Audience.HasFlag(DeadlineAudience.Units))
        {
            count += await ExpectedUnits(db, deadline.CommuneId, year).CountAsync(ct);
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Villages))
        {
            count += await ExpectedVillages(db, deadline, year).CountAsync(ct);
        }
        if (deadline.Audience.HasFlag(DeadlineAudience.Committee))
        {
            count++;
        }
        return count;
    }

    // The reports of a year from subjects the deadline expects (a unit closed since it reported is no longer counted).
    public static IQueryable<UnitReport> ExpectedReports(AppDbContext db, Deadline deadline, int year)
    {
        var (deadlineId, communeId) = (deadline.Id, deadline.CommuneId);
        var units = deadline.Audience.HasFlag(DeadlineAudience.Units);
        var villages = deadline.Audience.HasFlag(DeadlineAudience.Villages);
        var committee = deadline.Audience.HasFlag(DeadlineAudience.Committee);
        var expectedUnits = ExpectedUnits(db, communeId, year);
        var expectedVillages = ExpectedVillages(db, deadline, year);
        return db.Set<UnitReport>().AsNoTracking().Where(r => r.DeadlineId == deadlineId && r.Year == year
            && ((units && r.SubjectKind == ReportSubjectKind.Unit && expectedUnits.Any(u => u.Id == r.SubjectId))
                || (villages && r.SubjectKind == ReportSubjectKind.Village && expectedVillages.Any(v => v.Id == r.SubjectId))
                || (committee && r.SubjectKind == ReportSubjectKind.Commune && r.SubjectId == communeId)));
    }

    // The units of the year (YearRule): a unit closed since still owed, and may have sent, that year's report. A unit's
    // empty ActiveFrom says it was there before the app, so its entry date plays no part here.
    private static IQueryable<Unit> ExpectedUnits(AppDbContext db, int communeId, int year) =>
        db.Units.AsNoTracking().Where(u => u.CommuneId == communeId).ExistingIn(year);

    // The villages of the year (YearRule): one merged into another reports with the receiving village from the merge
    // year on, and keeps its reports of the years before; one founded or split off later (Village.ActiveFrom) is not
    // asked for the years before it existed.
    private static IQueryable<Village> ExpectedVillages(AppDbContext db, Deadline deadline, int year) =>
        db.Villages.AsNoTracking().Where(v => v.CommuneId == deadline.CommuneId).ExistingIn(year);

    // The dashboard's and the yearly report's "units' report compliance": per deadline of units or villages in force that
    // year, how many places are expected, how many submitted and how many on time. The callers have already checked the
    // role. A deadline keeps no dates of being switched on or off, so "in force that year" reads as: active now, or
    // with reports for that year (one switched off since keeps the years it was used; a year it has no report for is
    // then left out).
    public async Task<ReportCompliance> ComplianceAsync(int communeId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A year entered from its report (no registration in the app, no report sent through it): nobody was asked here.
        if (await YearData.PastYearOverlay.IsEnteredAsync(db, communeId, year, ct)
            && !await db.Set<UnitReport>().AnyAsync(r => r.CommuneId == communeId && r.Year == year, ct))
        {
            return new ReportCompliance(false, [], null) { NoDataNote = ReportCompliance.EnteredYearText(year) };
        }
        var deadlines = await db.Set<Deadline>().AsNoTracking()
            .Where(d => d.CommuneId == communeId && d.Audience != DeadlineAudience.Committee && d.DefaultKey != DeadlineService.RegistrationKey
                && (d.Active || db.Set<UnitReport>().Any(r => r.DeadlineId == d.Id && r.Year == year)))
            .OrderBy(d => d.DueMonth).ThenBy(d => d.DueDay).ToListAsync(ct);
        var result = new List<DeadlineCompliance>();
        foreach (var deadline in deadlines)
        {
            var submitted = ExpectedReports(db, deadline, year).Where(r => r.Status == ReportStatus.Submitted);
            result.Add(new DeadlineCompliance(deadline.Name, deadline.DueDate(year), await CountExpectedAsync(db, deadline, year, ct),
                await submitted.CountAsync(ct), await submitted.CountAsync(r => r.OnTime, ct)));
        }
        return new ReportCompliance(result.Count > 0, result, "/tien-do-bao-cao");
    }

    // A deadline's year in full: each expected subject with whether it submitted and any exception, who reports for it,
    // and the committee.
    public async Task<DeadlineState> LoadAsync(AppDbContext db, Deadline deadline, int year, CancellationToken ct)
    {
        var communeId = deadline.CommuneId;
        var (communeName, province) = await db.Communes.Where(c => c.Id == communeId).Select(c => new ValueTuple<string, string>(c.Name, c.Province!.Name)).SingleAsync(ct);
        var subjects = await ExpectedSubjectsAsync(db, deadline, year, communeName, ct);
        var reports = await db.Set<UnitReport>().AsNoTracking()
            .Where(r => r.DeadlineId == deadline.Id && r.Year == year && r.Status == ReportStatus.Submitted)
            .Select(r => new { r.SubjectKind, r.SubjectId }).ToListAsync(ct);
        var submitted = reports.Select(r => new SubjectRef(r.SubjectKind, r.SubjectId)).ToHashSet();
        var exceptions = (await db.Set<SubmissionException>().AsNoTracking()
            .Where(x => x.DeadlineId == deadline.Id && x.Year == year)
            .Select(x => new { x.SubjectKind, x.SubjectId, x.AllowedUntil }).ToListAsync(ct))
            .ToDictionary(x => new SubjectRef(x.SubjectKind, x.SubjectId), x => x.AllowedUntil);
        var planned = subjects.Select(s => new PlannerSubject(s.Ref, s.Name, submitted.Contains(s.Ref),
            exceptions.TryGetValue(s.Ref, out var until) ? until : null)).ToList();
        var (reporters, committee) = await RecipientsAsync(db, communeId, ct);
        return new DeadlineState(Rule(deadline, year), communeId, planned, reporters, committee,
            new PlannerContext(communeName, settings.Reminders.LevelAbove(province)));
    }

    // Who reports for what: a unit's Đơn vị accounts, a village's Cán bộ khuyến học accounts, the committee's own
    // report by the Ban chỉ đạo accounts. Locked accounts get nothing.
    public async Task<(Dictionary<SubjectRef, List<Recipient>> Reporters, List<Recipient> Committee)> RecipientsAsync(AppDbContext db, int communeId, CancellationToken ct)
    {
        string[] roles = [Roles.UnitReporter, Roles.Scorer, Roles.Committee];
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.CommuneId == communeId && roles.Contains(r.Name)
                          select new { u.Id, u.FullName, u.Email, u.LockoutEnd, u.ScopeKind, u.UnitId, Role = r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        rows = rows.Where(r => r.LockoutEnd is null || r.LockoutEnd <= now).ToList();
        var scorerIds = rows.Where(r => r.Role == Roles.Scorer).Select(r => r.Id).ToList();
        var villages = (await db.UserVillages.AsNoTracking().Select(v => new { v.UserId, v.VillageId }).ToListAsync(ct))
            .Where(v => scorerIds.Contains(v.UserId)).ToLookup(v => v.UserId, v => v.VillageId);
        var reporters = new Dictionary<SubjectRef, List<Recipient>>();
        var committee = new List<Recipient>();
        void Add(SubjectRef subject, Recipient recipient)
        {
            if (!reporters.TryGetValue(subject, out var list))
            {
                reporters[subject] = list = [];
            }
            list.Add(recipient);
        }
        foreach (var row in rows.OrderBy(r => r.FullName))
        {
            var recipient = Recipient.ForUser(row.Id, row.FullName, row.Email);
            switch (row.Role)
            {
                case Roles.UnitReporter when row is { ScopeKind: ScopeKind.Unit, UnitId: { } unitId }:
                    Add(new SubjectRef(ReportSubjectKind.Unit, unitId), recipient);
                    break;
                case Roles.Scorer when row.ScopeKind == ScopeKind.Villages:
                    foreach (var villageId in villages[row.Id])
                    {
                        Add(new SubjectRef(ReportSubjectKind.Village, villageId), recipient);
                    }
                    break;
                case Roles.Committee:
                    committee.Add(recipient);
                    Add(new SubjectRef(ReportSubjectKind.Commune, communeId), recipient);
                    break;
            }
        }
        return (reporters, committee);
    }
}
