namespace HocTapSuotDoi.Features.Phases;

// One line of the phase report's funding section: a source (state budget, programmes, sponsorship, contributions, the
// khuyến học fund) and what it brought and spent over the phase's years, in đồng.
public sealed record FundingLine(string Source, long Received, long Spent);

public sealed record PhaseFunding(IReadOnlyList<FundingLine> Lines, string Note = "");

// Answered by the funding feature (Funding/PhaseFundingFromRecords); null when no money record covers the years.
public interface IPhaseFundingSource
{
    Task<PhaseFunding?> ForYearsAsync(int communeId, int fromYear, int toYear, CancellationToken ct = default);
}
