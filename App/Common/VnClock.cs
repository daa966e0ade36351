namespace HocTapSuotDoi.Common;

// The one clock of the app: "now", "today" and "this year" in Vietnam, read from the injected TimeProvider (tests fix
// it). Times are stored in UTC (UtcNow) and shown in Vietnam's time zone (VnTime.Zone, setting Clock:TimeZone).
// See docs/decisions/015-one-vietnam-clock.md.
public sealed class VnClock(TimeProvider time)
{
    public TimeProvider Time => time;

    // The instant to store (audit columns, issued-at, sent-at).
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    // The wall-clock time in Vietnam.
    public DateTime Now => VnTime.ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public int Year => Now.Year;

    // A stored UTC instant as Vietnamese read it: "dd/MM/yyyy HH:mm".
    public static string Format(DateTime utc) => VnTime.Format(utc);

    public static string FormatDate(DateOnly date) => VnTime.FormatDate(date);

    // The time of day now in Vietnam, "HH:mm:ss" (e.g. "Đã lưu lúc 14:05:09").
    public string TimeOfDay => Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static VnClock System { get; } = new(TimeProvider.System);
}
