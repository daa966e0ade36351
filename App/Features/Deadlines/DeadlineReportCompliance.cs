using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Deadlines;

// The dashboard's and the yearly report's "units' report compliance": per active deadline of the commune, the places
// expected to report, how many submitted and how many on time. The callers have already checked the user's role.
public sealed class DeadlineReportCompliance(IDbContextFactory<AppDbContext> dbFactory, ReminderDispatcher dispatcher) : IReportComplianceSource
{
    public async Task<ReportCompliance> GetAsync(int communeId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deadlines = await db.Set<Deadline>().AsNoTracking()
            .Where(d => d.CommuneId == communeId && d.Active && d.Audience != DeadlineAudience.Committee && d.DefaultKey != DeadlineService.RegistrationKey)
            .OrderBy(d => d.DueMonth).ThenBy(d => d.DueDay).ToListAsync(ct);
        var result = new List<DeadlineCompliance>();
        foreach (var deadline in deadlines)
        {
            var state = await dispatcher.LoadStateAsync(db, deadline, year, ct);
            var reports = await db.Set<UnitReport>().AsNoTracking().Where(r => r.DeadlineId == deadline.Id && r.Year == year)
                .Select(r => new { r.Status, r.OnTime }).ToListAsync(ct);
            var submitted = reports.Count(r => ReportTexts.Of(r.Status, r.OnTime) is BoardStatus.OnTime or BoardStatus.Late);
            var onTime = reports.Count(r => ReportTexts.Of(r.Status, r.OnTime) == BoardStatus.OnTime);
            result.Add(new DeadlineCompliance(deadline.Name, deadline.DueDate(year), state.Subjects.Count, submitted, onTime));
        }
        return new ReportCompliance(result.Count > 0, result, "/tien-do-bao-cao");
    }
}
