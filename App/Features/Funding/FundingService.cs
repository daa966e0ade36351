using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Funding;

public sealed record BudgetLineRow(int Id, int Version, int Year, FundingSource Source, string Content, long Estimate, long Spent, string Note);

public sealed record FundEntryRow(int Id, int Version, FundEntryKind Kind, FundPurpose Purpose, FundingSource Source, DateOnly Date, int Year,
    string Party, string Content, long Amount, string VoucherNumber, int? PersonId, int? VillageId, string? VillageName,
    int? HouseholdId = null, int? UnitId = null, string? LinkName = null);

public enum FundLinkKind
{
    None = 0,
    Person = 1,
    Household = 2,
    Unit = 3,
}

// A register row a receipt or payment can name, as the picker shows it: a person with village and birth year, a
// household with its code and village, a unit.
public sealed record FundLinkOption(FundLinkKind Kind, int Id, string Name, string Code, string Village, int? BirthYear)
{
    public string Label => Kind switch
    {
        FundLinkKind.Person => $"{Name} – {(Village.Length > 0 ? Village : "chưa rõ thôn")} – {(BirthYear is { } y ? $"sinh năm {y}" : "năm sinh chưa nhập")} (hộ {Code})",
        FundLinkKind.Household => $"Hộ {Name} ({Code}) – {Village}",
        _ => Name,
    };

    // What the entry's "người nộp/nhận" reads when left empty.
    public string Party => Kind == FundLinkKind.Household ? $"Gia đình ông/bà {Name}" : Name;
}

