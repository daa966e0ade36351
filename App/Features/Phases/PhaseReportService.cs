using HocTapSuotDoi.Features.Awards;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Initiatives;
using HocTapSuotDoi.Features.PlanTasks;

namespace HocTapSuotDoi.Features.Phases;

public sealed record PhaseRoundLine(string Name, int Year, int CommuneCertificates, int HigherProposals, int Refused, int? DecisionNumber);

public sealed record PhaseTaskLine(string Body, string Title, DateOnly? DueDate, PlanTaskStatus Status, bool Overdue);

public sealed record PhaseReportData(Phase Phase, string Commune, string LevelAbove, DateOnly Date, int FromYear, int ToYear,
    IReadOnlyList<TrendPoint> Figures, IReadOnlyList<PhaseRoundLine> Rounds, IReadOnlyList<(int Year, int Recognised, int Proposed)> InitiativeCounts,
    IReadOnlyList<string> RecognisedInitiatives, PhaseFunding? Funding, IReadOnlyList<PhaseTaskLine> Tasks, string SignerName, string SignerPosition)
{
    public string ReportName => Phase.ReviewName;
    public int TasksDone => Tasks.Count(t => t.Status == PlanTaskStatus.Done);
    public int TasksOverdue => Tasks.Count(t => t.Overdue);
}

// The sơ kết (2025) and tổng kết (2030) report: the phase's figures per year, its award rounds, initiatives, funding and
// the plan's tasks, gathered from the app's own records. Readers of the yearly report may read it.
public sealed class PhaseReportService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock,
    Setup.AppSettings settings, IPhaseFundingSource funding)
{
    public async Task<PhaseReportData> BuildAsync(int number, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(ReportService.Readers);
        var phase = Phase.All.SingleOrDefault(p => p.Number == number) ?? throw new ForbiddenException("Không có giai đoạn này.");
        var (from, to) = (phase.ReviewFrom, phase.To);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (commune, province) = await db.Communes.AsNoTracking().Where(c => c.Id == scope.CommuneId)
            .Select(c => new ValueTuple<string, string>(c.Name, c.Province!.Name)).SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VnTime.Zone).DateTime);
        // Years not yet reached have no results to show; a year before the app shows the figures entered from its
        // report, as the dashboard's trend does.
        var figures = await YearData.PastYearOverlay.TrendAsync(db, scope.CommuneId,
            await DashboardQueries.TrendAsync(db, scope.CommuneId, from, Math.Max(from, Math.Min(to, today.Year)), ct), ct);

        var rounds = await db.Set<AwardRound>().AsNoTracking().Where(r => r.CommuneId == scope.CommuneId && r.Year >= from && r.Year <= to)
            .Select(r => new
            {
                r.Kind, r.Year, r.DecisionNumber,
                Commune = r.Proposals.Count(p => p.Status == AwardProposalStatus.Approved && p.Form == AwardForm.CommuneCertificate),
                Higher = r.Proposals.Count(p => p.Status == AwardProposalStatus.Approved && p.Form != AwardForm.CommuneCertificate),
                Refused = r.Proposals.Count(p => p.Status == AwardProposalStatus.Refused),
            }).ToListAsync(ct);
        var initiatives = await db.Set<Initiative>().AsNoTracking().Where(i => i.CommuneId == scope.CommuneId && i.Year >= from && i.Year <= to)
            .Select(i => new { i.Year, i.Status, i.Content.Title, i.Content.AuthorName }).ToListAsync(ct);
        var tasks = await db.Set<PlanTask>().AsNoTracking().Where(t => t.CommuneId == scope.CommuneId && (t.DueDate == null || t.DueDate <= new DateOnly(to, 12, 31)))
            .OrderBy(t => t.Body).ThenBy(t => t.Id).Select(t => new { t.Body, t.Title, t.DueDate, t.Status }).ToListAsync(ct);
        var signer = await db.Set<YearlyReportText>().AsNoTracking().Where(t => t.CommuneId == scope.CommuneId && t.Content.SignerName != "")
            .OrderByDescending(t => t.Year).Select(t => new { t.Content.SignerName, t.Content.SignerPosition }).FirstOrDefaultAsync(ct);
        var layout = ReportLayout.Load();

        return new PhaseReportData(phase, commune, settings.Reminders.LevelAbove(province), today < new DateOnly(to, 12, 31) ? today : new DateOnly(to, 12, 15), from, to,
            figures,
            rounds.OrderBy(r => r.Year).ThenBy(r => r.Kind).Select(r => new PhaseRoundLine(new AwardRound { Kind = r.Kind, Year = r.Year }.Name, r.Year, r.Commune, r.Higher, r.Refused, r.DecisionNumber)).ToList(),
            Enumerable.Range(from, to - from + 1).Select(y => (y, initiatives.Count(i => i.Year == y && i.Status == InitiativeStatus.Recognised), initiatives.Count(i => i.Year == y))).ToList(),
            initiatives.Where(i => i.Status == InitiativeStatus.Recognised).OrderBy(i => i.Year).Select(i => $"{i.Title} ({i.AuthorName}, {i.Year})").ToList(),
            await funding.ForYearsAsync(scope.CommuneId, from, to, ct),
            tasks.Select(t => new PhaseTaskLine(PlanTaskTexts.Body(t.Body), t.Title, t.DueDate, t.Status, t.Status != PlanTaskStatus.Done && t.DueDate < today)).ToList(),
            signer?.SignerName ?? layout.SignerName, signer is { SignerPosition.Length: > 0 } ? signer.SignerPosition : layout.DefaultSignerPosition);
    }

    public async Task<DownloadFile> DocxAsync(int number)
    {
        var data = await BuildAsync(number);
        var stem = data.Phase.Number == 1 ? "bao-cao-so-ket-2023-2025" : "bao-cao-tong-ket-2023-2030";
        return new DownloadFile($"{stem}.docx", Downloads.DocxType, PhaseReportDocx.Write(data, DocumentLayout.Load().Decision));
    }

    public static Title[] Titles => Figures.Titles.ToArray();
}
