namespace HocTapSuotDoi.Common;

// Every percentage a person reads, signs or sends on (dashboard, yearly report, scoring sheet, exports): two decimals,
// rounded half up (never truncated), in vi-VN format: 6/9 → "66,67 %", 5/7 → "71,43 %", 1/8 → "12,50 %".
public static class VnPercent
{
    public const int Decimals = 2;

    // The rate as shown, rounded; null when there is nothing to divide by.
    public static decimal? Of(int count, int outOf) => outOf == 0 ? null : Round(100m * count / outOf);

    public static decimal Round(decimal percent) => Math.Round(percent, Decimals, MidpointRounding.AwayFromZero);

    // The rate beside a target: rounded like every rate, except that a rate just under its target never reads as
    // reaching it (1.402 of 2.003 is 69,995 %: "69,99 %" beside "Gần đạt, còn thiếu 1 hộ" against 70 %, not "70,00 %").
    public static decimal? Against(int count, int outOf, decimal? target)
    {
        var shown = Of(count, outOf);
        return shown is { } s && target is { } t && s >= t && 100m * count < t * outOf
            ? Math.Round(100m * count / outOf, Decimals, MidpointRounding.ToZero)
            : shown;
    }

    // Whether a rate reaches a target, on the exact figures (not on the rounded rate shown).
    public static bool Reaches(int count, int outOf, decimal target) => outOf > 0 && 100m * count >= target * outOf;

    public static string Format(decimal? percent) => percent is { } p ? Round(p).ToString("0.00", VnTime.Culture) + " %" : "—";

    public static string Format(int count, int outOf) => Format(Of(count, outOf));

    // A change between two percentages, in percentage points with a sign: "+1,25", "−0,50", "0,00".
    public static string Change(decimal points) => Round(points).ToString("+0.00;−0.00;0.00", VnTime.Culture);
}
