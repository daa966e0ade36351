using HocTapSuotDoi.Features.Phases;

namespace HocTapSuotDoi.Features.Funding;

// The phase report's funding section from the money records: per source, what the budget lines allotted (dự toán) and
// spent, and what the khuyến học fund received and paid. The phase report's own service has checked who may read it.
public sealed class PhaseFundingFromRecords(FundingSummaryService summaries) : IPhaseFundingSource
{
    public async Task<PhaseFunding?> ForYearsAsync(int communeId, int fromYear, int toYear, CancellationToken ct = default)
    {
        var summary = await summaries.SummaryAsync(communeId, fromYear, toYear, ct);
        var lines = new List<FundingLine>();
        foreach (var source in summary.Sources)
        {
            if (source.Estimate != 0 || source.Spent != 0)
            {
                lines.Add(new FundingLine($"{source.SourceName} (dự toán)", source.Estimate, source.Spent));
            }
            if (source.FundReceipts != 0 || source.FundPayments != 0)
            {
                lines.Add(new FundingLine($"Quỹ khuyến học – {source.SourceName}", source.FundReceipts, source.FundPayments));
            }
        }
        if (lines.Count == 0)
        {
            return null;
        }
        var payments = string.Join("; ", summary.Payments.Select(p => $"{p.PurposeName}: {p.Count.ToString("N0", Setup.AppServices.Vietnamese)} lượt, {Money.Format(p.Amount)}"));
        var note = $"Số dư Quỹ khuyến học cuối năm {toYear}: {Money.Format(summary.FundBalanceAtEnd)}."
            + (payments.Length > 0 ? $" Quỹ đã chi theo mục đích — {payments}." : "");
        return new PhaseFunding(lines, note);
    }
}
