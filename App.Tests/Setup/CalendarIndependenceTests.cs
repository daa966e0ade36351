using System.Text.RegularExpressions;

namespace HocTapSuotDoi.Tests.Setup;

// Tests see the app's date through its clock (AppFactory.ClockStart, ClockedAppFactory), never the day they run on:
// the real year disagrees with the app's on 31/12 after 17:00 UTC, and a "01/01" deadline on every 1 January.
public sealed partial class CalendarIndependenceTests
{
    [Fact]
    public void No_test_reads_the_real_date()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(EndToEnd.PublishedAppFixture.RepositoryRoot(), "App.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => RealDate().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    // The real year or day; DateTime.UtcNow alone (timeouts, elapsed time) is fine.
    [GeneratedRegex(@"DateTime(Offset)?\.(UtcNow|Now)\s*(\.(Year|Month|Day|Date)\b|is\s*\{)|DateTime\.Today|DateOnly\.FromDateTime\(DateTime(Offset)?\.(UtcNow|Now)")]
    private static partial Regex RealDate();
}
