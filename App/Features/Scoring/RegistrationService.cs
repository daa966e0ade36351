using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Scoring;

public sealed record RegistrationQuery(Title Title, int Year, int? VillageId = null, EvaluationStatus? Status = null, string? Search = null, bool NotStarted = false)
{
    // The list's chips: the stages shown (null: all), and the name order the switch chose.
    public IReadOnlyList<RegistrationStage>? Stages { get; init; }
    public NameOrder Order { get; init; } = NameOrder.GivenName;
}

public sealed record RegistrationRow(int Id, string SubjectName, string Village, EvaluationStatus? Status, int? TotalTenths, string Rating, bool EditedAfterReview);

public sealed record Candidate(int SubjectId, string Name, string Village);

public sealed record RegistrationWindow(DateOnly ClosesOn, bool Open, bool CanRegister, string Text);

public sealed record RegisterAllPreview(int Count, string Text);

// Registration (đăng ký) of subjects for a title and year. Closes on a day of the year (setting Scoring:RegistrationCloses,
// default 31/03); after it only an administrator can still register a subject.
public sealed class RegistrationService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, AppSettings settings, TimeProvider clock)
{
    public async Task<PageResult<RegistrationRow>> ListAsync(RegistrationQuery query, PageRequest page, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, scope, query);
        var total = await rows.CountAsync(ct);
        // A sheet scored by level has a level, not points.
        var byLevel = await LevelSets.OfAsync(db, query.Title, ct);
        var items = await Sort(db, rows, query.Order)
            .Skip(page.Page * page.PageSize).Take(page.PageSize)
            .Select(r => new RegistrationRow(r.Id, r.SubjectName, db.Villages.Where(v => v.Id == r.VillageId).Select(v => v.Name).FirstOrDefault() ?? "",
                r.Evaluation == null ? null : r.Evaluation.Status,
                r.Evaluation == null || byLevel.Contains(r.Evaluation.CriteriaSetId) ? null : r.Evaluation.TotalTenths,
                r.Evaluation == null ? "" : r.Evaluation.Rating, r.Evaluation != null && r.Evaluation.EditedAfterReview))
            .ToListAsync(ct);
        return new PageResult<RegistrationRow>(items, total);
    }

    // The counts behind the status chips, under the list's other filters.
    public async Task<IReadOnlyDictionary<RegistrationStage, int>> StageCountsAsync(RegistrationQuery query, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RegistrationStages.CountAsync(Filter(db, scope, query with { Stages = null }), ct);
    }

    // Village by village; in a village by given name (Vietnamese lists: Nguyễn Văn An under A) or by family name. Households
    // and people sort on their register's sort keys; clans, villages and units on their names.
    public static IOrderedQueryable<Registration> Sort(AppDbContext db, IQueryable<Registration> rows, NameOrder order) => order == NameOrder.FamilyName
        ? rows.OrderBy(r => r.VillageId)
            .ThenBy(r => r.SubjectKind == SubjectKind.Household ? db.Households.Where(h => h.Id == r.SubjectId).Select(h => h.HeadNameSort).FirstOrDefault()
                : r.SubjectKind == SubjectKind.Person ? db.People.Where(p => p.Id == r.SubjectId).Select(p => p.FullNameSort).FirstOrDefault() : r.SubjectSearch)
            .ThenBy(r => r.Id)
        : rows.OrderBy(r => r.VillageId)
            .ThenBy(r => r.SubjectKind == SubjectKind.Household ? db.Households.Where(h => h.Id == r.SubjectId).Select(h => h.HeadGivenNameSort).FirstOrDefault()
                : r.SubjectKind == SubjectKind.Person ? db.People.Where(p => p.Id == r.SubjectId).Select(p => p.GivenNameSort).FirstOrDefault() : r.SubjectSearch)
            .ThenBy(r => r.Id);

    public static IQueryable<Registration> Filter(AppDbContext db, UserScope scope, RegistrationQuery query)
    {
        var rows = db.Set<Registration>().AsNoTracking().Visible(scope, db).Where(r => r.Title == query.Title && r.Year == query.Year);
        if (query.VillageId is { } village)
        {
            rows = rows.Where(r => r.VillageId == village);
        }
        if (query.NotStarted)
        {
            rows = rows.Where(r => r.Evaluation == null || r.Evaluation.Status == EvaluationStatus.Draft);
        }
        else if (query.Status is { } status)
        {
            rows = status == EvaluationStatus.Draft
                ? rows.Where(r => r.Evaluation == null || r.Evaluation.Status == status)
                : rows.Where(r => r.Evaluation != null && r.Evaluation.Status == status);
        }
        if (query.Stages is { } stages)
        {
            rows = rows.InStages(stages);
        }
        var key = VietnameseText.SearchKey(query.Search);
        if (key.Length > 0)
        {
            rows = rows.Where(r => r.SubjectSearch.Contains(key));
        }
        return rows;
    }

    // The next registration of the same title, year and village list, in the order of the list, for keyboard scoring.
    public async Task<int?> NextAsync(int registrationId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await db.Set<Registration>().AsNoTracking().Visible(scope, db).SingleOrDefaultAsync(r => r.Id == registrationId, ct);
        if (current is null)
        {
            return null;
        }
        // EF Core translates string.Compare(a, b) to SQL; the overload with a StringComparison is not translated.
#pragma warning disable CA1309
        return await db.Set<Registration>().AsNoTracking().Visible(scope, db)
            .Where(r => r.Title == current.Title && r.Year == current.Year && r.VillageId == current.VillageId
                && (string.Compare(r.SubjectName, current.SubjectName) > 0 || (r.SubjectName == current.SubjectName && r.Id > current.Id)))
            .OrderBy(r => r.SubjectName).ThenBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
#pragma warning restore CA1309
    }

    // The deadline of the year and who may still register, shown before anything is selected.
    public async Task<RegistrationWindow> WindowAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        var closes = RegistrationClosesOn(year);
        var today = Today();
        var open = today <= closes;
        var deadline = VnTime.FormatDate(closes);
        string who;
        if (scope.IsAdministrator)
        {
            who = "Quản trị viên đăng ký được mọi đối tượng của xã, kể cả sau hạn.";
        }
        else if (scope.Kind == ScopeKind.Villages)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var names = await db.Villages.AsNoTracking().InScope(scope).OrderBy(v => v.SortOrder).Select(v => v.Name).ToListAsync(ct);
            who = names.Count == 0 ? "Tài khoản của bạn chưa được phân công thôn nào." : $"Bạn đăng ký được hộ và người dân của {string.Join(", ", names)}.";
        }
        else
        {
            who = "Bạn đăng ký được mọi đối tượng của xã.";
        }
        var text = open
            ? $"Hạn đăng ký danh hiệu năm {year}: {deadline} ({(today == closes ? "hôm nay là ngày cuối" : $"còn {closes.DayNumber - today.DayNumber} ngày")}); sau hạn chỉ quản trị viên đăng ký bổ sung được. {who}"
            : scope.IsAdministrator
                ? $"Đã hết hạn đăng ký danh hiệu năm {year} ({deadline}). Chỉ quản trị viên còn đăng ký bổ sung được: bạn vẫn đăng ký được."
                : $"Đã hết hạn đăng ký danh hiệu năm {year} ({deadline}): chỉ quản trị viên còn đăng ký bổ sung được. Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.";
        return new RegistrationWindow(closes, open, open || scope.IsAdministrator, text);
    }

    // One page of the subjects the user may still register, with the count for the filter.
    public async Task<PageResult<Candidate>> CandidatesAsync(CandidateFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireVillageAsync(db, scope, filter.VillageId, ct);
        var rows = await RegistrationCandidates.QueryAsync(db, scope, filter, ct: ct);
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip(page.Page * page.PageSize).Take(page.PageSize).ToListAsync(ct);
        return new PageResult<Candidate>(items.Select(r => new Candidate(r.SubjectId, r.Name, r.Village)).ToList(), total);
    }

    // What "register all" would do now, in words: "Sẽ đăng ký 3.412 hộ của Thôn Tân Hòa cho danh hiệu Gia đình học tập năm 2026."
    public async Task<RegisterAllPreview> PreviewRegisterAllAsync(CandidateFilter filter, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var village = await RequireVillageAsync(db, scope, filter.VillageId, ct);
        var count = await (await RegistrationCandidates.QueryAsync(db, scope, filter, ct: ct)).CountAsync(ct);
        return new RegisterAllPreview(count, $"Sẽ đăng ký {Describe(count, filter, village, scope)}.");
    }

    /// <summary>Registers every subject of the filter that is not registered yet: one read of the candidates and one
    /// prepared INSERT for all rows, in one transaction (on SQLite a write transaction, so nobody registers in between;
    /// the unique index is the last guard). Running it again registers nobody twice.</summary>
    /// <returns>How many subjects were registered.</returns>
    public async Task<int> RegisterAllAsync(CandidateFilter filter, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        RequireOpen(scope, filter.Year);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var village = await RequireVillageAsync(db, scope, filter.VillageId, ct);
        var kind = ScoringTexts.SubjectOf(filter.Title);
        var today = Today();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await (await RegistrationCandidates.QueryAsync(db, scope, filter, ct: ct)).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }
        BulkInsert.Insert(db, rows.Select(r => new Registration
        {
            CommuneId = scope.CommuneId, Year = filter.Year, Title = filter.Title, SubjectKind = kind, SubjectId = r.SubjectId,
            VillageId = r.VillageId, SubjectName = r.Name, SubjectSearch = VietnameseText.SearchKey(r.Name), SubjectSortKey = VietnameseText.GivenNameSortKey(r.Name), RegisteredOn = today,
        }), ct);
        db.ChangeLogs.Add(new ChangeLog
        {
            EntityType = nameof(Commune), EntityId = scope.CommuneId.ToString(CultureInfo.InvariantCulture), Action = "Thêm",
            Changes = $"Đăng ký hàng loạt {Describe(rows.Count, filter, village, scope)}.", By = scope.Name, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <returns>How many subjects were registered.</returns>
    public async Task<int> RegisterAsync(Title title, int year, IReadOnlyCollection<int> subjectIds, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator, Roles.Scorer);
        if (subjectIds.Count == 0)
        {
            throw new ValidationException("Hãy chọn ít nhất một đối tượng để đăng ký.");
        }
        RequireOpen(scope, year);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var ids = subjectIds.Distinct().ToList();
        var candidates = await (await RegistrationCandidates.QueryAsync(db, scope, new CandidateFilter(title, year, HouseholdStatus: null), ids, ct)).ToListAsync(ct);
        if (candidates.Count < ids.Count)
        {
            throw new ValidationException($"Có {ids.Count - candidates.Count} đối tượng đã đăng ký rồi hoặc không thuộc phạm vi của bạn.");
        }
        var kind = ScoringTexts.SubjectOf(title);
        var today = Today();
        foreach (var candidate in candidates)
        {
            db.Add(new Registration
            {
                CommuneId = scope.CommuneId, Year = year, Title = title, SubjectKind = kind, SubjectId = candidate.SubjectId,
                VillageId = candidate.VillageId, SubjectName = candidate.Name, SubjectSearch = VietnameseText.SearchKey(candidate.Name), SubjectSortKey = VietnameseText.GivenNameSortKey(candidate.Name), RegisteredOn = today,
            });
        }
        await db.SaveChangesAsync(ct);
        return candidates.Count;
    }

    public DateOnly RegistrationClosesOn(int year)
    {
        var (day, month) = settings.Scoring.RegistrationClosesDayMonth;
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    private DateOnly Today() => new VnClock(clock).Today;

    private void RequireOpen(UserScope scope, int year)
    {
        var closes = RegistrationClosesOn(year);
        if (Today() > closes && !scope.IsAdministrator)
        {
            throw new ValidationException($"Đã hết hạn đăng ký danh hiệu năm {year} (hạn {VnTime.FormatDate(closes)}). Hãy liên hệ quản trị viên nếu cần đăng ký bổ sung.");
        }
    }

    // A village filter must be one of the user's villages; its name, for the sentences people read.
    private static async Task<string?> RequireVillageAsync(AppDbContext db, UserScope scope, int? villageId, CancellationToken ct)
    {
        if (villageId is not { } id)
        {
            return null;
        }
        return await db.Villages.AsNoTracking().InScope(scope).Where(v => v.Id == id).Select(v => v.Name).SingleOrDefaultAsync(ct)
            ?? throw new ForbiddenException("Thôn này không thuộc phạm vi của bạn.");
    }

    private static string Describe(int count, CandidateFilter filter, string? village, UserScope scope)
    {
        var kind = ScoringTexts.SubjectOf(filter.Title);
        var local = kind is SubjectKind.Household or SubjectKind.Person or SubjectKind.Village;
        var where = village is not null && local ? $" của {village}"
            : local && scope.Kind == ScopeKind.Villages ? " của các thôn được phân công"
            : kind == SubjectKind.Commune ? "" : " trong toàn xã";
        var status = kind == SubjectKind.Household && filter.HouseholdStatus is { } s and not HouseholdStatus.Resident
            ? $" (tình trạng \"{RegisterTexts.HouseholdStatuses[s]}\")" : "";
        var search = VietnameseText.SearchKey(filter.Search).Length > 0 ? $" có tên khớp \"{filter.Search!.Trim()}\"" : "";
        return string.Create(AppServices.Vietnamese,
            $"{count:N0} {RegistrationCandidates.Noun(kind)}{where}{status}{search} cho danh hiệu {filter.Title.DisplayName()} năm {filter.Year}");
    }
}
