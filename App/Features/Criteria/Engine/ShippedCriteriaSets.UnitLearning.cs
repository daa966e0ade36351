namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>Đơn vị học tập, TT 22/2020/TT-BGDĐT points set, DOMAIN.md §4.4: Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50.</summary>
    public static CriteriaSetDefinition UnitLearningTt22 { get; } = WithUnchecked(new()
    {
        Title = Title.UnitLearning,
        Name = "Đơn vị học tập – TT 22/2020/TT-BGDĐT",
        LegalBasis = new("22/2020/TT-BGDĐT", Ministry),
        FromYear = 2020,
        Checked = false,
        Note = "Nhóm 1, 2, tiêu chí 3.1 và các mức xếp loại theo văn bản; tiêu chí 3.2, 3.3 (15 điểm còn lại của " +
            "nhóm 3) và bước điểm 0,5 là mặc định, chưa đối chiếu.",
        DeclaredTotal = P(100),
        Groups =
        [
            new()
            {
                Code = "1", Name = "Điều kiện bảo đảm cho việc học tập", Max = P(30),
                Items =
                [
                    Scored("1.1", 10, 0.5m, "Có chủ trương hoặc kế hoạch về việc học tập thường xuyên của thành viên"),
                    Scored("1.2", 10, 0.5m, "Có quy định cụ thể khuyến khích thành viên học tập"),
                    Scored("1.3", 10, 0.5m, "Đầu tư nguồn lực (kinh phí, cơ sở vật chất, trang thiết bị) cho việc học tập " +
                        "của thành viên"),
                ],
            },
            new()
            {
                Code = "2", Name = "Kết quả học tập của thành viên", Max = P(30),
                Items =
                [
                    Scored("2.1", 10, 0.5m, "100 % thành viên có kế hoạch tự học hằng năm được thủ trưởng đơn vị phê duyệt"),
                    Scored("2.2", 5, 0.5m, "100 % thành viên chấp hành kỷ luật lao động, hợp tác và chia sẻ"),
                    Scored("2.3", 10, 0.5m, "100 % thành viên hoàn thành các chương trình bồi dưỡng bắt buộc theo quy định " +
                        "của Nhà nước"),
                    Scored("2.4", 5, 0.5m, "100 % thành viên đạt danh hiệu \"Lao động tiên tiến\" trở lên"),
                ],
            },
            new()
            {
                Code = "3", Name = "Hiệu quả và tác động của việc học tập", Max = P(40),
                Items =
                [
                    Scored("3.1", 25, 0.5m, "100 % thành viên đáp ứng các năng lực của công dân học tập"),
                    Scored("3.2", 10, 0.5m, "Đơn vị hoàn thành tốt nhiệm vụ nhờ vận dụng kết quả học tập"),
                    Scored("3.3", 5, 0.5m, "Đơn vị lan tỏa phong trào học tập tới cộng đồng"),
                ],
            },
        ],
        Rules = new()
        {
            RatingBands =
            [
                new("Tốt", P(85)), new("Khá", P(70)), new("Trung bình", P(50)), new("Không đạt", P(0), Recognised: false),
            ],
        },
    }, "3.2", "3.3");

    /// <summary>
    /// Đơn vị học tập, TT 24/2023/TT-BGDĐT (DOMAIN.md §4.4): indicators met/not met by level (mức 1, mức 2),
    /// one of them the computed share of members holding Công dân học tập.
    /// </summary>
    public static CriteriaSetDefinition UnitLearningTt24 { get; } = WithUnchecked(new()
    {
        Title = Title.UnitLearning,
        Name = "Đơn vị học tập – TT 24/2023/TT-BGDĐT (theo mức độ)",
        LegalBasis = new("24/2023/TT-BGDĐT", Ministry),
        FromYear = 2024,
        Checked = false,
        Note = "Cấu trúc mức 1, mức 2 và chỉ tiêu \"từ 90 % thành viên đạt Công dân học tập\" theo văn bản; các chỉ " +
            "tiêu khác là diễn giải, chưa đối chiếu. Công nhận có giá trị 3 năm; hồ sơ nộp trước 15/01 năm sau.",
        Mode = ScoringMode.Levels,
        Groups =
        [
            new()
            {
                Code = "1", Name = "Công tác chỉ đạo, tổ chức học tập",
                Items =
                [
                    Indicator("1.1", 1, "Có kế hoạch xây dựng đơn vị học tập hằng năm"),
                    Indicator("1.2", 1, "Có quy định khuyến khích, tạo điều kiện cho thành viên học tập"),
                    Indicator("1.3", 2, "Kế hoạch được thực hiện đầy đủ, có sơ kết, tổng kết và rút kinh nghiệm"),
                ],
            },
            new()
            {
                Code = "2", Name = "Điều kiện bảo đảm",
                Items =
                [
                    Indicator("2.1", 1, "Bố trí kinh phí cho việc học tập của thành viên"),
                    Indicator("2.2", 2, "Có không gian, trang thiết bị, tài liệu (kể cả trực tuyến) hỗ trợ học tập"),
                ],
            },
            new()
            {
                Code = "3", Name = "Kết quả học tập của thành viên",
                Items =
                [
                    Indicator("3.1", 1, "100 % thành viên hoàn thành chương trình bồi dưỡng bắt buộc"),
                    Indicator("3.2", 1, "Thành viên có kế hoạch tự học được thủ trưởng đơn vị phê duyệt"),
                    RateIndicator("3.3", 2, ComputedInputKeys.UnitStaffCitizenLearningRate, 90,
                        "Từ 90 % thành viên trở lên đạt \"Công dân học tập\""),
                ],
            },
        ],
        Rules = new() { MinimumLevel = 1 },
    }, "1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2");
}
