using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Registers;

// The Vietnamese words people read for the register's codes; the same words are used in Excel files.
public static class RegisterTexts
{
    public static readonly IReadOnlyDictionary<HouseholdStatus, string> HouseholdStatuses = new Dictionary<HouseholdStatus, string>
    {
        [HouseholdStatus.Resident] = "Đang cư trú", [HouseholdStatus.MovedAway] = "Chuyển đi", [HouseholdStatus.Split] = "Tách hộ",
    };

    public static readonly IReadOnlyDictionary<PersonStatus, string> PersonStatuses = new Dictionary<PersonStatus, string>
    {
        [PersonStatus.Living] = "Đang cư trú", [PersonStatus.MovedAway] = "Chuyển đi", [PersonStatus.Deceased] = "Đã mất",
    };

    public static readonly IReadOnlyDictionary<Sex, string> Sexes = new Dictionary<Sex, string> { [Sex.Male] = "Nam", [Sex.Female] = "Nữ" };

    public static readonly IReadOnlyDictionary<Relation, string> Relations = new Dictionary<Relation, string>
    {
        [Relation.Head] = "Chủ hộ", [Relation.Spouse] = "Vợ/Chồng", [Relation.Child] = "Con", [Relation.Parent] = "Cha/Mẹ",
        [Relation.Grandchild] = "Cháu", [Relation.Sibling] = "Anh/Chị/Em", [Relation.Other] = "Khác",
    };

    public static readonly IReadOnlyDictionary<EducationLevel, string> EducationLevels = new Dictionary<EducationLevel, string>
    {
        [EducationLevel.NotEntered] = NotEntered, [EducationLevel.None] = "Chưa đi học", [EducationLevel.Primary] = "Tiểu học", [EducationLevel.LowerSecondary] = "THCS",
        [EducationLevel.UpperSecondary] = "THPT", [EducationLevel.Vocational] = "Trung cấp", [EducationLevel.College] = "Cao đẳng",
        [EducationLevel.University] = "Đại học", [EducationLevel.Postgraduate] = "Sau đại học",
    };

    public static readonly IReadOnlyDictionary<Literacy, string> Literacies = new Dictionary<Literacy, string>
    {
        [Literacy.Unknown] = "Chưa rõ", [Literacy.Illiterate] = "Chưa biết chữ", [Literacy.Level1] = "Biết chữ mức 1",
        [Literacy.Level2] = "Biết chữ mức 2",
    };

    public static readonly IReadOnlyDictionary<CitizenGroup, string> CitizenGroups = new Dictionary<CitizenGroup, string>
    {
        [CitizenGroup.None] = "Chưa xếp nhóm", [CitizenGroup.FarmersAndRuralWorkers] = "Nông dân, lao động nông thôn",
        [CitizenGroup.IndustrialAndCraftWorkers] = "Công nhân, lao động công nghiệp, thủ công",
        [CitizenGroup.OfficialsAndIntellectuals] = "Cán bộ, công chức, viên chức, trí thức",
        [CitizenGroup.Other] = "Nhóm khác (chưa đối chiếu)",
    };

    public static readonly IReadOnlyDictionary<SchoolAttendance, string> SchoolAttendances = new Dictionary<SchoolAttendance, string>
    {
        [SchoolAttendance.NotApplicable] = "Không áp dụng", [SchoolAttendance.Attending] = "Đang đi học",
        [SchoolAttendance.DroppedOut] = "Bỏ học", [SchoolAttendance.NotYetOfAge] = "Chưa đến tuổi đi học",
        [SchoolAttendance.Completed] = "Đã học xong",
    };

    public static readonly IReadOnlyDictionary<UnitKind, string> UnitKinds = new Dictionary<UnitKind, string>
    {
        [UnitKind.Agency] = "Cơ quan", [UnitKind.School] = "Trường học", [UnitKind.Enterprise] = "Doanh nghiệp",
        [UnitKind.Cooperative] = "Hợp tác xã", [UnitKind.MassOrganisation] = "Đoàn thể", [UnitKind.Branch] = "Chi hội",
        [UnitKind.Other] = "Khác",
    };

    // What a field nobody filled reads: never a default that looks like an answer ("Chưa đi học").
    public const string NotEntered = "Chưa nhập";

    public static string OrNotEntered(string? text) => string.IsNullOrWhiteSpace(text) ? NotEntered : text;

    public static string Text<T>(this T value) where T : struct, Enum => value switch
    {
        Sex v when v == Sex.NotEntered => NotEntered,
        HouseholdStatus v => HouseholdStatuses[v],
        PersonStatus v => PersonStatuses[v],
        Sex v => Sexes[v],
        Relation v => Relations[v],
        EducationLevel v => EducationLevels[v],
        Literacy v => Literacies[v],
        CitizenGroup v => CitizenGroups[v],
        SchoolAttendance v => SchoolAttendances[v],
        UnitKind v => UnitKinds[v],
        _ => value.ToString(),
    };

    // Reads a word back (from Excel); case and diacritics ignored, so "nam", "Nam" and "NAM" all work.
    public static bool TryParse<T>(IReadOnlyDictionary<T, string> words, string? text, out T value) where T : struct, Enum
    {
        var key = VietnameseText.SearchKey(text);
        foreach (var (code, word) in words)
        {
            if (VietnameseText.SearchKey(word) == key)
            {
                value = code;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string BirthText(DateOnly? date, int? year) =>
        date is { } d ? d.ToString("dd/MM/yyyy", VnTime.Culture) : year?.ToString(CultureInfo.InvariantCulture) ?? "";
}
