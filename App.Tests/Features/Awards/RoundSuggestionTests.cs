using HocTapSuotDoi.Features.Awards;

namespace HocTapSuotDoi.Tests.Features.Awards;

// The round the "new round" form starts on, for the rounds a commune has made and its working year.
public sealed class RoundSuggestionTests
{
    public static TheoryData<string, int, AwardRoundKind, int> Cases => new()
    {
        { "", 2024, AwardRoundKind.Yearly, 2024 },
        { "", 2025, AwardRoundKind.MidTermReview, 2025 },
        { "", 2026, AwardRoundKind.MidTermReview, 2025 },                     // the sơ kết not held in the app yet
        { "MidTermReview 2025", 2025, AwardRoundKind.Yearly, 2025 },
        { "MidTermReview 2025", 2026, AwardRoundKind.Yearly, 2026 },           // the demo commune in 2026
        { "MidTermReview 2025; Yearly 2026", 2026, AwardRoundKind.Yearly, 2026 }, // all made: the form says it exists
        { "MidTermReview 2025; Yearly 2030", 2030, AwardRoundKind.FinalReview, 2030 },
        { "MidTermReview 2025; Yearly 2026", 2027, AwardRoundKind.Yearly, 2027 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_form_starts_on_the_first_round_of_the_working_year_not_made_yet(string made, int workingYear, AwardRoundKind kind, int year)
    {
        var existing = made.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.Split(' ')).Select(p => (Enum.Parse<AwardRoundKind>(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((kind, year), RoundSuggestion.For(existing, workingYear));
    }
}
