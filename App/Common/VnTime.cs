namespace HocTapSuotDoi.Common;

// Times are stored in UTC and shown in Vietnam's time zone, in Vietnamese format (dd/MM/yyyy HH:mm).
public static class VnTime
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static TimeZoneInfo Zone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    // Today's date in Vietnam, from the app's clock (injected TimeProvider; tests fix it).
    public static DateOnly Today(TimeProvider clock) => new VnClock(clock).Today;

    public static string Format(DateTime utc) => ToLocal(utc).ToString("dd/MM/yyyy HH:mm", Culture);

    public static string Format(DateTimeOffset utc) => Format(utc.UtcDateTime);

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);
}
