namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>
    /// Đơn vị học tập ở cơ sở thuộc xã quản lý, QĐ 448/QĐ-KHVN (01/12/2015) part D, DOMAIN.md §4.8: the default for
    /// the units the commune runs (schools, health station, cooperatives, the commune offices). The text is a
    /// paraphrase and every item is marked "chưa đối chiếu". No Công dân học tập rate: the 2015 text predates it.
    /// </summary>
    public static CriteriaSetDefinition UnitLearningQd448 { get; } = WithUnchecked(new()
    {
        Title = Title.UnitLearning,
        Name = "Đơn vị học tập ở cơ sở thuộc xã quản lý – QĐ 448/QĐ-KHVN (phần D)",
        LegalBasis = new("448/QĐ-KHVN", Association, IssuedOn: new DateOnly(2015, 12, 1)),
        FromYear = 2016,
        Checked = false,
        Note = "Bộ mặc định cho đơn vị do xã quản lý (trường học, trạm y tế, hợp tác xã, cơ quan xã) theo phần D của " +
            "QĐ 448/QĐ-KHVN ngày 01/12/2015. Nội dung các tiêu chí là diễn giải; điểm từng tiêu chí và ngưỡng công nhận " +
            "(tổng từ 80 điểm, mỗi nhóm từ một nửa số điểm) là mặc định, chưa đối chiếu. Đơn vị cấp huyện, cấp tỉnh " +
            "dùng TT 22/2020/TT-BGDĐT hoặc TT 24/2023/TT-BGDĐT (có trong thư viện, chưa áp dụng).",
        DeclaredTotal = P(100),
        Groups =
        [
            new()
            {
                Code = "1", Name = "Tổ chức việc học tập trong đơn vị", Max = P(30), Minimum = P(15),
                Items =
                [
                    Scored("1.1", 10, 0.5m, "Đơn vị có kế hoạch học tập hằng năm cho cán bộ, người lao động và tổ chức thực hiện"),
                    Scored("1.2", 10, 0.5m, "Có quy định khuyến khích, tạo điều kiện về thời gian, kinh phí cho người học"),
                    Scored("1.3", 10, 0.5m, "Có tủ sách, tài liệu hoặc phương tiện (kể cả trực tuyến) phục vụ việc học tập"),
                ],
            },
            new()
            {
                Code = "2", Name = "Kết quả học tập của cán bộ, người lao động", Max = P(40), Minimum = P(20),
                Items =
                [
                    Scored("2.1", 15, 0.5m, "Cán bộ, người lao động hoàn thành các chương trình học tập, bồi dưỡng theo yêu " +
                        "cầu của vị trí việc làm"),
                    Scored("2.2", 15, 0.5m, "Mỗi người có kế hoạch tự học và tham gia ít nhất một hình thức học tập trong năm " +
                        "(lớp học, tập huấn, câu lạc bộ, học trực tuyến)"),
                    Scored("2.3", 10, 0.5m, "Cán bộ, người lao động tích cực tham gia xây dựng gia đình học tập, dòng họ học " +
                        "tập ở nơi cư trú"),
                ],
            },
            new()
            {
                Code = "3", Name = "Tác dụng của việc học tập", Max = P(30), Minimum = P(15),
                Items =
                [
                    Scored("3.1", 15, 0.5m, "Đơn vị hoàn thành tốt nhiệm vụ được giao nhờ vận dụng kết quả học tập"),
                    Scored("3.2", 15, 0.5m, "Đơn vị tham gia, hỗ trợ phong trào khuyến học, khuyến tài và xây dựng cộng đồng " +
                        "học tập ở xã"),
                ],
            },
        ],
        Rules = new() { TotalThreshold = P(80) },
    }, AllItems);

    /// <summary>
    /// Đơn vị học tập, TT 22/2020/TT-BGDĐT points set, DOMAIN.md §4.4: Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50. For units at
    /// district or provincial level (DOMAIN.md §4.8): shipped in the library, not active by default.
    /// </summary>
    public static CriteriaSetDefinition UnitLearningTt22 { get; } = WithUnchecked(new()
    {
        Title = Title.UnitLearning,
        Name = "Đơn vị học tập cấp huyện, cấp tỉnh – TT 22/2020/TT-BGDĐT",
        LegalBasis = new("22/2020/TT-BGDĐT", Ministry),
        FromYear = 2020,
        Checked = false,
        Note = "Dành cho đơn vị cấp huyện, cấp tỉnh; đơn vị do xã quản lý dùng QĐ 448/QĐ-KHVN (phần D). " +
            "Nhóm 1, 2, tiêu chí 3.1 và các mức xếp loại theo văn bản; tiêu chí 3.2, 3.3 (15 điểm còn lại của " +
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
    /// Đơn vị học tập, TT 24/2023/TT-BGDĐT (11/12/2023, DOMAIN.md §4.4, §4.8), for district and provincial units:
    /// indicators met/not met by level (mức 1, mức 2). Level 1, criterion 3, target 1 is the computed share of members
    /// holding Công dân học tập (≥ 90 %).
    /// </summary>
    public static CriteriaSetDefinition UnitLearningTt24 { get; } = WithUnchecked(new()
    {
        Title = Title.UnitLearning,
        Name = "Đơn vị học tập cấp huyện, cấp tỉnh – TT 24/2023/TT-BGDĐT (theo mức độ)",
        LegalBasis = new("24/2023/TT-BGDĐT", Ministry, IssuedOn: new DateOnly(2023, 12, 11)),
        FromYear = 2024,
        Checked = false,
        Note = "Dành cho đơn vị cấp huyện, cấp tỉnh. Cấu trúc mức 1, mức 2 và chỉ tiêu 1 của tiêu chí 3 mức 1 " +
            "\"từ 90 % thành viên đạt Công dân học tập (theo QĐ 324/QĐ-KHVN)\" theo văn bản; các chỉ tiêu khác là diễn " +
            "giải, chưa đối chiếu. Công nhận có giá trị 3 năm; hồ sơ nộp trước 15/01 năm sau.",
        Mode = ScoringMode.Levels,
        Groups =
        [
            new()
            {
                Code = "1", Name = "Tiêu chí 1: Công tác chỉ đạo, tổ chức học tập",
                Items =
                [
                    Indicator("1.1", 1, "Có kế hoạch xây dựng đơn vị học tập hằng năm"),
                    Indicator("1.2", 1, "Có quy định khuyến khích, tạo điều kiện cho thành viên học tập"),
                    Indicator("1.3", 2, "Kế hoạch được thực hiện đầy đủ, có sơ kết, tổng kết và rút kinh nghiệm"),
                ],
            },
            new()
            {
                Code = "2", Name = "Tiêu chí 2: Điều kiện bảo đảm",
                Items =
                [
                    Indicator("2.1", 1, "Bố trí kinh phí cho việc học tập của thành viên"),
                    Indicator("2.2", 2, "Có không gian, trang thiết bị, tài liệu (kể cả trực tuyến) hỗ trợ học tập"),
                ],
            },
            new()
            {
                Code = "3", Name = "Tiêu chí 3: Kết quả học tập của thành viên",
                Items =
                [
                    RateIndicator("3.1", 1, ComputedInputKeys.UnitStaffCitizenLearningRate, 90,
                        "Chỉ tiêu 1: Từ 90 % thành viên trở lên đạt \"Công dân học tập\" (theo QĐ 324/QĐ-KHVN)"),
                    Indicator("3.2", 1, "100 % thành viên hoàn thành chương trình bồi dưỡng bắt buộc"),
                    Indicator("3.3", 1, "Thành viên có kế hoạch tự học được thủ trưởng đơn vị phê duyệt"),
                ],
            },
        ],
        Rules = new() { MinimumLevel = 1 },
    }, "1.1", "1.2", "1.3", "2.1", "2.2", "3.2", "3.3");
}
