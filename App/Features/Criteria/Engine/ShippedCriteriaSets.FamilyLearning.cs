namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>Gia đình học tập, QĐ 448/QĐ-KHVN (2015), DOMAIN.md §4.1.</summary>
    public static CriteriaSetDefinition FamilyLearningQd448 { get; } = WithUnchecked(new()
    {
        Title = Title.FamilyLearning,
        Name = "Gia đình học tập – QĐ 448/QĐ-KHVN (2015)",
        LegalBasis = new("448/QĐ-KHVN", Association),
        FromYear = 2016,
        Checked = false,
        Note = "Nhóm 1 và tiêu chí 2.1, 2.2 theo văn bản. Tiêu chí 2.3, cách chia điểm nhóm 3, 4 và quy tắc công nhận " +
            "(tổng từ 80 điểm, mỗi nhóm từ một nửa số điểm, tiêu chí 1.1 bắt buộc) là mặc định, chưa đối chiếu.",
        DeclaredTotal = P(100),
        Groups =
        [
            new()
            {
                Code = "1", Name = "Việc học tập của trẻ em trong gia đình", Max = P(30), Minimum = P(15),
                Items =
                [
                    Judged("1.1", 10, "Trẻ em trong độ tuổi giáo dục bắt buộc đều được đến trường và hoàn thành cấp học " +
                        "theo quy định (trừ trẻ em ốm đau, khuyết tật)",
                        "Điều kiện bắt buộc: chưa đạt thì gia đình không được công nhận. Đạt: 10 điểm.") with
                    {
                        IsHardCondition = true,
                    },
                    Scored("1.2", 10, 0.5m, "Kết quả học tập của trẻ em từ trung bình trở lên (tiểu học: đạt yêu cầu); " +
                        "hạnh kiểm từ khá trở lên"),
                    Scored("1.3", 10, 0.5m, "Trẻ em trung thực, lễ phép ở gia đình và ngoài xã hội; tích cực tham gia " +
                        "các hoạt động chung ở địa phương"),
                ],
            },
            new()
            {
                Code = "2", Name = "Việc học tập của người lớn trong gia đình", Max = P(30), Minimum = P(15),
                Items =
                [
                    Scored("2.1", 10, 0.5m, "Người lớn từ 19 đến 60 tuổi (trừ người không có khả năng học tập) biết chữ " +
                        "từ mức độ 1 trở lên (tương đương lớp 3)"),
                    Scored("2.2", 10, 0.5m, "Mỗi người lớn tham gia ít nhất một hoạt động học tập trong năm (trung tâm học " +
                        "tập cộng đồng, lớp tập huấn, câu lạc bộ…)"),
                    Scored("2.3", 10, 0.5m, "Người lớn tích cực tham gia các hoạt động khuyến học và phong trào của địa phương"),
                ],
            },
            new()
            {
                Code = "3", Name = "Điều kiện học tập của gia đình", Max = P(20), Minimum = P(10),
                Items =
                [
                    Scored("3.1", 5, 0.5m, "Có sách, báo, tài liệu phục vụ học tập"),
                    Scored("3.2", 5, 0.5m, "Có góc học tập cho các thành viên"),
                    Scored("3.3", 5, 0.5m, "Có phương tiện nghe nhìn, thông tin (đài, ti vi, internet)"),
                    Scored("3.4", 5, 0.5m, "Có quỹ học tập của gia đình; gia đình quan tâm đến việc học tập của các thành viên"),
                ],
            },
            new()
            {
                Code = "4", Name = "Hiệu quả học tập", Max = P(20), Minimum = P(10),
                Items =
                [
                    Scored("4.1", 10, 0.5m, "Thu nhập của gia đình ổn định và tăng lên nhờ vận dụng kiến thức đã học"),
                    Scored("4.2", 5, 0.5m, "Các thành viên tích cực tham gia đời sống cộng đồng"),
                    Scored("4.3", 5, 0.5m, "Gia đình được công nhận \"Gia đình văn hóa\""),
                ],
            },
        ],
        Rules = new() { TotalThreshold = P(80) },
    }, "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3");
}
