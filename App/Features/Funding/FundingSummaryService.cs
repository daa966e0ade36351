namespace HocTapSuotDoi.Features.Funding;

public sealed record SourceTotal(FundingSource Source, string SourceName, long Estimate, long Spent, long FundReceipts, long FundPayments);

public sealed record PurposeTotal(FundPurpose Purpose, string PurposeName, int Count, long Amount);

// Money over a range of years (e.g. 2023–2025 for the sơ kết): budget and fund totals per source, fund payments per
// purpose, and the fund's balance at the end of the range.
public sealed record FundingSummary(int FromYear, int ToYear, IReadOnlyList<SourceTotal> Sources, IReadOnlyList<PurposeTotal> Payments, long FundBalanceAtEnd)
{
    public long Estimate => Sources.Sum(s => s.Estimate);
    public long Spent => Sources.Sum(s => s.Spent);
    public long FundReceipts => Sources.Sum(s => s.FundReceipts);
    public long FundPayments => Sources.Sum(s => s.FundPayments);
}

// A read-only query for other features (the phase reports): the caller's own service has checked who may read it.
public sealed class FundingSummaryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<FundingSummary> SummaryAsync(int communeId, int fromYear, int toYear, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var budget = await db.Set<BudgetLine>().AsNoTracking()
            .Where(b => b.CommuneId == communeId && b.Year >= fromYear && b.Year <= toYear)
            .GroupBy(b => b.Source).Select(g => new { g.Key, Estimate = g.Sum(b => b.Estimate), Spent = g.Sum(b => b.Spent) }).ToListAsync(ct);
        var fund = await db.Set<FundEntry>().AsNoTracking()
            .Where(e => e.CommuneId == communeId && e.Year >= fromYear && e.Year <= toYear)
            .GroupBy(e => new { e.Details.Source, e.Kind, e.Details.Purpose })
            .Select(g => new { g.Key.Source, g.Key.Kind, g.Key.Purpose, Count = g.Count(), Amount = g.Sum(e => e.Details.Amount) }).ToListAsync(ct);
        var balance = await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == communeId && e.Year <= toYear)
            .SumAsync(e => e.Kind == FundEntryKind.Receipt ? e.Details.Amount : -e.Details.Amount, ct);
        var sources = Enum.GetValues<FundingSource>().Select(s => new SourceTotal(s, FundingTexts.Source(s),
            budget.Where(b => b.Key == s).Sum(b => b.Estimate), budget.Where(b => b.Key == s).Sum(b => b.Spent),
            fund.Where(f => f.Source == s && f.Kind == FundEntryKind.Receipt).Sum(f => f.Amount),
            fund.Where(f => f.Source == s && f.Kind == FundEntryKind.Payment).Sum(f => f.Amount))).ToList();
        var payments = fund.Where(f => f.Kind == FundEntryKind.Payment).GroupBy(f => f.Purpose).OrderBy(g => g.Key)
            .Select(g => new PurposeTotal(g.Key, FundingTexts.Purpose(g.Key), g.Sum(f => f.Count), g.Sum(f => f.Amount))).ToList();
        return new FundingSummary(fromYear, toYear, sources, payments, balance);
    }
}
