using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Components.Layout;

// The year every page works on, chosen in the app bar; one per circuit (browser tab).
public sealed class WorkingYear(VnClock clock, AppSettings settings)
{
    public const int PlanLastYear = 2030;

    // Years before the app are there too, for the figures entered from past reports (setting Scoring:FirstYear).
    public int FirstYear { get; } = settings.Scoring.FirstYear;

    public int Year { get; private set; } = CurrentYear(clock, settings);

    public event Action? Changed;

    public IReadOnlyList<int> Choices
    {
        get
        {
            var last = Math.Max(PlanLastYear, CurrentYear(clock, settings));
            return Enumerable.Range(FirstYear, last - FirstYear + 1).ToList();
        }
    }

    public void Set(int year)
    {
        if (year == Year || !Choices.Contains(year))
        {
            return;
        }
        Year = year;
        Changed?.Invoke();
    }

    private static int CurrentYear(VnClock clock, AppSettings settings) => clock.Year;
}
