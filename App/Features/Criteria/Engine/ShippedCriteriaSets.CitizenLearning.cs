namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>
    /// Công dân học tập, QĐ 244/QĐ-KHVN (2022), DOMAIN.md §4.5: three competences, ten indicators of 10 points, pass
    /// at 50. The IT and foreign-language indicators differ by target group, so each group has its own variant and
    /// every target group still finds ten indicators and 100 points.
    /// </summary>
    public static CriteriaSetDefinition CitizenLearningQd244 { get; } = WithUnchecked(new()
    {
        Title = Title.CitizenLearning,
        Name = "Công dân học tập – QĐ 244/QĐ-KHVN (2022)",
        LegalBasis = new("244/QĐ-KHVN", Association),
        FromYear = 2022,
        Checked = false,
        Note = "Cấu trúc 3 năng lực, 10 chỉ số theo văn bản (xem cả QĐ 324/QĐ-KHVN). Điểm mỗi chỉ số (10), ngưỡng 50, " +
            "nhóm đối tượng thứ tư và cách phân biệt chỉ số 2.1, 2.2 theo nhóm là mặc định, chưa đối chiếu.",
        DeclaredTotal = P(100),
        TargetGroups =
        [
            new("1", "Nông dân, lao động nông thôn"),
            new("2", "Công nhân, lao động trong khu công nghiệp, làng nghề"),
            new("3", "Cán bộ, công chức, viên chức, lao động trí thức"),
            new("4", "Đối tượng khác (chưa đối chiếu)"),
        ],
        Groups =
        [
            new()
            {
                Code = "1", Name = "Năng lực tự học và học tập suốt đời", Max = P(40),
                Items =
                [
                    Scored("1.1", 10, 1, "Thường xuyên đọc sách, báo, cập nhật thông tin"),
                    Scored("1.2", 10, 1, "Có kế hoạch học tập và thực hiện kế hoạch"),
                    Scored("1.3", 10, 1, "Tham gia sinh hoạt ở nhà văn hóa, câu lạc bộ, thư viện"),
                    Scored("1.4", 10, 1, "Vận động, khuyến khích người khác cùng học tập"),
                ],
            },
            new()
            {
                Code = "2", Name = "Năng lực sử dụng các công cụ tương tác", Max = P(40),
                Items =
                [
                    Scored("2.1a", 10, 1, "Biết dùng điện thoại thông minh, thiết bị số để tìm thông tin và giao dịch " +
                        "thông dụng") with { TargetGroupCodes = ["1", "4"] },
                    Scored("2.1b", 10, 1, "Sử dụng thành thạo công nghệ thông tin, thiết bị thông minh trong công việc") with
                    {
                        TargetGroupCodes = ["2", "3"],
                    },
                    Scored("2.2a", 10, 1, "Biết một số câu ngoại ngữ giao tiếp thông dụng khi công việc cần") with
                    {
                        TargetGroupCodes = ["1", "2", "4"],
                    },
                    Scored("2.2b", 10, 1, "Sử dụng được ngoại ngữ theo yêu cầu của vị trí việc làm") with
                    {
                        TargetGroupCodes = ["3"],
                    },
                    Scored("2.3", 10, 1, "Vận dụng kiến thức toán học (tính toán) trong cuộc sống và công việc"),
                    Scored("2.4", 10, 1, "Có tư duy phản biện: biết phân tích, đánh giá thông tin"),
                ],
            },
            new()
            {
                Code = "3", Name = "Năng lực quan hệ xã hội", Max = P(20),
                Items =
                [
                    Scored("3.1", 10, 1, "Có quan hệ thân thiện với mọi người; biết giải quyết mâu thuẫn, xung đột"),
                    Scored("3.2", 10, 1, "Biết hợp tác và chia sẻ"),
                ],
            },
        ],
        Rules = new() { TotalThreshold = P(50) },
    }, "2.1a", "2.1b", "2.2a", "2.2b");
}
