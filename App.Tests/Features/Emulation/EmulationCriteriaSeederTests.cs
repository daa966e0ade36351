using HocTapSuotDoi.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Tests.Features.Emulation;

// The criteria of the plan's section III.1, seeded at start-up (migrations applied by the real app start).
public sealed class EmulationCriteriaSeederTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_participant_kind_has_the_plans_criteria_and_seeding_again_changes_nothing()
    {
        await using var db = await app.DbAsync();
        var lists = await db.Set<EmulationCriteriaList>().AsNoTracking().Include(l => l.Criteria).ToListAsync();
        Assert.Equal(Enum.GetValues<ParticipantKind>().OrderBy(k => k), lists.Select(l => l.Kind).OrderBy(k => k));
        Assert.All(lists, l => Assert.Equal((1, true), (l.VersionNumber, l.IsCurrent)));

        var village = lists.Single(l => l.Kind == ParticipantKind.Villages);
        Assert.Equal("Tiêu chí thi đua – Các thôn", village.Name);
        Assert.EndsWith("mục III.1.4", village.Source);
        Assert.Equal(
            ["Thực hiện đầy đủ các chính sách thúc đẩy học tập suốt đời, xây dựng xã hội học tập do tỉnh và huyện, xã ban hành. Thực hiện tốt công tác tuyên truyền nâng cao nhận thức cho cộng đồng về học tập suốt đời, xây dựng xã hội học tập.",
             "Có nhiều sáng kiến, giải pháp hiệu quả trong triển khai thực hiện Phong trào thi đua.",
             "Được công nhận “Cộng đồng học tập” theo tiêu chí do Bộ Giáo dục và Đào tạo ban hành."],
            village.Criteria.OrderBy(c => c.Position).Select(c => c.Text));
        Assert.Equal(5, lists.Single(l => l.Kind == ParticipantKind.DepartmentsAndUnits).Criteria.Count);
        Assert.Equal(4, lists.Single(l => l.Kind == ParticipantKind.Enterprises).Criteria.Count);
        Assert.Contains(lists.Single(l => l.Kind == ParticipantKind.Individuals).Criteria, c => c.Text.StartsWith("Được công nhận danh hiệu “Công dân học tập”"));
        Assert.DoesNotContain(lists.SelectMany(l => l.Criteria), c => c.Text.Contains("đơn vị t được"));

        var before = await db.ChangeLogs.CountAsync();
        await new EmulationCriteriaSeeder(db).SeedAsync();
        await new EmulationCriteriaSeeder(db).SeedAsync();

        Assert.Equal(lists.Count, await db.Set<EmulationCriteriaList>().CountAsync());
        Assert.Equal(lists.Sum(l => l.Criteria.Count), await db.Set<EmulationCriterion>().CountAsync());
        Assert.Equal(before, await db.ChangeLogs.CountAsync());
    }
}
