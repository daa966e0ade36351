namespace HocTapSuotDoi.Features.Emulation;

// The criteria of the commune plan (Kế hoạch của UBND xã Cẩm Tân, 2024, mục III.1), word for word except an evident
// typo ("đơn vị t được") and two items the plan ran into one line. Idempotent: a kind that has any list is left alone,
// so an administrator's edits survive every restart.
public sealed class EmulationCriteriaSeeder(AppDbContext db)
{
    public const string PlanSource = "Kế hoạch triển khai Phong trào thi đua của UBND xã Cẩm Tân (2024), mục III.1";

    public static readonly IReadOnlyList<(ParticipantKind Kind, string Section, string[] Criteria)> Plan =
    [
        (ParticipantKind.Commune, "1.1",
        [
            "Thực hiện đầy đủ các chính sách thúc đẩy khuyến học, khuyến tài, học tập suốt đời, xây dựng xã hội học tập tỉnh, huyện ban hành. Thực hiện tốt công tác tuyên truyền nâng cao nhận thức cho cộng đồng về học tập suốt đời, xây dựng xã hội học tập.",
            "Có những sáng kiến, giải pháp, biện pháp hiệu quả trong triển khai thực hiện Phong trào thi đua.",
            "Các tổ chức, đơn vị được công nhận “Đơn vị học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành.",
            "Được công nhận “Cộng đồng học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành.",
        ]),
        (ParticipantKind.DepartmentsAndUnits, "1.2",
        [
            "Kịp thời tham mưu cho UBND hoàn thiện các cơ chế, chính sách thúc đẩy học tập suốt đời, xây dựng xã hội học tập phù hợp với đặc thù của xã.",
            "Quan tâm đầu tư các nguồn lực, bao gồm tài chính, cơ sở vật chất, trang thiết bị và những điều kiện bảo đảm để đáp ứng nhu cầu học tập của công chức, viên chức, người lao động trong cơ quan, đơn vị.",
            "Tổ chức các phong trào thi đua thiết thực, hiệu quả với nội dung, hình thức phong phú, đa dạng để tuyên truyền, phổ biến nâng cao nhận thức cho cán bộ, công chức, viên chức, người lao động trong cơ quan, đơn vị về học tập suốt đời, xây dựng xã hội học tập trong nền kinh tế số, xã hội số, cơ quan số; củng cố và hình thành thói quen chủ động, tự giác học tập, cập nhật kiến thức trên môi trường công nghệ với phương châm lấy tự học là chính.",
            "Có kế hoạch đào tạo, bồi dưỡng cho mọi đối tượng thuộc quyền quản lý; cung ứng các dịch vụ học tập cho mọi tầng lớp nhân dân, các chương trình và tài liệu học tập theo chức năng, nhiệm vụ của cơ quan, đơn vị.",
            "Được công nhận “Đơn vị học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành.",
        ]),
        (ParticipantKind.FrontAndOrganisations, "1.3",
        [
            "Tích cực tuyên truyền, vận động hội viên, đoàn viên, người dân thực hiện Phong trào thi đua, tạo sự đồng thuận, lan tỏa trong xã hội về xây dựng xã hội học tập, học tập suốt đời.",
            "Triển khai có hiệu quả các giải pháp huy động đoàn viên, hội viên tham gia công tác khuyến học, khuyến tài; tham gia chuyển giao công nghệ, học tập ngoại ngữ, hỗ trợ hoạt động khởi nghiệp, phổ biến kiến thức cho người dân.",
        ]),
        (ParticipantKind.Villages, "1.4",
        [
            "Thực hiện đầy đủ các chính sách thúc đẩy học tập suốt đời, xây dựng xã hội học tập do tỉnh và huyện, xã ban hành. Thực hiện tốt công tác tuyên truyền nâng cao nhận thức cho cộng đồng về học tập suốt đời, xây dựng xã hội học tập.",
            "Có nhiều sáng kiến, giải pháp hiệu quả trong triển khai thực hiện Phong trào thi đua.",
            "Được công nhận “Cộng đồng học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành.",
        ]),
        (ParticipantKind.HouseholdsAndClans, "1.5",
        [
            "Đạt danh hiệu “Gia đình học tập” và “Dòng họ học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo phối hợp với Hội Khuyến học Việt Nam ban hành.",
            "Có nhiều đóng góp về công sức, trí tuệ, vật chất xây dựng thôn trở thành “Cộng đồng học tập”.",
        ]),
        (ParticipantKind.Enterprises, "1.6",
        [
            "Có những đóng góp cụ thể, thiết thực trong công tác xây dựng xã hội học tập và được cấp có thẩm quyền ghi nhận.",
            "Ban hành quy định cụ thể về việc học tập, bồi dưỡng thường xuyên cho công chức, viên chức và người lao động trong cơ quan, đơn vị.",
            "Có chế độ, chính sách hỗ trợ, tạo điều kiện cho cán bộ, công chức, kỹ sư, chuyên gia, nhân viên và công nhân kỹ thuật học tập nâng cao trình độ.",
            "Các tổ chức trong doanh nghiệp được công nhận “Đơn vị học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành.",
        ]),
        (ParticipantKind.Individuals, "1.7",
        [
            "Được công nhận danh hiệu “Công dân học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo phối hợp với Hội Khuyến học Việt Nam ban hành.",
            "Có nhiều đóng góp về công sức, trí tuệ, vật chất xây dựng xã hội học tập ở địa phương, cơ quan, đơn vị.",
        ]),
    ];

    public static string DefaultName(ParticipantKind kind) => $"Tiêu chí thi đua – {kind.DisplayName()}";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var seeded = await db.Set<EmulationCriteriaList>().Select(l => l.Kind).Distinct().ToListAsync(ct);
        foreach (var (kind, section, criteria) in Plan.Where(p => !seeded.Contains(p.Kind)))
        {
            db.Add(new EmulationCriteriaList
            {
                Kind = kind, Name = DefaultName(kind), Source = $"{PlanSource}.{section[2..]}",
                Criteria = criteria.Select((text, i) => new EmulationCriterion { Position = i + 1, Text = text }).ToList(),
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
