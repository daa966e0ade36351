using FluentValidation.Results;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Units;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Excel import of households with their members, clans and units: a preview that checks every row and writes nothing,
// then a commit that writes everything in one transaction or nothing. Roles and scope are checked at both steps.
public sealed class RegisterImportService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<HouseholdForm> householdValidator,
    IValidator<PersonForm> personValidator,
    IValidator<ClanForm> clanValidator,
    IValidator<UnitForm> unitValidator)
{
    private const int BatchSize = 500;
    private const string WritingStage = "Đang ghi vào sổ";

    public static IReadOnlyList<string> ColumnsOf(ImportKind kind) => kind switch
    {
        ImportKind.Households => RegisterColumns.Households,
        ImportKind.Clans => RegisterColumns.Clans,
        _ => RegisterColumns.Units,
    };

    public static string NameOf(ImportKind kind) => kind switch
    {
        ImportKind.Households => "hộ gia đình và nhân khẩu",
        ImportKind.Clans => "dòng họ",
        _ => "đơn vị",
    };

    // The kinds the signed-in user may import: the page offers only these, and every call checks again.
    public async Task<IReadOnlyList<ImportKind>> AllowedKindsAsync()
    {
        var scope = await currentUser.RequireScopeAsync();
        return Enum.GetValues<ImportKind>().Where(k => May(scope, k)).ToList();
    }

    public Task<ImportPreview> PreviewHouseholdsAsync(Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        PreviewAsync(ImportKind.Households, file, progress, ct);

    public Task<ImportPreview> PreviewClansAsync(Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        PreviewAsync(ImportKind.Clans, file, progress, ct);

    public Task<ImportPreview> PreviewUnitsAsync(Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        PreviewAsync(ImportKind.Units, file, progress, ct);

    public async Task<ImportPreview> PreviewAsync(ImportKind kind, Stream file, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var scope = await RequireAsync(kind);
        var sheet = await ExcelSheetReader.ReadAsync(file, ColumnsOf(kind), NameOf(kind), progress, ct);
        if (sheet.Error is not null)
        {
            return ImportPreview.Refused(kind, sheet.Error);
        }
        RegisterSnapshot snapshot;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            snapshot = await RegisterSnapshot.LoadAsync(db, scope.CommuneId, kind, ct);
        }
        var errors = new ImportErrors(ColumnsOf(kind));
        switch (kind)
        {
            case ImportKind.Households:
                var warnings = new ImportErrors(ColumnsOf(kind));
                var households = new HouseholdImport(householdValidator, personValidator).Check(sheet.Rows, snapshot, scope, errors, warnings, progress);
                return new ImportPreview
                {
                    Kind = kind, Errors = errors.ToList(), Warnings = warnings.ToList(), Rows = sheet.Rows.Count, Households = households,
                    Counts = new ImportResult(households.Count, households.Sum(h => h.Members.Count), 0, 0),
                };
            case ImportKind.Clans:
                var clans = new ClanImport(clanValidator).Check(sheet.Rows, snapshot, errors);
                return new ImportPreview { Kind = kind, Errors = errors.ToList(), Rows = sheet.Rows.Count, Clans = clans, Counts = new(0, 0, clans.Count, 0) };
            default:
                var units = new UnitImport(unitValidator).Check(sheet.Rows, snapshot, errors);
                return new ImportPreview { Kind = kind, Errors = errors.ToList(), Rows = sheet.Rows.Count, Units = units, Counts = new(0, 0, 0, units.Count) };
        }
    }

    // All or nothing: one transaction; the duplicate checks run again inside it, against the register as it is now.
    public async Task<ImportResult> CommitAsync(ImportPreview preview, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!preview.CanCommit || preview.Committed)
        {
            throw new ValidationException(preview.Committed ? "Tệp này đã được nhập rồi." : "Tệp còn lỗi hoặc không có dữ liệu: chưa ghi gì vào sổ.");
        }
        var scope = await RequireAsync(preview.Kind);
        if (preview.Households.Any(d => !scope.CoversVillage(scope.CommuneId, d.VillageId)))
        {
            throw new ForbiddenException("Tệp có hộ ở thôn không thuộc phạm vi của bạn.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        // The rows are written by BulkInsert; the context writes only the one summary line of the change log.
        db.SkipChangeLog = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var snapshot = await RegisterSnapshot.LoadAsync(db, scope.CommuneId, preview.Kind, ct);
        var errors = new ImportErrors(ColumnsOf(preview.Kind));
        HouseholdImport.CheckAgainst(preview.Households, snapshot, errors);
        ClanImport.CheckAgainst(preview.Clans, snapshot, errors);
        UnitImport.CheckAgainst(preview.Units, snapshot, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException("Sổ đã thay đổi từ lúc kiểm tra tệp; chưa ghi gì. Hãy tải tệp lên lại để kiểm tra.",
                errors.ToList().Select(e => new ValidationFailure(e.Column, e.ToString())));
        }
        var codes = await CodesAsync(db, preview.Households, snapshot, scope.CommuneId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        progress?.Report(new ImportProgress(WritingStage, 0));
        var entityType = preview.Kind switch
        {
            ImportKind.Households => WriteHouseholds(db, preview.Households, codes, scope, now, progress, ct),
            ImportKind.Clans => WriteClans(db, preview.Clans, scope, now, progress, ct),
            _ => WriteUnits(db, preview.Units, scope, now, progress, ct),
        };
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = entityType, EntityId = "*", Action = "Nhập Excel", Changes = $"Nhập từ Excel: {preview.Counts.Summary}",
            By = scope.Name, AtUtc = now,
        });
        await db.SaveChangesAsync(ct);
        // Rows from a file were there before the register began (no date): the open sheets that count them are scored
        // again for every year, as for a household typed in with that choice.
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        var memberHouseholds = preview.Clans.SelectMany(c => c.HouseholdIds).Distinct().ToList();
        var villages = preview.Households.Select(h => h.VillageId)
            .Concat(await db.Households.Where(h => memberHouseholds.Contains(h.Id)).Select(h => h.VillageId).Distinct().ToListAsync(ct)).Distinct().ToList();
        await RegisterDependents.RecomputeAsync(db, scope.CommuneId, clock, [], villages, fromYear: 0, ct: ct);
        await transaction.CommitAsync(ct);
        preview.Committed = true;
        progress?.Report(new ImportProgress(WritingStage, 100));
        return preview.Counts;
    }

    private static string WriteHouseholds(AppDbContext db, IReadOnlyList<HouseholdDraft> drafts, string[] codes, UserScope scope, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        WriteWithChildren(db, drafts.Count, i => HouseholdImport.ToHousehold(drafts[i], codes[i], scope.CommuneId),
            household => household.Members, (person, household) => person.HouseholdId = household.Id, scope, now, progress, ct);
        return nameof(Household);
    }

    private static string WriteClans(AppDbContext db, IReadOnlyList<ClanDraft> drafts, UserScope scope, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        WriteWithChildren(db, drafts.Count, i => ToClan(drafts[i], scope.CommuneId),
            clan => clan.Members, (member, clan) => member.ClanId = clan.Id, scope, now, progress, ct);
        return nameof(Clan);
    }

    // Each parent is inserted first so that the database gives it its id, then its children, linked to that id.
    private static void WriteWithChildren<TParent, TChild>(AppDbContext db, int count, Func<int, TParent> parentAt,
        Func<TParent, IEnumerable<TChild>> childrenOf, Action<TChild, TParent> link, UserScope scope, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
        where TParent : class
        where TChild : class
    {
        using var parents = new BulkInsert<TParent>(db, scope.Name, now);
        using var children = new BulkInsert<TChild>(db, scope.Name, now);
        for (var i = 0; i < count; i++)
        {
            var parent = parentAt(i);
            parents.Add(parent);
            foreach (var child in childrenOf(parent))
            {
                link(child, parent);
                children.Add(child);
            }
            Report(i, count, progress, ct);
        }
    }

    private static string WriteUnits(AppDbContext db, IReadOnlyList<UnitDraft> drafts, UserScope scope, DateTime now,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var units = new BulkInsert<Unit>(db, scope.Name, now);
        for (var i = 0; i < drafts.Count; i++)
        {
            units.Add(UnitImport.ToUnit(drafts[i].Form, scope.CommuneId));
            Report(i, drafts.Count, progress, ct);
        }
        return nameof(Unit);
    }

    private static void Report(int index, int count, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (index % BatchSize == 0)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new ImportProgress(WritingStage, index * 100 / count));
        }
    }

    // Households without a code get the next free number of their village, as HouseholdService.NextCodeAsync gives.
    private static async Task<string[]> CodesAsync(AppDbContext db, IReadOnlyList<HouseholdDraft> drafts, RegisterSnapshot snapshot,
        int communeId, CancellationToken ct)
    {
        var used = snapshot.HouseholdCodes.Concat(drafts.Select(d => d.Code).Where(c => c.Length > 0)).ToHashSet();
        var next = new Dictionary<int, (string Prefix, int Number)>();
        var codes = new string[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            if (drafts[i].Code.Length > 0)
            {
                codes[i] = drafts[i].Code;
                continue;
            }
            var villageId = drafts[i].VillageId;
            if (!next.TryGetValue(villageId, out var counter))
            {
                var village = snapshot.Villages.Single(v => v.Id == villageId);
                var first = await HouseholdService.NextCodeAsync(db, new Village { Id = village.Id, CommuneId = communeId, Code = village.Code, Name = village.Name }, ct);
                counter = (village.Code + "-", int.Parse(first[(village.Code.Length + 1)..], CultureInfo.InvariantCulture));
            }
            while (!used.Add($"{counter.Prefix}{counter.Number:0000}"))
            {
                counter.Number++;
            }
            codes[i] = $"{counter.Prefix}{counter.Number:0000}";
            next[villageId] = (counter.Prefix, counter.Number + 1);
        }
        return codes;
    }

    private static Clan ToClan(ClanDraft draft, int communeId)
    {
        var clan = new Clan
        {
            CommuneId = communeId, Name = draft.Name.Trim(), HeadName = draft.HeadName.Trim(), Phone = draft.Phone.Trim(), Note = draft.Note.Trim(),
            Members = draft.HouseholdIds.Select(id => new ClanMember { HouseholdId = id }).ToList(),
        };
        NameKeys.Set(clan);
        return clan;
    }

    private static bool May(UserScope scope, ImportKind kind) => kind switch
    {
        // A scorer imports households only into the villages of their scope: checked row by row.
        ImportKind.Households => scope.HasRole(RegisterAccess.Editors),
        // Clans span villages, as in ClanService: a commune-wide scope is needed.
        ImportKind.Clans => scope.HasRole(RegisterAccess.Editors) && scope.Kind == ScopeKind.Commune,
        _ => scope.IsAdministrator,
    };

    private async Task<UserScope> RequireAsync(ImportKind kind)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        return May(scope, kind) ? scope : throw new ForbiddenException(kind == ImportKind.Clans
            ? "Dòng họ có thể gồm hộ ở nhiều thôn: chỉ người có phạm vi toàn xã được nhập dòng họ."
            : "Chỉ quản trị viên được nhập danh sách đơn vị.");
    }
}
