using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Features.Villages;

namespace HocTapSuotDoi.Features.Households;

public sealed record HouseholdQuery(string? Search = null, int? VillageId = null, HouseholdStatus? Status = null, NameOrder Order = NameOrder.GivenName);

public sealed record HouseholdRow(int Id, string Code, string HeadName, string Village, string Address, string Phone, int Members, HouseholdStatus Status, DateOnly? StatusDate);

public sealed record MemberRow(int Id, string FullName, string Birth, Sex Sex, Relation Relation, EducationLevel Education,
    CitizenGroup TargetGroup, PersonStatus Status, DateOnly? StatusDate, int Version);

public sealed record HouseholdDetail(HouseholdForm Form, string Village, HouseholdStatus Status, DateOnly? StatusDate,
    IReadOnlyList<MemberRow> Members, IReadOnlyList<string> Clans, bool CanEdit, string UpdatedBy, DateTime UpdatedAtUtc);

// A household of the same village whose head's name differs only in diacritics: probably another family
// ("Nguyễn Tấn Thanh", "Nguyễn Tấn Thành"), possibly a typing slip. The user confirms, then the save goes through.
public sealed record SimilarHousehold(string Code, string HeadName);

public sealed class SimilarHouseholdsException(string village, IReadOnlyList<SimilarHousehold> similar) : Exception(
    $"Ở {village} đã có hộ có tên chủ hộ gần giống (chỉ khác dấu): " +
    string.Join("; ", similar.Select(h => $"{h.HeadName} (mã {h.Code})")) + ". Nếu đây là một hộ khác, hãy chọn “Vẫn lưu”.")
{
    public IReadOnlyList<SimilarHousehold> Similar { get; } = similar;
}