// A receipt or payment of the fund as the household's page lists it (the household's own, or one of its members').
public sealed record HouseholdFundRow(DateOnly Date, FundEntryKind Kind, FundPurpose Purpose, string Party, string? PersonName, string Content, long Amount);

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
    CurrentUser currentUser,
    IValidator<BudgetLineForm> budgetValidator,
    IValidator<FundEntryForm> entryValidator,
    TimeProvider clock)
{
    public async Task<bool> CanEditAsync(CancellationToken ct = default) => (await access.ReadAsync(ct)).CanEdit;

    public async Task<IReadOnlyList<BudgetLineRow>> BudgetAsync(int year, CancellationToken ct = default)
    {
        var (scope, _) = await access.ReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BudgetLine>().AsNoTracking().Where(b => b.CommuneId == scope.CommuneId && b.Year == year)
            .OrderBy(b => b.Source).ThenBy(b => b.Id)
            .Select(b => new BudgetLineRow(b.Id, b.Version, b.Year, b.Source, b.Content, b.Estimate, b.Spent, b.Note)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FundEntryRow>> FundAsync(int year, CancellationToken ct = default)
    {
        var (scope, _) = await access.ReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == scope.CommuneId && e.Year == year)
            .OrderBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new FundEntryRow(e.Id, e.Version, e.Kind, e.Details.Purpose, e.Details.Source, e.Date, e.Year, e.Details.Party, e.Details.Content,
                e.Details.Amount, e.Details.VoucherNumber,
                e.PersonId, e.VillageId, db.Villages.Where(v => v.Id == e.VillageId).Select(v => v.Name).FirstOrDefault(),
                e.HouseholdId, e.UnitId,
                e.PersonId != null ? db.People.Where(p => p.Id == e.PersonId).Select(p => p.FullName).FirstOrDefault()
                : e.HouseholdId != null ? db.Households.Where(h => h.Id == e.HouseholdId).Select(h => "Hộ " + h.HeadName + " (" + h.Code + ")").FirstOrDefault()
                : e.UnitId != null ? db.Units.Where(u => u.Id == e.UnitId).Select(u => u.Name).FirstOrDefault() : null))
            .ToListAsync(ct);
    }

    // The register rows a receipt or payment can name: people by name (diacritics and case ignored) or household code,
    // households by head's name or code, units by name; living people and resident households only. For the dialog of
    // those who change money records.
    public async Task<IReadOnlyList<FundLinkOption>> SearchLinksAsync(FundLinkKind kind, string? search, CancellationToken ct = default)
    {
        var scope = await access.EditAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = VietnameseText.SearchKey(search);
        var code = (search ?? "").Trim().ToUpperInvariant();
        var c = scope.CommuneId;
        IQueryable<FundLinkOption> rows = kind switch
        {
            FundLinkKind.Person => db.People.Where(p => p.Household!.CommuneId == c && p.Status == PersonStatus.Living
                    && (key == "" || p.FullNameSearch.Contains(key) || (code.Length > 2 && p.Household.Code == code)))
                .OrderBy(p => p.GivenNameSort).ThenBy(p => p.Id)
                .Select(p => new FundLinkOption(FundLinkKind.Person, p.Id, p.FullName, p.Household!.Code, p.Household!.Village!.Name, p.BirthDate != null ? p.BirthDate.Value.Year : p.BirthYear)),
            FundLinkKind.Household => db.Households.Where(h => h.CommuneId == c && h.Status == HouseholdStatus.Resident
                    && (key == "" || h.HeadNameSearch.Contains(key) || h.Code.Contains(code)))
                .OrderBy(h => h.HeadGivenNameSort).ThenBy(h => h.Id)
                .Select(h => new FundLinkOption(FundLinkKind.Household, h.Id, h.HeadName, h.Code, h.Village!.Name, null)),
            FundLinkKind.Unit => db.Units.Where(u => u.CommuneId == c && u.Active && (key == "" || u.NameSearch.Contains(key)))
                .OrderBy(u => u.Name).Select(u => new FundLinkOption(FundLinkKind.Unit, u.Id, u.Name, "", "", null)),
            _ => Enumerable.Empty<FundLinkOption>().AsQueryable(),
        };
        return await rows.AsNoTracking().Take(20).ToListAsync(ct);
    }

    // The option the dialog shows for an entry already linked.
    public async Task<FundLinkOption?> LinkOfAsync(FundEntryForm form, CancellationToken ct = default)
    {
        var (kind, id) = LinkOf(form);
        if (kind == FundLinkKind.None)
        {
            return null;
        }
        var (scope, _) = await access.ReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = scope.CommuneId;
        return kind switch
        {
            FundLinkKind.Person => await db.People.AsNoTracking().Where(p => p.Id == id && p.Household!.CommuneId == c)
                .Select(p => new FundLinkOption(FundLinkKind.Person, p.Id, p.FullName, p.Household!.Code, p.Household!.Village!.Name, p.BirthDate != null ? p.BirthDate.Value.Year : p.BirthYear))
                .SingleOrDefaultAsync(ct),
            FundLinkKind.Household => await db.Households.AsNoTracking().Where(h => h.Id == id && h.CommuneId == c)
                .Select(h => new FundLinkOption(FundLinkKind.Household, h.Id, h.HeadName, h.Code, h.Village!.Name, null)).SingleOrDefaultAsync(ct),
            _ => await db.Units.AsNoTracking().Where(u => u.Id == id && u.CommuneId == c)
                .Select(u => new FundLinkOption(FundLinkKind.Unit, u.Id, u.Name, "", "", null)).SingleOrDefaultAsync(ct),
        };
    }

    public static (FundLinkKind Kind, int Id) LinkOf(FundEntryForm form) =>
        form.PersonId is { } p ? (FundLinkKind.Person, p) : form.HouseholdId is { } h ? (FundLinkKind.Household, h)
        : form.UnitId is { } u ? (FundLinkKind.Unit, u) : (FundLinkKind.None, 0);

    public static void SetLink(FundEntryForm form, FundLinkOption? link)
    {
        form.PersonId = link?.Kind == FundLinkKind.Person ? link.Id : null;
        form.HouseholdId = link?.Kind == FundLinkKind.Household ? link.Id : null;
        form.UnitId = link?.Kind == FundLinkKind.Unit ? link.Id : null;
    }

    // The fund's receipts and payments that name a household or one of its members, for the household's page: whoever
    // may read the household in the registers reads them (the amounts given to or by a family, not the fund's ledger).
    public async Task<IReadOnlyList<HouseholdFundRow>> ForHouseholdAsync(int householdId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Households.InScope(scope).AnyAsync(h => h.Id == householdId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        var members = db.People.Where(p => p.HouseholdId == householdId).Select(p => (int?)p.Id);
        return await db.Set<FundEntry>().AsNoTracking()
            .Where(e => e.CommuneId == scope.CommuneId && (e.HouseholdId == householdId || members.Contains(e.PersonId)))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id)
            .Select(e => new HouseholdFundRow(e.Date, e.Kind, e.Details.Purpose, e.Details.Party, db.People.Where(p => p.Id == e.PersonId).Select(p => p.FullName).FirstOrDefault(),
                e.Details.Content, e.Details.Amount))
            .ToListAsync(ct);
    }

    public async Task<YearBalances> BalancesAsync(int year, CancellationToken ct = default)
    {
        var (scope, _) = await access.ReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BalancesAsync(db, scope.CommuneId, year, ct);
    }

    public static async Task<YearBalances> BalancesAsync(AppDbContext db, int communeId, int year, CancellationToken ct = default)
    {
        var budget = await db.Set<BudgetLine>().AsNoTracking().Where(b => b.CommuneId == communeId && b.Year == year)
            .GroupBy(b => b.Source).Select(g => new { g.Key, Estimate = g.Sum(b => b.Estimate), Spent = g.Sum(b => b.Spent) }).ToListAsync(ct);
        var fund = await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == communeId && e.Year <= year)
            .GroupBy(e => new { e.Details.Source, e.Kind, Before = e.Year < year })
            .Select(g => new { g.Key.Source, g.Key.Kind, g.Key.Before, Amount = g.Sum(e => e.Details.Amount) }).ToListAsync(ct);
        long Fund(FundingSource s, FundEntryKind k, bool before) => fund.Where(f => f.Source == s && f.Kind == k && f.Before == before).Sum(f => f.Amount);
        var sources = Enum.GetValues<FundingSource>().Select(s => new SourceBalance(s,
            budget.Where(b => b.Key == s).Sum(b => b.Estimate), budget.Where(b => b.Key == s).Sum(b => b.Spent),
            Fund(s, FundEntryKind.Receipt, true) - Fund(s, FundEntryKind.Payment, true),
            Fund(s, FundEntryKind.Receipt, false), Fund(s, FundEntryKind.Payment, false))).ToList();
        return new YearBalances(year, sources);
    }

    // The settlement summary (quyết toán) of a year, for anyone who may read money records.
    public async Task<(byte[] Content, string FileName)> SettlementXlsxAsync(int year, CancellationToken ct = default)
    {
        var (scope, _) = await access.ReadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var commune = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var data = new SettlementData(commune, year, VnTime.Today(clock), await BudgetAsync(year, ct), await BalancesAsync(db, scope.CommuneId, year, ct), await FundAsync(year, ct));
        return (SettlementXlsx.Write(data), $"quyet-toan-kinh-phi-{year}.xlsx");
    }

    public static BudgetLineForm FormFor(BudgetLineRow r) => new()
    {
        Id = r.Id, Version = r.Version, Year = r.Year, Source = r.Source, Content = r.Content, Estimate = r.Estimate, Spent = r.Spent, Note = r.Note,
    };

    public static FundEntryForm FormFor(FundEntryRow r) => new()
    {
        Id = r.Id, Version = r.Version, Kind = r.Kind, Year = r.Year, Date = r.Date.ToDateTime(TimeOnly.MinValue),
        Details = new() { Purpose = r.Purpose, Source = r.Source, Party = r.Party, Content = r.Content, Amount = r.Amount, VoucherNumber = r.VoucherNumber },
        PersonId = r.PersonId, VillageId = r.VillageId, HouseholdId = r.HouseholdId, UnitId = r.UnitId,
    };

    public async Task<int> SaveBudgetAsync(BudgetLineForm form, CancellationToken ct = default)
    {
        var scope = await access.EditAsync(ct);
        await budgetValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        BudgetLine line;
        if (form.Id == 0)
        {
            line = new BudgetLine { CommuneId = scope.CommuneId, Content = "" };
            db.Add(line);
        }
        else
        {
            line = await db.EditedRowAsync(db.Set<BudgetLine>().Where(b => b.Id == form.Id && b.CommuneId == scope.CommuneId), form.Version, ct);
        }
        line.Year = form.Year;
        line.Source = form.Source;
        line.Content = form.Content.Trim();
        line.Estimate = form.Estimate;
        line.Spent = form.Spent;
        line.Note = form.Note.Trim();
        await db.SaveOrConflictAsync("Khoản kinh phí này", ct);
        return line.Id;
    }

    public async Task DeleteBudgetAsync(int id, CancellationToken ct = default)
    {
        var scope = await access.EditAsync(ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var line = await db.Set<BudgetLine>().SingleOrDefaultAsync(b => b.Id == id && b.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        db.Remove(line);
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> SaveEntryAsync(FundEntryForm form, CancellationToken ct = default)
    {
        var scope = await access.EditAsync(ct);
        await entryValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        if (form.VillageId is { } givenVillage && !await db.Villages.AnyAsync(v => v.Id == givenVillage && v.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        // A linked person or household is the commune's, and the entry takes its village from the register.
        var villageId = form.VillageId;
        if (form.PersonId is { } personId)
        {
            villageId = await db.People.Where(p => p.Id == personId && p.Household!.CommuneId == scope.CommuneId).Select(p => (int?)p.Household!.VillageId).SingleOrDefaultAsync(ct)
                ?? throw new ForbiddenException(UserMessages.NotInScope);
        }
        if (form.HouseholdId is { } householdId)
        {
            villageId = await db.Households.Where(h => h.Id == householdId && h.CommuneId == scope.CommuneId).Select(h => (int?)h.VillageId).SingleOrDefaultAsync(ct)
                ?? throw new ForbiddenException(UserMessages.NotInScope);
        }
        if (form.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId && u.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        FundEntry entry;
        if (form.Id == 0)
        {
            entry = new FundEntry { CommuneId = scope.CommuneId };
            db.Add(entry);
        }
        else
        {
            entry = await db.EditedRowAsync(db.Set<FundEntry>().Where(e => e.Id == form.Id && e.CommuneId == scope.CommuneId), form.Version, ct);
        }
        var oldSource = entry.Details.Source;
        entry.Kind = form.Kind;
        entry.Details.Purpose = form.Kind == FundEntryKind.Receipt ? FundPurpose.Receipt : form.Details.Purpose;
        entry.Details.Source = form.Details.Source;
        entry.Date = DateOnly.FromDateTime(form.Date!.Value);
        entry.Year = entry.Date.Year;
        entry.Details.Party = form.Details.Party.Trim();
        entry.Details.Content = form.Details.Content.Trim();
        entry.Details.Amount = form.Details.Amount;
        entry.Details.VoucherNumber = form.Details.VoucherNumber.Trim();
        entry.PersonId = form.PersonId;
        entry.HouseholdId = form.HouseholdId;
        entry.UnitId = form.UnitId;
        entry.VillageId = villageId;
        await db.SaveOrConflictAsync("Khoản thu, chi này", ct);
        await CheckNeverNegativeAsync(db, scope.CommuneId, entry.Details.Source, ct);
        if (form.Id != 0 && oldSource != entry.Details.Source)
        {
            await CheckNeverNegativeAsync(db, scope.CommuneId, oldSource, ct);
        }
        await transaction.CommitAsync(ct);
        return entry.Id;
    }

    public async Task DeleteEntryAsync(int id, CancellationToken ct = default)
    {
        var scope = await access.EditAsync(ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.Set<FundEntry>().SingleOrDefaultAsync(e => e.Id == id && e.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        db.Remove(entry);
        await db.SaveChangesAsync(ct);
        await CheckNeverNegativeAsync(db, scope.CommuneId, entry.Details.Source, ct);
        await transaction.CommitAsync(ct);
    }

    // Inside the saving transaction: the source's running balance, day by day (receipts of a day before its payments),
    // must never go below 0; otherwise the change is refused (and rolled back with the transaction).
    private static async Task CheckNeverNegativeAsync(AppDbContext db, int communeId, FundingSource source, CancellationToken ct = default)
    {
        var days = await db.Set<FundEntry>().AsNoTracking().Where(e => e.CommuneId == communeId && e.Details.Source == source)
            .GroupBy(e => e.Date)
            .Select(g => new { Date = g.Key, In = g.Where(e => e.Kind == FundEntryKind.Receipt).Sum(e => e.Details.Amount), Out = g.Where(e => e.Kind == FundEntryKind.Payment).Sum(e => e.Details.Amount) })
            .ToListAsync(ct);
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
