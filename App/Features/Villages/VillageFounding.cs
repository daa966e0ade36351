using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Villages;

// A village founded (or split off) on a date has no households in the years before: a household in the register by
// 31/12 of the year before, and in the village then (not moved in since), would count in the commune's figures of that
// year but in no village row. A village date, a household or an import that would make one is refused.
public static class VillageFounding
{
    // The households the village would hold in the year before it was founded, as the year's figures place them.
    public static IQueryable<Household> HouseholdsBefore(AppDbContext db, int villageId, DateOnly foundedOn) =>
        db.Households.OfVillageIn(db, villageId, foundedOn.Year - 1);

    public static string VillageText(string village, DateOnly foundedOn, int count, string example) =>
        $"{village} có {count:N0} hộ có trong sổ của thôn từ trước năm {foundedOn.Year} (ví dụ: {example}), nên ngày thành lập không thể là " +
        $"{VnTime.FormatDate(foundedOn)}. Hãy sửa ngày vào sổ của các hộ đó, hoặc đánh dấu thôn đã có từ trước khi lập sổ.";

    public static string HouseholdText(string village, DateOnly foundedOn) =>
        $"{village} thành lập từ {VnTime.FormatDate(foundedOn)}: hộ chỉ có trong sổ của thôn từ năm {foundedOn.Year}. Hãy ghi ngày vào sổ " +
        $"từ {VnTime.FormatDate(new DateOnly(foundedOn.Year, 1, 1))} trở đi, hoặc thêm hộ vào thôn cũ rồi chuyển sang {village}.";

    public static string ImportText(string village, DateOnly foundedOn) =>
        $"{village} thành lập từ {VnTime.FormatDate(foundedOn)}, còn hộ nhập từ tệp được tính là đã có từ trước khi lập sổ: " +
        "hãy thêm hộ này trên trang Hộ gia đình với ngày vào sổ, hoặc ghi thôn cũ rồi chuyển hộ sang.";
}
