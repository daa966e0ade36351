using System.Security.Claims;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Setup;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Seeding;

// Demo money and stories for Cẩm Tân, written through the real services as a signed-in user would (so every rule,
// the fund's balance check and the change log apply): an accountant account (Xem + Kế toán), budget lines and fund
// receipts and payments for 2025 and 2026, three exemplary stories. Runs once: nothing is added when budget lines exist.
public sealed class DemoFundingSeeder(IServiceProvider services, AppSettings settings, TimeProvider clock)
{
    public const string AccountantEmail = "ketoan@camtan.vn";

    public async Task SeedAsync(Commune commune)
    {
        await EnsureAccountantAsync(commune);
        await using (var check = services.CreateAsyncScope())
        {
            var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Set<BudgetLine>().AnyAsync(b => b.CommuneId == commune.Id))
            {
                return;
            }
        }
        await using (var scope = await AsUserAsync(AccountantEmail))
        {
            var funding = scope.ServiceProvider.GetRequiredService<FundingService>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var villages = await db.Villages.Where(v => v.CommuneId == commune.Id)
                .OrderBy(v => v.SortOrder).Select(v => (int?)v.Id).Take(4).ToListAsync();
            int? Village(int i) => i < villages.Count ? villages[i] : null;
            // Givers that are rows of the register, so that the award round's hints show their contributions: the
            // garment company among the commune's units, and one household of the first village.
            var sponsor = await db.Units.Where(u => u.CommuneId == commune.Id && u.Code == "CT-MAY").Select(u => new { u.Id, u.Name }).FirstOrDefaultAsync();
            var firstVillage = Village(0);
            var giver = await db.Households.Where(h => h.CommuneId == commune.Id && h.VillageId == firstVillage)
                .OrderBy(h => h.Code).Select(h => new { h.Id, h.HeadName }).FirstOrDefaultAsync();
            var learners = new HashSet<int>();
            foreach (var (year, factor) in new[] { (2025, 1.0), (2026, 1.2) })
            {
                long M(double millions) => (long)Math.Round(millions * factor * 10) * 100_000;
                await funding.SaveBudgetAsync(new BudgetLineForm { Year = year, Source = FundingSource.StateBudget, Content = "Kinh phí hoạt động của Ban chỉ đạo xây dựng xã hội học tập", Estimate = M(30), Spent = M(21.5) });
                await funding.SaveBudgetAsync(new BudgetLineForm { Year = year, Source = FundingSource.Programme, Content = "Chương trình mục tiêu quốc gia xây dựng nông thôn mới – nội dung giáo dục, học tập", Estimate = M(45), Spent = M(38) });
                await funding.SaveBudgetAsync(new BudgetLineForm { Year = year, Source = FundingSource.Sponsorship, Content = "Tài trợ của doanh nghiệp cho hoạt động khuyến học", Estimate = M(25), Spent = M(20) });
                await funding.SaveBudgetAsync(new BudgetLineForm { Year = year, Source = FundingSource.Contribution, Content = "Đóng góp của hội viên và nhân dân cho Quỹ khuyến học", Estimate = M(12), Spent = M(7.5) });

                async Task Entry(FundEntryKind kind, FundPurpose purpose, FundingSource source, int month, int day, string party, string content, long amount, string voucher,
                    int? village = null, int? household = null, int? unit = null, int? person = null) =>
                    await funding.SaveEntryAsync(new FundEntryForm
                    {
                        Kind = kind, Year = year, Date = new DateTime(year, month, day),
                        Details = new() { Purpose = purpose, Source = source, Party = party, Content = content, Amount = amount, VoucherNumber = voucher },
                        VillageId = village, HouseholdId = household, UnitId = unit, PersonId = person,
                    });
                var r = FundEntryKind.Receipt;
                var p = FundEntryKind.Payment;
                await Entry(r, FundPurpose.Receipt, FundingSource.Sponsorship, 1, 15, sponsor?.Name ?? "Công ty TNHH May mặc Tân Phong", "Tài trợ Quỹ khuyến học đầu năm", M(20), $"PT01/{year}",
                    unit: sponsor?.Id);
                await Entry(r, FundPurpose.Receipt, FundingSource.Contribution, 3, 10, "Chi hội Khuyến học các thôn", "Hội viên đóng góp Quỹ khuyến học", M(7.5), $"PT02/{year}");
                // Without a register (demo data without households) the villages' branches give it.
                await Entry(r, FundPurpose.Receipt, FundingSource.Contribution, 3, 12, giver is null ? "Chi hội Khuyến học các thôn" : $"Hộ {giver.HeadName}",
                    giver is null ? "Hội viên đóng góp Quỹ khuyến học (đợt 2)" : "Gia đình ủng hộ Quỹ khuyến học của thôn", M(1), $"PT03/{year}", household: giver?.Id);
                await Entry(r, FundPurpose.Receipt, FundingSource.StateBudget, 4, 2, "Ủy ban nhân dân xã Cẩm Tân", "Ngân sách xã hỗ trợ Quỹ khuyến học", M(10), $"PT04/{year}");
                // The learners are pupils of the register where there is one (their household's page then shows the
                // money): of school age in that year, in the villages named; the names stand in without a register.
                async Task Learner(FundPurpose purpose, FundingSource source, int month, int day, string fallback, string content, long amount, string voucher,
                    int villageIndex, int fromAge, int toAge)
                {
                    var village = Village(villageIndex);
                    var pupil = await db.People.Where(x => x.Household!.VillageId == village && x.Status == PersonStatus.Living
                            && x.BirthYear >= year - toAge && x.BirthYear <= year - fromAge && !learners.Contains(x.Id))
                        .OrderBy(x => x.Household!.Code).ThenBy(x => x.Id).Select(x => new { x.Id, x.FullName }).FirstOrDefaultAsync();
                    if (pupil is null)
                    {
                        await Entry(p, purpose, source, month, day, fallback, content, amount, voucher, village);
                        return;
                    }
                    learners.Add(pupil.Id);
                    await Entry(p, purpose, source, month, day, $"Em {pupil.FullName}", content, amount, voucher, person: pupil.Id);
                }
                await Learner(FundPurpose.Scholarship, FundingSource.Sponsorship, 9, 5, "Em Nguyễn Thị Mai", "Học bổng “Vượt khó học tốt” năm học mới", M(2), $"PC01/{year}", 0, 7, 17);
                await Learner(FundPurpose.Scholarship, FundingSource.Sponsorship, 9, 5, "Em Lê Văn Hùng", "Học bổng “Vượt khó học tốt” năm học mới", M(2), $"PC02/{year}", 1, 7, 17);
                await Learner(FundPurpose.Award, FundingSource.Contribution, 6, 1, "Em Trần Minh Khang", "Khen thưởng học sinh giỏi cấp tỉnh", M(1), $"PC03/{year}", 2, 11, 17);
                await Learner(FundPurpose.Award, FundingSource.Contribution, 6, 1, "Em Phạm Thu Hà", "Khen thưởng thủ khoa kỳ thi tốt nghiệp trung học phổ thông của xã", M(1.5), $"PC04/{year}", 3, 18, 18);
                await Entry(p, FundPurpose.LearnerSupport, FundingSource.StateBudget, 8, 20, "Lớp xóa mù chữ thôn Tân Hòa", "Hỗ trợ sách vở, đồ dùng học tập cho học viên", M(3), $"PC05/{year}");
            }
        }
        await using (var scope = await AsUserAsync("bcd@camtan.vn"))
        {
            var stories = scope.ServiceProvider.GetRequiredService<ExemplaryService>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var village = await db.Villages.Where(v => v.CommuneId == commune.Id).OrderBy(v => v.SortOrder).Select(v => (int?)v.Id).FirstOrDefaultAsync();
            var school = await db.Units.Where(u => u.CommuneId == commune.Id && u.Code == "THCS").Select(u => (int?)u.Id).FirstOrDefaultAsync();
            var year = Math.Clamp(VnTime.Today(clock).Year, 2023, 2030);
            // A woman and a household of the first village's register where there is one; the names stand in without it.
            var elder = await db.People.Where(x => x.Household!.VillageId == village && x.Status == PersonStatus.Living && x.Sex == Sex.Female
                    && x.BirthYear >= year - 72 && x.BirthYear <= year - 64)
                .OrderBy(x => x.Household!.Code).ThenBy(x => x.Id).Select(x => new { x.Id, x.FullName, x.BirthYear }).FirstOrDefaultAsync();
            var family = await db.People.Where(x => x.Household!.VillageId == village && x.Status == PersonStatus.Living && x.Sex == Sex.Male
                    && x.Relation == Relation.Head && x.Household.Status == HouseholdStatus.Resident && x.BirthYear <= year - 45)
                .OrderByDescending(x => x.Household!.Code).Select(x => new { x.HouseholdId, x.FullName }).FirstOrDefaultAsync();
            var (elderName, elderAge) = elder is null ? ("Hoàng Thị Lụa", 68) : (elder.FullName, year - elder.BirthYear!.Value);
            var father = family?.FullName ?? "Lê Văn Thành";
            await stories.SaveAsync(new ExemplaryForm
            {
                Year = year, VillageId = village, RegisterRowId = elder?.Id,
                Content = new()
                {
                    Kind = ExemplaryKind.Person, Name = $"Bà {elderName}",
                    Title = $"{elderAge} tuổi học xong lớp bổ túc, làm hướng dẫn viên lớp biết chữ của thôn",
                    Story = $"Bà {GivenName(elderName)} đi học lại lớp bổ túc văn hóa khi đã nghỉ hưu, rồi tình nguyện kèm chữ cho 12 học viên lớn tuổi của thôn mỗi tối thứ ba và thứ năm.",
                },
            });
            await stories.SaveAsync(new ExemplaryForm
            {
                Year = year, VillageId = village, RegisterRowId = family?.HouseholdId,
                Content = new()
                {
                    Kind = ExemplaryKind.Household, Name = $"Gia đình ông {father}",
                    Title = "Ba thế hệ cùng học: tủ sách gia đình mở cho cả xóm",
                    Story = $"Gia đình có tủ sách hơn 400 cuốn cho bà con mượn; hai con đỗ đại học, ông {GivenName(father)} học xong lớp kỹ thuật trồng cây ăn quả của Trung tâm học tập cộng đồng.",
                },
            });
            if (school is not null)
            {
                await stories.SaveAsync(new ExemplaryForm
                {
                    Year = year, RegisterRowId = school,
                    Content = new()
                    {
                        Kind = ExemplaryKind.Unit, Name = "Trường THCS Cẩm Tân", Title = "Đơn vị học tập tiêu biểu: 100 % giáo viên học bồi dưỡng chuyển đổi số",
                        Story = "Nhà trường tổ chức chuyên đề tự học hằng tháng, chia sẻ bài giảng số cho các trường trong huyện.",
                    },
                });
            }
        }
    }

    private static string GivenName(string fullName) => fullName[(fullName.LastIndexOf(' ') + 1)..];

    private async Task EnsureAccountantAsync(Commune commune)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(AccountantEmail) is not null)
        {
            return;
        }
        var user = new AppUser
        {
            UserName = AccountantEmail, Email = AccountantEmail, EmailConfirmed = true, FullName = "Đỗ Thị Thu", CommuneId = commune.Id,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, ScopeKind = ScopeKind.Commune,
        };
        var result = await users.CreateAsync(user, settings.DemoData.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Viewer);
        await users.AddClaimAsync(user, new Claim(Permissions.ClaimType, Permissions.Accounting));
    }

    // A scope whose authentication state is the user's, as in a circuit: the services check this user.
    private async Task<AsyncServiceScope> AsUserAsync(string email)
    {
        var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
