using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Security;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Funding;

public sealed record BudgetLineRow(int Id, int Version, int Year, FundingSource Source, string Content, long Estimate, long Spent, string Note);

public sealed record FundEntryRow(int Id, int Version, FundEntryKind Kind, FundPurpose Purpose, FundingSource Source, DateOnly Date, int Year,
    string Party, string Content, long Amount, string VoucherNumber, int? PersonId, int? VillageId, string? VillageName);

// One source's money in a year: the budget (dự toán, đã chi) and the khuyến học fund (đầu năm, thu, chi, cuối năm).
public sealed record SourceBalance(FundingSource Source, long Estimate, long Spent, long FundOpening, long FundReceipts, long FundPayments)
{
    public long BudgetLeft => Estimate - Spent;
    public long FundClosing => FundOpening + FundReceipts - FundPayments;
}

public sealed record YearBalances(int Year, IReadOnlyList<SourceBalance> Sources)
{
    public SourceBalance Total => new((FundingSource)0, Sources.Sum(s => s.Estimate), Sources.Sum(s => s.Spent), Sources.Sum(s => s.FundOpening),
        Sources.Sum(s => s.FundReceipts), Sources.Sum(s => s.FundPayments));
}

// Budget lines per year and source, and the khuyến học fund's receipts and payments. Every change is audited by the
// change log (AuditedEntity). Rule kept on every save and delete: a source's fund balance never goes below 0 on any day.
public sealed class FundingService(
    IDbContextFactory<AppDbContext> dbFactory,
    MoneyAccess access,
    IValidator<BudgetLineForm> budgetValidator,
    IValidator<FundEntryForm> entryValidator,
    TimeProvider clock)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<bool> CanEditAsync() => (await access.ReadAsync()).CanEdit;

    public async Task<IReadOnlyList<BudgetLineRow>> BudgetAsync(int year)
    {
        var (scope, _) = await access.ReadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<BudgetLine>().AsNoTracking().Where(b => b.CommuneId == scope.CommuneId && b.Year == year)
            .OrderBy(b => b.Source).ThenBy(b => b.Id)
            .Select(b => new BudgetLineRow(b.Id, b.Version, b.Year, b.Source, b.Content, b.Estimate, b.Spent, b.Note)).ToListAsync();
    }

    public async Task<IReadOnlyList<FundEntryRow>> FundAsync(int year)
    {
        var (scope, _) = await access.ReadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == scope.CommuneId && e.Year == year)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new FundEntryRow(e.Id, e.Version, e.Kind, e.Purpose, e.Source, e.Date, e.Year, e.Party, e.Content, e.Amount, e.VoucherNumber,
                e.PersonId, e.VillageId, db.Villages.Where(v => v.Id == e.VillageId).Select(v => v.Name).FirstOrDefault()))
            .ToListAsync();
    }

    public async Task<YearBalances> BalancesAsync(int year)
    {
        var (scope, _) = await access.ReadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await BalancesAsync(db, scope.CommuneId, year);
    }

    public static async Task<YearBalances> BalancesAsync(AppDbContext db, int communeId, int year)
    {
        var budget = await db.Set<BudgetLine>().AsNoTracking().Where(b => b.CommuneId == communeId && b.Year == year)
            .GroupBy(b => b.Source).Select(g => new { g.Key, Estimate = g.Sum(b => b.Estimate), Spent = g.Sum(b => b.Spent) }).ToListAsync();
        var fund = await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == communeId && e.Year <= year)
            .GroupBy(e => new { e.Source, e.Kind, Before = e.Year < year })
            .Select(g => new { g.Key.Source, g.Key.Kind, g.Key.Before, Amount = g.Sum(e => e.Amount) }).ToListAsync();
        long Fund(FundingSource s, FundEntryKind k, bool before) => fund.Where(f => f.Source == s && f.Kind == k && f.Before == before).Sum(f => f.Amount);
        var sources = Enum.GetValues<FundingSource>().Select(s => new SourceBalance(s,
            budget.Where(b => b.Key == s).Sum(b => b.Estimate), budget.Where(b => b.Key == s).Sum(b => b.Spent),
            Fund(s, FundEntryKind.Receipt, true) - Fund(s, FundEntryKind.Payment, true),
            Fund(s, FundEntryKind.Receipt, false), Fund(s, FundEntryKind.Payment, false))).ToList();
        return new YearBalances(year, sources);
    }

    // The settlement summary (quyết toán) of a year, for anyone who may read money records.
    public async Task<(byte[] Content, string FileName)> SettlementXlsxAsync(int year)
    {
        var (scope, _) = await access.ReadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var commune = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync();
        var data = new SettlementData(commune, year, VnTime.Today(clock), await BudgetAsync(year), await BalancesAsync(db, scope.CommuneId, year), await FundAsync(year));
        return (SettlementXlsx.Write(data), $"quyet-toan-kinh-phi-{year}.xlsx");
    }

    public static BudgetLineForm FormFor(BudgetLineRow r) => new()
    {
        Id = r.Id, Version = r.Version, Year = r.Year, Source = r.Source, Content = r.Content, Estimate = r.Estimate, Spent = r.Spent, Note = r.Note,
    };

    public static FundEntryForm FormFor(FundEntryRow r) => new()
    {
        Id = r.Id, Version = r.Version, Kind = r.Kind, Purpose = r.Purpose, Source = r.Source, Year = r.Year, Date = r.Date.ToDateTime(TimeOnly.MinValue),
        Party = r.Party, Content = r.Content, Amount = r.Amount, VoucherNumber = r.VoucherNumber, PersonId = r.PersonId, VillageId = r.VillageId,
    };

    public async Task<int> SaveBudgetAsync(BudgetLineForm form)
    {
        var scope = await access.EditAsync();
        await budgetValidator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateForAsync(scope);
        BudgetLine line;
        if (form.Id == 0)
        {
            line = new BudgetLine { CommuneId = scope.CommuneId, Content = "" };
            db.Add(line);
        }
        else
        {
            line = await db.Set<BudgetLine>().SingleOrDefaultAsync(b => b.Id == form.Id && b.CommuneId == scope.CommuneId)
                ?? throw new ForbiddenException(UserMessages.NotInScope);
            db.Entry(line).Property(b => b.Version).OriginalValue = form.Version;
        }
        line.Year = form.Year;
        line.Source = form.Source;
        line.Content = form.Content.Trim();
        line.Estimate = form.Estimate;
        line.Spent = form.Spent;
        line.Note = form.Note.Trim();
        await db.SaveOrConflictAsync("Khoản kinh phí này");
        return line.Id;
    }

    public async Task DeleteBudgetAsync(int id)
    {
        var scope = await access.EditAsync();
        await using var db = await dbFactory.CreateForAsync(scope);
        var line = await db.Set<BudgetLine>().SingleOrDefaultAsync(b => b.Id == id && b.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        db.Remove(line);
        await db.SaveChangesAsync();
    }

    public async Task<int> SaveEntryAsync(FundEntryForm form)
    {
        var scope = await access.EditAsync();
        await entryValidator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateForAsync(scope);
        if (form.VillageId is { } villageId && !await db.Villages.AnyAsync(v => v.Id == villageId && v.CommuneId == scope.CommuneId))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        if (form.PersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId && p.Household!.CommuneId == scope.CommuneId))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        FundEntry entry;
        if (form.Id == 0)
        {
            entry = new FundEntry { CommuneId = scope.CommuneId, Party = "", Content = "" };
            db.Add(entry);
        }
        else
        {
            entry = await db.Set<FundEntry>().SingleOrDefaultAsync(e => e.Id == form.Id && e.CommuneId == scope.CommuneId)
                ?? throw new ForbiddenException(UserMessages.NotInScope);
            db.Entry(entry).Property(e => e.Version).OriginalValue = form.Version;
        }
        var oldSource = entry.Source;
        entry.Kind = form.Kind;
        entry.Purpose = form.Kind == FundEntryKind.Receipt ? FundPurpose.Receipt : form.Purpose;
        entry.Source = form.Source;
        entry.Date = DateOnly.FromDateTime(form.Date!.Value);
        entry.Year = entry.Date.Year;
        entry.Party = form.Party.Trim();
        entry.Content = form.Content.Trim();
        entry.Amount = form.Amount;
        entry.VoucherNumber = form.VoucherNumber.Trim();
        entry.PersonId = form.Kind == FundEntryKind.Payment ? form.PersonId : null;
        entry.VillageId = form.VillageId;
        await db.SaveOrConflictAsync("Khoản thu, chi này");
        await CheckNeverNegativeAsync(db, scope.CommuneId, entry.Source);
        if (form.Id != 0 && oldSource != entry.Source)
        {
            await CheckNeverNegativeAsync(db, scope.CommuneId, oldSource);
        }
        await transaction.CommitAsync();
        return entry.Id;
    }

    public async Task DeleteEntryAsync(int id)
    {
        var scope = await access.EditAsync();
        await using var db = await dbFactory.CreateForAsync(scope);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entry = await db.Set<FundEntry>().SingleOrDefaultAsync(e => e.Id == id && e.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        db.Remove(entry);
        await db.SaveChangesAsync();
        await CheckNeverNegativeAsync(db, scope.CommuneId, entry.Source);
        await transaction.CommitAsync();
    }

    // Inside the saving transaction: the source's running balance, day by day (receipts of a day before its payments),
    // must never go below 0; otherwise the change is refused (and rolled back with the transaction).
    private static async Task CheckNeverNegativeAsync(AppDbContext db, int communeId, FundingSource source)
    {
        var days = await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == communeId && e.Source == source)
            .GroupBy(e => e.Date)
            .Select(g => new { Date = g.Key, In = g.Where(e => e.Kind == FundEntryKind.Receipt).Sum(e => e.Amount), Out = g.Where(e => e.Kind == FundEntryKind.Payment).Sum(e => e.Amount) })
            .ToListAsync();
        long balance = 0;
        foreach (var day in days.OrderBy(d => d.Date))
        {
            var available = balance + day.In;
            balance = available - day.Out;
            if (balance < 0)
            {
                throw new ValidationException(
                    $"Số chi vượt số dư quỹ nguồn “{FundingTexts.Source(source)}” ngày {VnTime.FormatDate(day.Date)}: " +
                    $"có {Money.Format(available)}, chi {Money.Format(day.Out)}.");
            }
        }
    }
}