// Households and their members. Every method checks the role and the scope of the caller.
public sealed class HouseholdService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IValidator<HouseholdForm> householdValidator,
    IValidator<PersonForm> personValidator,
    IValidator<StatusForm> statusValidator,
    TimeProvider clock)
{
    // One query path for the list, its count and the Excel export, so they always agree.
    public static IQueryable<Household> Filter(AppDbContext db, UserScope scope, HouseholdQuery query)
    {
        var households = db.Households.AsNoTracking().InScope(scope)
            .WhereGiven(query.VillageId, villageId => h => h.VillageId == villageId)
            .WhereGiven(query.Status, status => h => h.Status == status);
        var search = VietnameseText.SearchKey(query.Search);
        if (search.Length > 0)
        {
            var code = query.Search!.Trim().ToUpperInvariant();
            households = households.WhereHeadCodeOrPhone(db, search, code);
        }
        return households;
    }

    public static IQueryable<Household> Sort(IQueryable<Household> households, HouseholdQuery query, PageRequest page) =>
        (page.SortBy, page.Descending) switch
        {
            ("Code", false) => households.OrderBy(h => h.Code),
            ("Code", true) => households.OrderByDescending(h => h.Code),
            ("Village", false) => households.OrderBy(h => h.Village!.SortOrder).ThenBy(h => h.Code),
            ("Village", true) => households.OrderByDescending(h => h.Village!.SortOrder).ThenBy(h => h.Code),
            ("Members", false) => households.OrderBy(h => h.Members.Count(m => m.Status == PersonStatus.Living)).ThenBy(h => h.Code),
            ("Members", true) => households.OrderByDescending(h => h.Members.Count(m => m.Status == PersonStatus.Living)).ThenBy(h => h.Code),
            (_, var descending) when query.Order == NameOrder.FamilyName =>
                descending ? households.OrderByDescending(h => h.HeadNameSort).ThenBy(h => h.Id) : households.OrderBy(h => h.HeadNameSort).ThenBy(h => h.Id),
            (_, var descending) =>
                descending ? households.OrderByDescending(h => h.HeadGivenNameSort).ThenBy(h => h.Id) : households.OrderBy(h => h.HeadGivenNameSort).ThenBy(h => h.Id),
        };

    public async Task<PageResult<HouseholdRow>> ListAsync(HouseholdQuery query, PageRequest page, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db, scope, query);
        var total = await filtered.CountAsync(ct);
        // A deep page skips ids along the sort index only; the row's details are read for the page's rows alone.
        var ids = await Sort(filtered, query, page).Skip(page.Page * page.PageSize).Take(page.PageSize).Select(h => h.Id).ToListAsync(ct);
        var rows = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id))
            .Select(h => new HouseholdRow(h.Id, h.Code, h.HeadName, h.Village!.Name, h.Address, h.Phone,
                h.Members.Count(m => m.Status == PersonStatus.Living), h.Status, h.StatusDate))
            .ToDictionaryAsync(h => h.Id, ct);
        return new PageResult<HouseholdRow>(ids.Select(id => rows[id]).ToList(), total);
    }

    // Whether the signed-in user may add or change households: the page offers "Lưu" only then.
    public async Task<bool> CanEditAsync() => (await currentUser.RequireScopeAsync(RegisterAccess.Readers)).HasRole(RegisterAccess.Editors);

    public async Task<HouseholdDetail> GetAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var h = await db.Households.AsNoTracking().InScope(scope).Where(x => x.Id == id)
            .Select(x => new { Household = x, Village = x.Village!.Name })
            .SingleOrDefaultAsync(ct) ?? throw new ForbiddenException(UserMessages.NotInScope);
        var members = await db.People.AsNoTracking().Where(p => p.HouseholdId == id).OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new MemberRow(p.Id, p.FullName, "", p.Sex, p.Relation, p.Education, p.TargetGroup, p.Status, p.StatusDate, p.Version)
            { Birth = RegisterTexts.BirthText(p.BirthDate, p.BirthYear) })
            .ToListAsync(ct);
        var clans = await db.ClanMembers.AsNoTracking().Where(m => m.HouseholdId == id)
            .Join(db.Clans, m => m.ClanId, c => c.Id, (m, c) => c.Name).ToListAsync(ct);
        var x = h.Household;
        return new HouseholdDetail(
            new HouseholdForm { Id = x.Id, Version = x.Version, Code = x.Code, VillageId = x.VillageId, HeadName = x.HeadName, Address = x.Address, Phone = x.Phone, Note = x.Note,
                Before = x.ActiveFrom is null, Since = x.ActiveFrom?.ToDateTime(TimeOnly.MinValue) },
            h.Village, x.Status, x.StatusDate, members, clans, scope.HasRole(RegisterAccess.Editors), x.UpdatedBy, x.UpdatedAtUtc);
    }

    public async Task<int> SaveAsync(HouseholdForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        await householdValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var village = await db.Villages.InScope(scope).SingleOrDefaultAsync(v => v.Id == form.VillageId, ct)
            ?? throw new ForbiddenException("Thôn đã chọn không thuộc phạm vi của bạn.");

        Household household;
        if (form.Id is { } id)
        {
            household = await db.EditedRowAsync(db.Households.InScope(scope).Where(h => h.Id == id), form.Version, ct);
        }
        else
        {
            household = new Household { CommuneId = village.CommuneId, Code = "", HeadName = "" };
            db.Households.Add(household);
        }
        if (!village.Active && household.VillageId != village.Id)
        {
            throw new ValidationException($"{village.Name} đã sáp nhập vào thôn khác: hãy chọn thôn đang hoạt động.");
        }

        var headName = VietnameseText.Clean(form.HeadName);
        var headKey = VietnameseText.SearchKey(headName);
        // A name already saved was checked then: an edit that keeps it (and its village) is not asked again.
        var confirmed = household.Id > 0 && household.VillageId == village.Id && VietnameseText.NameKey(household.HeadName) == VietnameseText.NameKey(headName)
            ? headName : form.ConfirmedSimilarName;
        await CheckSameHeadAsync(db, village, household.Id, headName, confirmed);

        var code = form.Code.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            code = household.Code.Length > 0 ? household.Code : await NextCodeAsync(db, village, ct);
        }
        if (await db.Households.AnyAsync(h => h.CommuneId == village.CommuneId && h.Code == code && h.Id != household.Id, ct))
        {
            throw new ValidationException($"Mã hộ {code} đã được dùng cho hộ khác.");
        }

        if (household.Id > 0 && household.VillageId != village.Id)
        {
            await RecordMoveAsync(db, household, village, ct);
        }
        var fromYear = await SetSinceAsync(db, household, form.Before ? null : form.Since is { } since ? DateOnly.FromDateTime(since) : Today(), ct);
        household.Code = code;
        household.VillageId = village.Id;
        household.HeadName = headName;
        household.HeadNameSearch = headKey;
        household.HeadNameSort = VietnameseText.SortKey(household.HeadName);
        household.HeadGivenNameSort = VietnameseText.GivenNameSortKey(household.HeadName);
        household.Address = form.Address.Trim();
        household.Phone = form.Phone.Trim();
        household.Note = form.Note.Trim();
        await SetHeadMemberAsync(db, household);
        var villages = new[] { village.Id, (int)db.Entry(household).Property(h => h.VillageId).OriginalValue };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveOrConflictAsync("Hộ này", ct);
        if (village.ActiveFrom is { } founded && await VillageFounding.HouseholdsBefore(db, village.Id, founded).AnyAsync(h => h.Id == household.Id, ct))
        {
            throw new ValidationException(VillageFounding.HouseholdText(village.Name, founded));
        }
        await RegisterDependents.RecomputeAsync(db, village.CommuneId, clock, [household.Id], villages, fromYear: fromYear, ct: ct);
        await transaction.CommitAsync(ct);
        return household.Id;
    }

    // The members who came with the household (their date is the household's) keep coming with it when its date is
    // corrected; members born or moved in later keep their own dates.
    /// <returns>The first year whose figures the date changes (an empty date: every year), or null when it stays.</returns>
    private static async Task<int?> SetSinceAsync(AppDbContext db, Household household, DateOnly? since, CancellationToken ct)
    {
        var old = household.ActiveFrom;
        if (household.Id > 0 && old == since)
        {
            return null;
        }
        if (household.Id > 0)
        {
            var members = await db.People.Where(p => p.HouseholdId == household.Id && p.ActiveFrom == old).ToListAsync(ct);
            members.ForEach(p => p.ActiveFrom = since);
        }
        household.ActiveFrom = since;
        return household.Id > 0 ? Math.Min(old?.Year ?? 0, since?.Year ?? 0) : since?.Year ?? 0;
    }

    // A household given another village has moved from today: a dated line keeps it in the village it left for the years
    // before (YearRule.VillageOf), as a merge does, and this year's registrations of it and its members follow it to
    // the new village. Moves on one day are one move (a slip corrected the same day leaves no line).
    private async Task RecordMoveAsync(AppDbContext db, Household household, Village to, CancellationToken ct)
    {
        var today = Today();
        var changes = db.Set<HouseholdVillageChange>();
        var sameDay = await changes.FirstOrDefaultAsync(c => c.HouseholdId == household.Id && c.On == today, ct);
        var fromId = sameDay?.FromVillageId ?? household.VillageId;
        var reason = $"Hộ chuyển từ {await db.Villages.Where(v => v.Id == fromId).Select(v => v.Name).SingleAsync(ct)} sang {to.Name}";
        if (sameDay is null)
        {
            changes.Add(new HouseholdVillageChange { HouseholdId = household.Id, FromVillageId = fromId, ToVillageId = to.Id, On = today, Reason = reason });
        }
        else if (fromId == to.Id)
        {
            changes.Remove(sameDay);
        }
        else
        {
            (sameDay.ToVillageId, sameDay.Reason) = (to.Id, reason);
        }

        var members = db.People.Where(p => p.HouseholdId == household.Id).Select(p => p.Id);
        var registrations = await db.Set<Registration>()
            .Where(r => r.Year >= today.Year && ((r.SubjectKind == SubjectKind.Household && r.SubjectId == household.Id)
                || (r.SubjectKind == SubjectKind.Person && members.Contains(r.SubjectId))))
            .ToListAsync(ct);
        registrations.ForEach(r => r.VillageId = to.Id);
    }

    // The head typed on the household form is its first member (Chủ hộ), with only a name: sex, birth and education read
    // "chưa nhập" until someone fills them (such a member counts in no age-based figure: its birth year is unknown). A
    // renamed head renames that member too, so the form and the members never disagree.
    private static async Task SetHeadMemberAsync(AppDbContext db, Household household)
    {
        var head = household.Id == 0 ? null : await db.People
            .Where(p => p.HouseholdId == household.Id && p.Relation == Relation.Head && p.Status == PersonStatus.Living).OrderBy(p => p.Id).FirstOrDefaultAsync();
        if (head is null && household.Id > 0)
        {
            // An older household without a head member (imported that way): nothing is made up for it.
            return;
        }
        if (head is null)
        {
            head = new Person
            {
                FullName = "", Relation = Relation.Head, Sex = Sex.NotEntered, Education = EducationLevel.NotEntered,
                ActiveFrom = household.ActiveFrom, SortOrder = 1,
            };
            household.Members.Add(head);
        }
        head.FullName = household.HeadName;
        head.FullNameSearch = household.HeadNameSearch;
        head.FullNameSort = household.HeadNameSort;
        head.GivenNameSort = household.HeadGivenNameSort;
    }

    // The same household: the same head's name, diacritics included (case and spacing aside), in the same village;
    // refused. A name that differs only in diacritics is another family unless the user says otherwise: a warning that
    // the user confirms ("Vẫn lưu") for this very name.
    private static async Task CheckSameHeadAsync(AppDbContext db, Village village, int householdId, string headName, string? confirmedName)
    {
        var headKey = VietnameseText.SearchKey(headName);
        var alike = await db.Households.AsNoTracking()
            .Where(h => h.VillageId == village.Id && h.HeadNameSearch == headKey && h.Status == HouseholdStatus.Resident && h.Id != householdId)
            .OrderBy(h => h.Code).Select(h => new SimilarHousehold(h.Code, h.HeadName)).ToListAsync();
        var nameKey = VietnameseText.NameKey(headName);
        if (alike.FirstOrDefault(h => VietnameseText.NameKey(h.HeadName) == nameKey) is { } same)
        {
            throw new ValidationException($"Đã có hộ của chủ hộ {same.HeadName} ở {village.Name} (mã {same.Code}). Hãy kiểm tra lại, tránh nhập trùng.");
        }
        if (alike.Count > 0 && VietnameseText.NameKey(confirmedName) != nameKey)
        {
            throw new SimilarHouseholdsException(village.Name, alike);
        }
    }

    public static async Task<string> NextCodeAsync(AppDbContext db, Village village, CancellationToken ct = default)
    {
        var prefix = village.Code + "-";
        var codes = await db.Households.Where(h => h.CommuneId == village.CommuneId && h.Code.StartsWith(prefix)).Select(h => h.Code).ToListAsync(ct);
        var next = codes.Select(c => int.TryParse(c[prefix.Length..], out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return $"{prefix}{next:0000}";
    }

    public async Task ChangeStatusAsync(StatusForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        await statusValidator.ValidateAndThrowAsync(form, ct);
        if (!Enum.IsDefined((HouseholdStatus)form.Status))
        {
            throw new ValidationException("Tình trạng hộ không hợp lệ.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var household = await db.EditedRowAsync(db.Households.InScope(scope).Where(h => h.Id == form.Id), form.Version, ct);
        // The years between the old and the new date change too (a move out dated back, or a date corrected).
        var fromYear = household.StatusDate is { } before ? Math.Min(before.Year, form.Date!.Value.Year) : form.Date!.Value.Year;
        household.Status = (HouseholdStatus)form.Status;
        household.StatusDate = DateOnly.FromDateTime(form.Date!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveOrConflictAsync("Hộ này", ct);
        await RegisterDependents.RecomputeAsync(db, household.CommuneId, clock, [household.Id], [household.VillageId], fromYear: fromYear, ct: ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<PersonForm> GetPersonAsync(int personId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.People.AsNoTracking().InScope(scope, db.Households).SingleOrDefaultAsync(x => x.Id == personId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        return new PersonForm
        {
            Id = p.Id, Version = p.Version, HouseholdId = p.HouseholdId, FullName = p.FullName,
            BirthDate = p.BirthDate?.ToDateTime(TimeOnly.MinValue), BirthYear = p.BirthYear, Sex = p.Sex == Sex.NotEntered ? null : p.Sex, Relation = p.Relation,
            Education = p.Education, Literacy = p.Literacy, Occupation = p.Occupation, TargetGroup = p.TargetGroup,
            School = p.School, NationalId = p.NationalId ?? "",
        };
    }

    public async Task<int> SavePersonAsync(PersonForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        await personValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var household = await db.Households.InScope(scope).SingleOrDefaultAsync(h => h.Id == form.HouseholdId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);

        Person person;
        if (form.Id is { } id)
        {
            person = await db.EditedRowAsync(db.People.Where(p => p.Id == id && p.HouseholdId == household.Id), form.Version, ct);
        }
        else if (form.Relation == Relation.Head && await HeadStubAsync(db, household.Id) is { } stub)
        {
            // The head added from the household form with only a name: "Thêm nhân khẩu" as Chủ hộ fills it in.
            person = stub;
        }
        else
        {
            person = new Person
            {
                // A member of a household founded in the app joins the register with it; of an older one, before the app.
                ActiveFrom = household.ActiveFrom is null ? null : Today(),
                FullName = "",
                SortOrder = await db.People.Where(p => p.HouseholdId == household.Id).Select(p => (int?)p.SortOrder).MaxAsync(ct) + 1 ?? 1,
            };
            household.Members.Add(person);
        }

        var nationalId = string.IsNullOrWhiteSpace(form.NationalId) ? null : form.NationalId.Trim();
        if (nationalId is not null && await db.People.AnyAsync(p => p.NationalId == nationalId && p.Id != person.Id, ct))
        {
            throw new ValidationException($"Số CCCD {nationalId} đã có trong sổ (một người khác).");
        }
        if (form.Relation == Relation.Head && await db.People.AnyAsync(p => p.HouseholdId == household.Id && p.Relation == Relation.Head
                && p.Status == PersonStatus.Living && p.Id != person.Id, ct))
        {
            throw new ValidationException("Hộ đã có chủ hộ. Hãy đổi quan hệ của chủ hộ hiện tại trước.");
        }

        person.FullName = VietnameseText.Clean(form.FullName);
        person.FullNameSearch = VietnameseText.SearchKey(person.FullName);
        person.FullNameSort = VietnameseText.SortKey(person.FullName);
        person.GivenNameSort = VietnameseText.GivenNameSortKey(person.FullName);
        person.BirthDate = form.BirthDate is { } d ? DateOnly.FromDateTime(d) : null;
        person.BirthYear = person.BirthDate?.Year ?? form.BirthYear;
        person.Sex = form.Sex!.Value;
        person.Relation = form.Relation!.Value;
        person.Education = form.Education;
        person.Literacy = form.Literacy;
        person.Occupation = form.Occupation.Trim();
        person.TargetGroup = form.TargetGroup;
        person.School = form.School;
        person.NationalId = nationalId;
        if (person.Relation == Relation.Head)
        {
            household.HeadName = person.FullName;
            household.HeadNameSearch = person.FullNameSearch;
            household.HeadNameSort = person.FullNameSort;
            household.HeadGivenNameSort = person.GivenNameSort;
        }
        // A new member counts from its date (none: every year); a birth year changes who is an adult from then on.
        var oldBirthYear = person.Id > 0 ? (int?)db.Entry(person).Property(p => p.BirthYear).OriginalValue : null;
        int? fromYear = person.Id == 0 ? person.ActiveFrom?.Year ?? 0
            : oldBirthYear != person.BirthYear ? Math.Min(oldBirthYear ?? 0, person.BirthYear ?? 0) + ComputedInputsService.AdultAge : null;
        await SavePersonAsync(db, person, fromYear, ct);
        return person.Id;
    }

    // The head member made from the household form and never filled in (no sex, no birth).
    public static bool IsUnfilledHead(Person p) =>
        p.Relation == Relation.Head && p.Status == PersonStatus.Living && p.Sex == Sex.NotEntered && p.BirthYear == null && p.BirthDate == null;

    private static Task<Person?> HeadStubAsync(AppDbContext db, int householdId) =>
        db.People.Where(p => p.HouseholdId == householdId && p.Relation == Relation.Head && p.Status == PersonStatus.Living
            && p.Sex == Sex.NotEntered && p.BirthYear == null && p.BirthDate == null).OrderBy(p => p.Id).FirstOrDefaultAsync();

    public async Task ChangePersonStatusAsync(StatusForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Editors);
        await statusValidator.ValidateAndThrowAsync(form, ct);
        if (!Enum.IsDefined((PersonStatus)form.Status))
        {
            throw new ValidationException("Tình trạng nhân khẩu không hợp lệ.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var person = await db.EditedRowAsync(db.People.InScope(scope, db.Households).Where(p => p.Id == form.Id), form.Version, ct);
        // As for a household: the years between the old and the new date change too.
        var fromYear = person.StatusDate is { } before ? Math.Min(before.Year, form.Date!.Value.Year) : form.Date!.Value.Year;
        person.Status = (PersonStatus)form.Status;
        person.StatusDate = DateOnly.FromDateTime(form.Date!.Value);
        await SavePersonAsync(db, person, fromYear, ct);
    }

    // The commune's sheet counts the adults of each year (CDHT rate): a person added, dated, or given another birth year
    // scores it again for the years that change, in the same transaction.
    private async Task SavePersonAsync(AppDbContext db, Person person, int? fromYear, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveOrConflictAsync("Nhân khẩu này", ct);
        if (fromYear is { } year)
        {
            var communeId = await db.Households.Where(h => h.Id == person.HouseholdId).Select(h => h.CommuneId).SingleAsync(ct);
            await RegisterDependents.RecomputeAsync(db, communeId, clock, [], [], fromYear: year, ct: ct);
        }
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<ChangeLog>> HistoryAsync(int householdId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Households.InScope(scope).AnyAsync(h => h.Id == householdId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        var id = householdId.ToString(CultureInfo.InvariantCulture);
        var people = await db.People.Where(p => p.HouseholdId == householdId).Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync(ct);
        return await db.ChangeLogs.AsNoTracking()
            .Where(c => (c.EntityType == nameof(Household) && c.EntityId == id) || (c.EntityType == nameof(Person) && people.Contains(c.EntityId)))
            .OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
    }

    private DateOnly Today() => new VnClock(clock).Today;
}
