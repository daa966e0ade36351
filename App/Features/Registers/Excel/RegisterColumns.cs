namespace HocTapSuotDoi.Features.Registers.Excel;

// The columns of each Excel file, in order. Export, template and import use the same lists, so an export re-imports.
public static class RegisterColumns
{
    public const string HouseholdCode = "Mã hộ";
    public const string Village = "Thôn";
    public const string HeadName = "Chủ hộ";
    public const string Address = "Địa chỉ";
    public const string Phone = "Điện thoại";
    public const string HouseholdStatus = "Tình trạng hộ";
    public const string FullName = "Họ và tên";
    public const string Birth = "Ngày sinh / Năm sinh";
    public const string Sex = "Giới tính";
    public const string Relation = "Quan hệ với chủ hộ";
    public const string Education = "Trình độ học vấn";
    public const string Literacy = "Biết chữ";
    public const string Occupation = "Nghề nghiệp";
    public const string TargetGroup = "Nhóm đối tượng CDHT";
    public const string School = "Tình trạng đi học";
    public const string NationalId = "Số CCCD";
    public const string PersonStatus = "Tình trạng";
    public const string ClanName = "Tên dòng họ";
    public const string ClanHead = "Trưởng họ";
    public const string Note = "Ghi chú";
    public const string MemberCodes = "Mã hộ thành viên";
    public const string UnitCode = "Mã đơn vị";
    public const string UnitName = "Tên đơn vị";
    public const string UnitKind = "Loại";
    public const string UnitHead = "Người đứng đầu";
    public const string Email = "E-mail";
    public const string StaffCount = "Số cán bộ";

    public static readonly IReadOnlyList<string> HouseholdPart = [HouseholdCode, Village, HeadName, Address, Phone, HouseholdStatus];

    public static readonly IReadOnlyList<string> PersonPart =
        [FullName, Birth, Sex, Relation, Education, Literacy, Occupation, TargetGroup, School, NationalId, PersonStatus];

    public static readonly IReadOnlyList<string> Households = [.. HouseholdPart, .. PersonPart];

    public static readonly IReadOnlyList<string> People =
        [FullName, Birth, Sex, Relation, HouseholdCode, Village, Education, Literacy, Occupation, TargetGroup, School, NationalId, PersonStatus];

    public static readonly IReadOnlyList<string> Clans = [ClanName, ClanHead, Phone, Note, MemberCodes];

    public static readonly IReadOnlyList<string> Units = [UnitCode, UnitName, UnitKind, UnitHead, Email, Phone, StaffCount, Village];

    public static readonly IReadOnlyList<string> Villages = ["Mã thôn", "Tên thôn", "Thành lập từ", "Số hộ", "Số nhân khẩu", "Số dòng họ", "Số đơn vị"];
}
