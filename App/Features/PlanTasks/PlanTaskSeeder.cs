namespace HocTapSuotDoi.Features.PlanTasks;

// The tasks of the plan's section VII, per responsible body, in the plan's words. Tasks tied to the two reviews get
// their year's last day as due date (sơ kết 2025, tổng kết 2030); standing tasks have none, and the yearly reports of
// VII.9 are followed by the reporting deadlines. Idempotent: a commune's task is added once, by its key.
public sealed class PlanTaskSeeder(AppDbContext db)
{
    private static readonly DateOnly MidTermReview = new(2025, 12, 31);
    private static readonly DateOnly FinalReview = new(2030, 12, 31);

    public static readonly IReadOnlyList<(string Key, ResponsibleBody Body, string Section, string Title, DateOnly? Due)> Plan =
    [
        ("vii1-ban-nganh", ResponsibleBody.Departments, "VII.1", "Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch cụ thể tổ chức Phong trào thi đua về công tác khuyến học, khuyến tài, xây dựng xã hội học tập phù hợp với từng lĩnh vực của đời sống xã hội, tạo điều kiện thuận lợi cho đội ngũ cán bộ, công chức, viên chức và người lao động trong đơn vị được học tập suốt đời.", null),
        ("vii1-thon", ResponsibleBody.Villages, "VII.1", "Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch cụ thể tổ chức Phong trào thi đua về công tác khuyến học, khuyến tài, xây dựng xã hội học tập; hướng dẫn, triển khai, tăng cường kiểm tra, đôn đốc việc thực hiện bảo đảm nội dung, chất lượng, tiến độ.", null),
        ("vii2-tieu-chi", ResponsibleBody.SteeringCommittee, "VII.2", "Chủ trì, phối hợp với Hội Khuyến học tham mưu hướng dẫn, triển khai bộ tiêu chí công nhận danh hiệu “Cộng đồng học tập” cấp xã, huyện, tỉnh, “Đơn vị học tập”, “Gia đình học tập”, “Dòng họ học tập” và “Công dân học tập”; bộ tiêu chí đánh giá việc thực hiện xây dựng xã hội học tập theo Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ.", null),
        ("vii2-don-doc", ResponsibleBody.SteeringCommittee, "VII.2", "Chủ trì, phối hợp với Hội khuyến học triển khai, đôn đốc việc tổ chức thực hiện Kế hoạch, báo cáo Chủ tịch UBND xã.", null),
        ("vii2-so-ket", ResponsibleBody.SteeringCommittee, "VII.2", "Phối hợp với các ban ngành, đoàn thể, các cơ quan, đơn vị có liên quan hướng dẫn khen thưởng, sơ kết, tổng kết, đánh giá Phong trào thi đua; tổng hợp lựa chọn, đề xuất khen thưởng đối với các tập thể, cá nhân, gia đình có thành tích xuất sắc (sơ kết giai đoạn 2023 - 2025).", MidTermReview),
        ("vii2-tong-ket", ResponsibleBody.SteeringCommittee, "VII.2", "Phối hợp với các ban ngành, đoàn thể, các cơ quan, đơn vị có liên quan hướng dẫn khen thưởng, sơ kết, tổng kết, đánh giá Phong trào thi đua; tổng hợp lựa chọn, đề xuất khen thưởng đối với các tập thể, cá nhân, gia đình có thành tích xuất sắc (tổng kết giai đoạn 2023 - 2030).", FinalReview),
        ("vii3-so-ket", ResponsibleBody.EmulationCouncil, "VII.3", "Chủ trì, phối hợp với Ban chỉ đạo xây dựng xã hội học tập hướng dẫn khen thưởng sơ kết, đánh giá Phong trào thi đua (giai đoạn 2023 - 2025).", MidTermReview),
        ("vii3-tong-ket", ResponsibleBody.EmulationCouncil, "VII.3", "Chủ trì, phối hợp với Ban chỉ đạo xây dựng xã hội học tập hướng dẫn khen thưởng tổng kết, đánh giá Phong trào thi đua (giai đoạn 2023 - 2030).", FinalReview),
        ("vii4-kinh-phi", ResponsibleBody.Accounting, "VII.4", "Căn cứ Kế hoạch được phê duyệt và đề xuất của các cơ quan, đơn vị, tham mưu trình cấp có thẩm quyền bố trí kinh phí thực hiện các nhiệm vụ phù hợp khả năng cân đối ngân sách của địa phương.", null),
        ("vii4-quyet-toan", ResponsibleBody.Accounting, "VII.4", "Quyết toán nguồn kinh phí theo quy định của Luật ngân sách nhà nước và các quy định có liên quan.", null),
        ("vii5-tuyen-truyen", ResponsibleBody.CultureOfficer, "VII.5", "Đẩy mạnh công tác thông tin, tuyên truyền nâng cao nhận thức, trách nhiệm của các ban ngành, đoàn thể và các tầng lớp nhân dân về tầm quan trọng của công tác khuyến học, khuyến tài, xây dựng xã hội học tập.", null),
        ("vii5-dien-hinh", ResponsibleBody.CultureOfficer, "VII.5", "Tuyên truyền, giới thiệu gương điển hình tiên tiến, mô hình hay, cách làm sáng tạo, hiệu quả trong thực hiện Phong trào thi đua.", null),
        ("vii6-khuyen-hoc", ResponsibleBody.StudyPromotionAssociation, "VII.6", "Chủ trì tổ chức triển khai thi đua thực hiện các mục tiêu, nhiệm vụ liên quan đến công tác khuyến học, khuyến tài, xây dựng xã hội học tập trong hệ thống tổ chức khuyến học.", null),
        ("vii7-van-dong", ResponsibleBody.FatherlandFront, "VII.7", "Vận động các tổ chức chính trị - xã hội, xã hội nghề nghiệp và tổ chức xã hội, các đoàn thể, cộng đồng doanh nghiệp và mọi tầng lớp nhân dân tham gia hưởng ứng Phong trào thi đua.", null),
        ("vii8-danh-gia", ResponsibleBody.SteeringCommittee, "VII.8", "Chủ trì triển khai theo tiêu chí, các nội dung của Phong trào thi đua và tổ chức triển khai, đánh giá Phong trào thi đua hàng năm.", null),
        ("vii8-nguon-luc", ResponsibleBody.SteeringCommittee, "VII.8", "Chủ động chuẩn bị đầy đủ các điều kiện về nhân lực, vật lực, các điều kiện cần thiết khác để triển khai thực hiện Phong trào thi đua; huy động các tổ chức, cá nhân tích cực tham gia, đóng góp trí tuệ, công sức để xây dựng xã hội học tập.", null),
        ("vii9-bao-cao-ban-nganh", ResponsibleBody.Departments, "VII.9", "Trước ngày 30 tháng 11 hàng năm, báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Ban chỉ đạo xây dựng xã hội học tập (theo dõi ở mục Hạn báo cáo).", null),
        ("vii9-bao-cao-thon", ResponsibleBody.Villages, "VII.9", "Trước ngày 30 tháng 11 hàng năm, báo cáo tình hình tổ chức thực hiện Phong trào thi đua về Ban chỉ đạo xây dựng xã hội học tập (theo dõi ở mục Hạn báo cáo).", null),
        ("vii9-bao-cao-cap-tren", ResponsibleBody.SteeringCommittee, "VII.9", "Tổng hợp báo cáo của các ban ngành, đoàn thể, cơ quan, đơn vị và báo cáo cấp trên trước ngày 05 tháng 12 hằng năm.", null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var communeId in await db.Communes.Select(c => c.Id).ToListAsync(ct))
        {
            var existing = await db.Set<PlanTask>().Where(t => t.CommuneId == communeId && t.DefaultKey != null).Select(t => t.DefaultKey!).ToListAsync(ct);
            foreach (var task in Plan.Where(p => !existing.Contains(p.Key)))
            {
                db.Add(new PlanTask
                {
                    CommuneId = communeId, DefaultKey = task.Key, Body = task.Body, PlanSection = task.Section, Title = task.Title,
                    Owner = PlanTaskTexts.Body(task.Body), DueDate = task.Due,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
