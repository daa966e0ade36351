namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>Cộng đồng học tập cấp thôn, QĐ 448/QĐ-KHVN part C, DOMAIN.md §4.3: rates computed by the app.</summary>
    public static CriteriaSetDefinition VillageCommunity { get; } = WithUnchecked(new()
    {
        Title = Title.VillageCommunity,
        Name = "Cộng đồng học tập cấp thôn – mặc định theo QĐ 448/QĐ-KHVN (phần C)",
        LegalBasis = new("448/QĐ-KHVN", Association),
        FromYear = 2016,
        Checked = false,
        Note = "Cấu trúc theo QĐ 448/QĐ-KHVN phần C; điểm, tỷ lệ và ngưỡng là mặc định, chưa đối chiếu. " +
            "Các tỷ lệ do ứng dụng tính từ kết quả công nhận trong năm.",
        DeclaredTotal = P(100),
        Groups =
        [
            new()
            {
                Code = "1", Name = "Kết quả xây dựng các mô hình học tập", Max = P(50), Minimum = P(25),
                Items =
                [
                    RateItem("1.1", 20, ComputedInputKeys.VillageHouseholdsFamilyLearningRate, 70, 50,
                        "Tỷ lệ hộ gia đình được công nhận \"Gia đình học tập\""),
                    RateItem("1.2", 15, ComputedInputKeys.VillageClansClanLearningRate, 65, 40,
                        "Tỷ lệ dòng họ được công nhận \"Dòng họ học tập\""),
                    RateItem("1.3", 15, ComputedInputKeys.VillageAdultsLearningCentreRate, 50, 30,
                        "Tỷ lệ người lớn tham gia hoạt động của trung tâm học tập cộng đồng"),
                ],
            },
            new()
            {
                Code = "2", Name = "Tổ chức khuyến học của thôn", Max = P(30), Minimum = P(15),
                Items =
                [
                    Judged("2.1", 15, "Thôn có chi hội khuyến học hoạt động thường xuyên, có kế hoạch và báo cáo hằng năm"),
                    Scored("2.2", 15, 1, "Thôn có quỹ khuyến học và sử dụng đúng mục đích"),
                ],
            },
            new()
            {
                Code = "3", Name = "Đời sống văn hóa của thôn", Max = P(20), Minimum = P(10),
                Items =
                [
                    Judged("3.1", 20, "Thôn giữ vững danh hiệu \"Thôn văn hóa\" (\"Làng văn hóa\")"),
                ],
            },
        ],
        Rules = new() { TotalThreshold = P(80) },
    }, AllItems);
}
