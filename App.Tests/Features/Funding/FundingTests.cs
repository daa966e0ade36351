using FluentValidation;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Seeding;
using HocTapSuotDoi.Tests.Features.Emulation;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Funding;

// Budget lines and the khuyến học fund on the demo commune (demo money for 2025 and 2026 written by DemoFundingSeeder).
// Each test works on its own year and source, so the class's tests share one app in any order.
public sealed class FundingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<T> AsAsync<T>(string email, Func<FundingService, Task<T>> action)
    {
        await using var scope = await app.AsUserAsync(email);
        return await action(scope.ServiceProvider.GetRequiredService<FundingService>());
    }

    private static FundEntryForm Entry(FundEntryKind kind, FundingSource source, DateTime date, long amount, string party = "Em Đinh Văn Tú") => new()
    {
        Kind = kind, Year = date.Year, Date = date,
        Details = new()
        {
            Purpose = kind == FundEntryKind.Receipt ? FundPurpose.Receipt : FundPurpose.Scholarship, Source = source,
            Party = party, Content = kind == FundEntryKind.Receipt ? "Tài trợ Quỹ khuyến học" : "Học bổng học kỳ I", Amount = amount,
        },
    };

    private Task<int> SaveAsync(string email, FundEntryForm form) => AsAsync(email, f => f.SaveEntryAsync(form));

    private async Task<SourceBalance> BalanceAsync(int year, FundingSource source) =>
        (await AsAsync("xem@camtan.vn", f => f.BalancesAsync(year))).Sources.Single(s => s.Source == source);

    [Fact]
    public void Money_is_shown_in_whole_dong_the_Vietnamese_way() =>
        Assert.Equal(["1.250.000 đ", "0 đ", "-500 đ"], new[] { Money.Format(1_250_000), Money.Format(0), Money.Format(-500) });

    [Fact]
    public async Task A_payment_lowers_the_balance_and_a_payment_above_the_balance_is_refused()
    {
        await SaveAsync(DemoFundingSeeder.AccountantEmail, Entry(FundEntryKind.Receipt, FundingSource.Programme, new DateTime(2028, 2, 10), 5_000_000, "Dự án Học tập cộng đồng"));
        await SaveAsync(DemoFundingSeeder.AccountantEmail, Entry(FundEntryKind.Payment, FundingSource.Programme, new DateTime(2028, 3, 1), 1_250_000));

        var balance = await BalanceAsync(2028, FundingSource.Programme);
        Assert.Equal((0L, 5_000_000L, 1_250_000L, 3_750_000L), (balance.FundOpening, balance.FundReceipts, balance.FundPayments, balance.FundClosing));

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            SaveAsync(DemoFundingSeeder.AccountantEmail, Entry(FundEntryKind.Payment, FundingSource.Programme, new DateTime(2028, 3, 2), 4_000_000)));
        Assert.Equal("Số chi vượt số dư quỹ nguồn “Chương trình, đề án” ngày 02/03/2028: có 3.750.000 đ, chi 4.000.000 đ.", ex.Message);
        // A payment dated before the money came in is refused too, and nothing of a refused save remains.
        await Assert.ThrowsAsync<ValidationException>(() =>
            SaveAsync(DemoFundingSeeder.AccountantEmail, Entry(FundEntryKind.Payment, FundingSource.Programme, new DateTime(2028, 1, 5), 100_000)));
        Assert.Equal(3_750_000L, (await BalanceAsync(2028, FundingSource.Programme)).FundClosing);
        Assert.Equal(3_750_000L, (await BalanceAsync(2029, FundingSource.Programme)).FundOpening);
    }

    [Fact]
    public async Task Deleting_a_receipt_that_later_payments_spent_is_refused()
    {
        var receipt = await SaveAsync("admin@camtan.vn", Entry(FundEntryKind.Receipt, FundingSource.Programme, new DateTime(2030, 1, 10), 2_000_000, "Dự án Sách cho em"));
        await SaveAsync("admin@camtan.vn", Entry(FundEntryKind.Payment, FundingSource.Programme, new DateTime(2030, 2, 10), 1_500_000));
        await Assert.ThrowsAsync<ValidationException>(() => AsAsync("admin@camtan.vn", async f => { await f.DeleteEntryAsync(receipt); return 0; }));
        Assert.Equal(500_000L, (await BalanceAsync(2030, FundingSource.Programme)).FundClosing - (await BalanceAsync(2030, FundingSource.Programme)).FundOpening);
    }

    [Fact]
    public async Task Amounts_and_dates_are_checked_with_Vietnamese_messages()
    {
        var form = Entry(FundEntryKind.Payment, FundingSource.Sponsorship, new DateTime(2025, 12, 31), 0);
        form.Year = 2026;
        form.Details.Party = "";
        var ex = await Assert.ThrowsAsync<ValidationException>(() => SaveAsync(DemoFundingSeeder.AccountantEmail, form));
        Assert.Equal(["Ngày thu, chi phải trong năm 2026.", "Hãy ghi người nhận.", "Số tiền phải lớn hơn 0 đồng."], ex.Errors.Select(e => e.ErrorMessage));

        var budget = new BudgetLineForm { Year = 2031, Source = FundingSource.StateBudget, Content = "", Estimate = 0, Spent = -1 };
        var budgetEx = await Assert.ThrowsAsync<ValidationException>(() => AsAsync(DemoFundingSeeder.AccountantEmail, f => f.SaveBudgetAsync(budget)));
        Assert.Equal(["Năm phải trong giai đoạn 2023–2030 của Kế hoạch.", "Hãy ghi nội dung khoản kinh phí.", "Số dự toán phải lớn hơn 0 đồng.", "Số đã chi không được âm."],
            budgetEx.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public async Task Only_administrators_and_accountants_change_money_records_viewers_read_and_every_change_is_audited()
    {
        var line = new BudgetLineForm { Year = 2027, Source = FundingSource.StateBudget, Content = "Kinh phí tập huấn cán bộ khuyến học", Estimate = 12_000_000, Spent = 0 };
        foreach (var reader in new[] { "xem@camtan.vn", "bcd@camtan.vn" })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(reader, f => f.SaveBudgetAsync(line)));
            Assert.Equal(MoneyAccess.ReadOnlyMessage, refused.Message);
            await Assert.ThrowsAsync<ForbiddenException>(() => SaveAsync(reader, Entry(FundEntryKind.Receipt, FundingSource.StateBudget, new DateTime(2027, 5, 1), 1_000_000)));
            Assert.False(await AsAsync(reader, f => f.CanEditAsync()));
            Assert.NotEmpty(await AsAsync(reader, f => f.FundAsync(2026)));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("donvi@camtan.vn", f => f.FundAsync(2026)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync("canbo@camtan.vn", f => f.BalancesAsync(2026)));

        Assert.True(await AsAsync(DemoFundingSeeder.AccountantEmail, f => f.CanEditAsync()));
        var id = await AsAsync(DemoFundingSeeder.AccountantEmail, f => f.SaveBudgetAsync(line));
        var saved = (await AsAsync("xem@camtan.vn", f => f.BudgetAsync(2027))).Single(b => b.Id == id);
        var edit = FundingService.FormFor(saved);
        edit.Spent = 4_500_000;
        await AsAsync("admin@camtan.vn", f => f.SaveBudgetAsync(edit));

        await using var db = await app.DbAsync();
        var log = await db.ChangeLogs.Where(c => c.EntityType == nameof(BudgetLine) && c.EntityId == id.ToString()).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([("Thêm", DemoFundingSeeder.AccountantEmail), ("Sửa", "admin@camtan.vn")], log.Select(c => (c.Action, c.By)));
        Assert.Contains("Spent: 0 → 4500000", log[1].Changes);
        Assert.Equal(7_500_000L, (await BalanceAsync(2027, FundingSource.StateBudget)).BudgetLeft);
    }

    [Fact]
    public async Task The_funding_summary_adds_up_the_demo_years_for_the_phase_report()
    {
        await using var db = await app.DbAsync();
        var commune = await db.Communes.Select(c => c.Id).SingleAsync();
        var summary = await app.Services.GetRequiredService<FundingSummaryService>().SummaryAsync(commune, 2025, 2026);

        Assert.Equal(112_000_000L + 134_400_000L, summary.Estimate);
        Assert.Equal(38_500_000L + 46_200_000L, summary.FundReceipts);
        Assert.Equal(9_500_000L + 11_400_000L, summary.FundPayments);
        Assert.Equal(63_800_000L, summary.FundBalanceAtEnd);
        var scholarships = summary.Payments.Single(p => p.Purpose == FundPurpose.Scholarship);
        Assert.Equal(("Học bổng", 4, 8_800_000L), (scholarships.PurposeName, scholarships.Count, scholarships.Amount));
    }

    [Fact]
    public async Task An_administrator_grants_and_revokes_the_accounting_permission_in_the_user_dialog_and_it_applies_at_once()
    {
        const string email = "thuquy@camtan.vn";
        var line = new BudgetLineForm { Year = 2029, Source = FundingSource.Sponsorship, Content = "Tài trợ tủ sách thôn", Estimate = 3_000_000 };
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            await admin.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Users.UserService>().CreateAsync(new HocTapSuotDoi.Features.Users.UserForm
            {
                Email = email, FullName = "Vũ Thị Thủ Quỹ", Role = Roles.Viewer, ScopeKind = HocTapSuotDoi.Data.ScopeKind.Commune, IsAccountant = true,
                GeneratePassword = false, Password = "Thu-quy-xa-2026",
            });
        }
        await AsAsync(email, f => f.SaveBudgetAsync(line));

        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var users = admin.ServiceProvider.GetRequiredService<HocTapSuotDoi.Features.Users.UserService>();
            var id = (await users.ListAsync()).Single(u => u.Email == email).Id;
            var form = await users.GetForEditAsync(id);
            Assert.True(form.IsAccountant);
            form.IsAccountant = false;
            await users.UpdateAsync(form);
        }
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(email, f => f.SaveBudgetAsync(line)));
        Assert.Equal(MoneyAccess.ReadOnlyMessage, refused.Message);
        Assert.Single(await AsAsync(email, f => f.BudgetAsync(2029)));
    }
}
