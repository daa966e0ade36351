namespace HocTapSuotDoi.Features.Funding;

// Money is whole đồng in a long; shown the Vietnamese way: "1.250.000 đ".
public static class Money
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Format(long dong) => dong.ToString("#,##0", Vietnamese) + " đ";
}
