namespace HocTapSuotDoi.Features.Phases;

// One line of the phase report's funding section: a source (state budget, programmes, sponsorship, contributions, the
// khuyến học fund) and what it brought and spent over the phase's years, in đồng.
public sealed record FundingLine(string Source, long Received, long Spent);

public sealed record PhaseFunding(IReadOnlyList<FundingLine> Lines, string Note = "");

// The funding feature (issue #13, VI) answers this; until it is registered the report says no figures were recorded.
public interface IPhaseFundingSource
{
    Task<PhaseFunding?> ForYearsAsync(int communeId, int fromYear, int toYear, CancellationToken ct = default);
}

public sealed class NoPhaseFunding : IPhaseFundingSource
{
    public Task<PhaseFunding?> ForYearsAsync(int communeId, int fromYear, int toYear, CancellationToken ct = default) => Task.FromResult<PhaseFunding?>(null);
}
