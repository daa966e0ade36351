namespace HocTapSuotDoi.Features.Criteria.Engine;

public static partial class ShippedCriteriaSets
{
    /// <summary>
    /// Cộng đồng học tập cấp xã, TT 25/2023/TT-BGDĐT (from 12/02/2024), DOMAIN.md §4.6: indicators met/not met by
    /// level 1/2/3. Criteria 1 and 2 of level 1 follow the text. The official criterion 3 is about the operational
    /// results of education institutions, the community learning centre, libraries and culture centres (DOMAIN.md §4.8):
    /// the rate gates shipped under it are editable defaults, every one marked "chưa đối chiếu".
    /// </summary>
    public static CriteriaSetDefinition CommuneCommunityTt25 { get; } = WithUnchecked(new()
    {
        Title = Title.CommuneCommunity,
        Name = "Cộng đồng học tập cấp xã – TT 25/2023/TT-BGDĐT",
        LegalBasis = new("25/2023/TT-BGDĐT", Ministry, EffectiveOn: new DateOnly(2024, 2, 12)),
        FromYear = 2024,
        Checked = false,
        Note = "Tiêu chí 1, 2 ở mức độ 1 theo văn bản. Tiêu chí 3 theo văn bản là kết quả hoạt động của các cơ sở " +
            "giáo dục, trung tâm học tập cộng đồng, thư viện và thiết chế văn hóa (nhà văn hóa) trên địa bàn xã; các " +
            "chỉ tiêu tỷ lệ ở tiêu chí 3 (như \"từ 50 % hộ gia đình đạt Gia đình học tập\") không phải nội dung văn bản, " +
            "chỉ là mặc định để xã tự sửa: từng chỉ tiêu đều chưa đối chiếu. Việc chia mức độ 2, 3 cũng chưa đối " +
            "chiếu. Từ 7/2025 cấp tỉnh công nhận.",
        Mode = ScoringMode.Levels,
        Groups =
        [
            new()
            {
                Code = "1", Name = "Tiêu chí 1: Công tác lãnh đạo, chỉ đạo",
                Items =
                [
                    Indicator("1.1", 1, "Tổ chức tuyên truyền, nâng cao nhận thức về xây dựng xã hội học tập"),
                    Indicator("1.2", 1, "Có kế hoạch xây dựng xã hội học tập hằng năm và tổ chức thực hiện"),
                    Indicator("1.3", 1, "Tổ chức các hoạt động Tuần lễ hưởng ứng học tập suốt đời và có báo cáo"),
                ],
            },
            new()
            {
                Code = "2", Name = "Tiêu chí 2: Các điều kiện bảo đảm",
                Items =
                [
                    Indicator("2.1", 1, "Bố trí ngân sách cho xây dựng xã hội học tập"),
                    Indicator("2.2", 1, "Huy động được các nguồn lực xã hội"),
                    Indicator("2.3", 1, "Phối hợp giữa Hội Khuyến học, các đoàn thể, nhà trường và thiết chế văn hóa"),
                ],
            },
            new()
            {
                Code = "3", Name = "Tiêu chí 3: Kết quả xây dựng xã hội học tập",
                Items =
                [
                    RateIndicator("3.1", 1, ComputedInputKeys.CommuneHouseholdsFamilyLearningRate, 50,
                        "Từ 50 % hộ gia đình trở lên đạt \"Gia đình học tập\""),
                    Indicator("3.2", 2, "Các cơ sở giáo dục, trung tâm học tập cộng đồng, thư viện, nhà văn hóa hoạt động " +
                        "thường xuyên, hiệu quả"),
                    RateIndicator("3.3", 2, ComputedInputKeys.CommuneHouseholdsFamilyLearningRate, 70,
                        "Từ 70 % hộ gia đình trở lên đạt \"Gia đình học tập\""),
                    RateIndicator("3.4", 2, ComputedInputKeys.CommuneClansClanLearningRate, 65,
                        "Từ 65 % dòng họ trở lên đạt \"Dòng họ học tập\""),
                    RateIndicator("3.5", 2, ComputedInputKeys.CommuneVillagesCommunityRate, 65,
                        "Từ 65 % thôn trở lên đạt \"Cộng đồng học tập\""),
                    RateIndicator("3.6", 3, ComputedInputKeys.CommuneUnitsUnitLearningRate, 80,
                        "Từ 80 % đơn vị trở lên đạt \"Đơn vị học tập\""),
                    RateIndicator("3.7", 3, ComputedInputKeys.CommuneAdultsCitizenLearningRate, 40,
                        "Từ 40 % người lớn trở lên đạt \"Công dân học tập\""),
                ],
            },
        ],
        Rules = new() { MinimumLevel = 1 },
    }, "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7");
}
