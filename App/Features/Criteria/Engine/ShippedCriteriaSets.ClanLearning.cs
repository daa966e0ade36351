namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>Dòng họ học tập, QĐ 448/QĐ-KHVN part B, DOMAIN.md §4.2: structure to ship, every figure editable.</summary>
    public static CriteriaSetDefinition ClanLearning { get; } = WithUnchecked(new()
    {
        Title = Title.ClanLearning,
        Name = "Dòng họ học tập – mặc định theo QĐ 448/QĐ-KHVN (phần B)",
        LegalBasis = new("448/QĐ-KHVN", Association),
        FromYear = 2016,
        Checked = false,
        Note = "Hội Khuyến học Việt Nam ban hành bộ tiêu chí mới tháng 7/2022 (chưa công bố số hiệu). Điểm, ngưỡng " +
            "và điều kiện bắt buộc ở đây là mặc định, chưa đối chiếu với hướng dẫn hiện hành của tỉnh.",
        DeclaredTotal = P(100),
        Groups =
        [
            new()
            {
                Code = "1", Name = "Tổ chức khuyến học của dòng họ", Max = P(20), Minimum = P(10),
                Items =
                [
                    Judged("1.1", 10, "Dòng họ có ban khuyến học (hoặc người phụ trách khuyến học) hoạt động thường xuyên"),
                    Scored("1.2", 10, 1, "Dòng họ có quỹ khuyến học, khuyến tài và sử dụng đúng mục đích"),
                ],
            },
            new()
            {
                Code = "2", Name = "Kết quả học tập của các hộ thành viên", Max = P(50), Minimum = P(25),
                Items =
                [
                    RateItem("2.1", 30, ComputedInputKeys.ClanMemberHouseholdsFamilyLearningRate, 70, 50,
                        "Từ 70 % hộ thành viên trở lên được công nhận \"Gia đình học tập\" trong năm") with
                    {
                        IsHardCondition = true,
                    },
                    Scored("2.2", 20, 1, "Con em các hộ thành viên trong độ tuổi đi học đều được đến trường"),
                ],
            },
            new()
            {
                Code = "3", Name = "Nề nếp và truyền thống hiếu học", Max = P(30), Minimum = P(15),
                Items =
                [
                    Judged("3.1", 10, "Không có thành viên bị kết án về hành vi vi phạm pháp luật trong năm") with
                    {
                        IsHardCondition = true,
                    },
                    Scored("3.2", 20, 1, "Dòng họ có hình thức tôn vinh, khen thưởng con cháu học giỏi và người học tập tốt"),
                ],
            },
        ],
        Rules = new() { TotalThreshold = P(80) },
    }, AllItems);
}
