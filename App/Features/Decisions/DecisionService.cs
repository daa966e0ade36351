using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Decisions;

// Imported: recorded from the list of a past year (Decision.ImportedMarker), not issued by the app: it has no document.
public sealed record DecisionRow(int Id, Title Title, int Year, string FullNumber, DateOnly IssuedOn, string SignerName, int Subjects, bool Imported = false);

// TotalTenths (here and in Candidate) is null for a subject scored by level: it has a level, no points.
public sealed record DecisionSubjectRow(int No, int EvaluationId, string Name, string Village, int? TotalTenths, string Rating, string CertificateCode);

public sealed record DecisionDetail(int Id, Title Title, int Year, string FullNumber, DateOnly IssuedOn, string IssuingBody,
    string SignerName, string SignerPosition, IReadOnlyList<string> Bases, IReadOnlyList<DecisionSubjectRow> Subjects, string CreatedBy, DateTime CreatedAtUtc)
{
    // Recorded from the list of a past year: the app keeps its number, date and list, and offers no document for it.
    public bool Imported { get; init; }

    // The criteria sets its subjects were scored with.
    public IReadOnlyList<SetCheck> Sets { get; init; } = [];
}

// A reviewed evaluation that a decision may recognise.
public sealed record Candidate(int EvaluationId, string Name, int? VillageId, string Village, int? TotalTenths, string Rating, bool MeetsCriteria);

// The reviewed evaluations of one village (or of subjects without a village: VillageId null) and how many meet the criteria.
public sealed record CandidateGroup(int? VillageId, string Village, int Reviewed, int Meeting);

// What the public verification page may tell about a certificate: nothing beyond what the certificate itself shows.
public sealed record VerifiedCertificate(string Code, string SubjectName, Title Title, int Year, string DecisionNumber, DateOnly IssuedOn, string IssuingBody);

// A criteria set the evaluations of a decision were scored with, and whether it (or any of its items) is "chưa đối chiếu".
public sealed record SetCheck(string Name, int VersionNumber, bool Checked, string? Note, IReadOnlyList<string> UncheckedItems)
{
    public bool NeedsChecking => !Checked || UncheckedItems.Count > 0;
}


// Recognition decisions: the proposal list, issuing (which closes the evaluations), the documents and certificates,
// and the public check of a certificate's code. Every method but VerifyAsync checks the caller's role and commune.
public sealed class DecisionService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    IValidator<DecisionForm> validator,
    TimeProvider clock)
{
    public static readonly string[] Issuers = [Roles.Administrator, Roles.Committee];
    public const string IssuerRoles = $"{Roles.Administrator},{Roles.Committee}";
    private const string NotFound = "Không tìm thấy quyết định này (có thể thuộc xã khác).";

    public async Task<IReadOnlyList<DecisionRow>> ListAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Decision>().AsNoTracking()
            .Where(d => d.CommuneId == scope.CommuneId && d.Year == year)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Number)
            .Select(d => new DecisionRow(d.Id, d.Title, d.Year, d.Number + "/" + d.Symbol, d.IssuedOn, d.SignerName, d.Subjects.Count,
                d.Bases.StartsWith(Decision.ImportedMarker)))
            .ToListAsync(ct);
    }

    public async Task<DecisionDetail> GetAsync(int id)
    {
        var decision = await LoadForReaderAsync(id);
        var sets = await SetsOfAsync(decision);
        var byLevel = await ScoredByLevelAsync(decision);
        return new DecisionDetail(decision.Id, decision.Title, decision.Year, decision.FullNumber, decision.IssuedOn, decision.IssuingBody,
            decision.SignerName, decision.SignerPosition, DecisionDefaults.Lines(decision.Bases),
            decision.Subjects.OrderBy(s => s.SortOrder)
                .Select((s, i) => new DecisionSubjectRow(i + 1, s.EvaluationId, s.SubjectName, s.VillageName,
                    byLevel.Contains(s.EvaluationId) ? null : s.TotalTenths, s.Rating, s.CertificateCode)).ToList(),
            decision.CreatedBy, decision.CreatedAtUtc) { Sets = sets, Imported = decision.Imported };
    }

    // The sets the subjects of an issued decision were scored with.
    private async Task<IReadOnlyList<SetCheck>> SetsOfAsync(Decision decision)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var evaluations = decision.Subjects.Select(s => s.EvaluationId).ToList();
        var used = db.Set<Evaluation>().Where(e => evaluations.Contains(e.Id)).Select(e => e.CriteriaSetId);
        var sets = await db.Set<CriteriaSet>().AsNoTracking().Where(s => used.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync();
        return sets.Select(Check).ToList();
    }

    // The subjects of a decision scored with a set by level: their stored total of 0 is no score.
    private async Task<HashSet<int>> ScoredByLevelAsync(Decision decision)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var levelSets = await LevelSets.OfAsync(db, decision.Title);
        if (levelSets.Count == 0)
        {
            return [];
        }
        var evaluations = decision.Subjects.Select(s => s.EvaluationId).ToList();
        return [.. await db.Set<Evaluation>().Where(e => evaluations.Contains(e.Id) && levelSets.Contains(e.CriteriaSetId)).Select(e => e.Id).ToListAsync()];
    }

    // The sets the reviewed evaluations of a title and year were scored with (each evaluation keeps its own version); with
    // none reviewed yet, the set that applies to the year.
    public async Task<IReadOnlyList<SetCheck>> SetsForAsync(Title title, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var used = db.Set<Evaluation>().Where(e => e.Status == EvaluationStatus.Reviewed && e.Registration!.CommuneId == scope.CommuneId
            && e.Registration.Title == title && e.Registration.Year == year).Select(e => e.CriteriaSetId);
        var sets = await db.Set<CriteriaSet>().AsNoTracking().Where(s => used.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(ct);
        if (sets.Count == 0 && await CriteriaSetService.ActiveForAsync(db, title, year, ct) is { } active)
        {
            sets.Add(active);
        }
        return sets.Select(Check).ToList();
    }

    private static SetCheck Check(CriteriaSet set)
    {
        var definition = CriteriaSetJson.Deserialize(set.DefinitionJson);
        return new SetCheck(set.Name, set.VersionNumber, set.Checked, definition.Note, definition.UncheckedItems);
    }

    // A new decision's form with the usual wording; the signer is the one of the commune's last decision.
    public async Task<DecisionForm> NewFormAsync(Title title, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var commune = await CommuneNameAsync(db, scope.CommuneId);
        var set = await CriteriaSetService.ActiveForAsync(db, title, year, ct);
        var last = await db.Set<Decision>().AsNoTracking().Where(d => d.CommuneId == scope.CommuneId)
            .OrderByDescending(d => d.Id).Select(d => new { d.SignerName, d.SignerPosition, d.IssuingBody, d.Recipients }).FirstOrDefaultAsync(ct);
        return new DecisionForm
        {
            Title = title,
            Year = year,
            IssuedOn = Today().ToDateTime(TimeOnly.MinValue),
            IssuingBody = last?.IssuingBody ?? DecisionDefaults.IssuingBody(commune),
            Place = commune,
            SignerName = last?.SignerName ?? "",
            SignerPosition = last?.SignerPosition ?? DecisionDefaults.SignerPositions[0],
            Bases = DecisionDefaults.Bases(commune, title, set is null ? null : CriteriaSetJson.Deserialize(set.DefinitionJson).LegalBasis),
            Article2 = DecisionDefaults.Article2,
            Article3 = DecisionDefaults.Article3(title),
            Recipients = last?.Recipients ?? DecisionDefaults.Recipients,
            // The next number of this year's register, suggested; the person may change it.
            Number = (await db.Set<Decision>().Where(d => d.CommuneId == scope.CommuneId && d.IssuedYear == Today().Year).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1,
        };
    }

    // The evaluations of the title and year in status Đã duyệt, by village then by given name.
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Title title, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CandidatesAsync(db, scope.CommuneId, title, year, ct: ct);
    }

    // The decision page at district size: counts per village (one grouped statement), then one page of one village's
    // (or of every village's) candidates, and the ids of those meeting the criteria for "select all".
    public async Task<IReadOnlyList<CandidateGroup>> CandidateGroupsAsync(Title title, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await Reviewed(db, scope.CommuneId, title, year).GroupBy(e => e.Registration!.VillageId)
            .Select(g => new { VillageId = g.Key, Reviewed = g.Count(), Meeting = g.Count(e => e.MeetsCriteria) }).ToListAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId).ToDictionaryAsync(v => v.Id, v => new { v.Name, v.SortOrder }, ct);
        return counts
            .Select(c => (Count: c, Village: c.VillageId is { } v && villages.TryGetValue(v, out var village) ? village : null))
            .OrderBy(x => x.Village?.SortOrder ?? int.MaxValue).ThenBy(x => x.Village?.Name)
            .Select(x => new CandidateGroup(x.Village is null ? null : x.Count.VillageId, x.Village?.Name ?? "", x.Count.Reviewed, x.Count.Meeting))
            .ToList();
    }

    // One page in SQL: by village order, then by the stored given-name key (Registration.SubjectSortKey), then id.
    public async Task<PageResult<Candidate>> CandidatePageAsync(Title title, int year, int? villageId, PageRequest page,
        bool meetingOnly = false, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviewed = Reviewed(db, scope.CommuneId, title, year);
        if (villageId is { } only)
        {
            reviewed = reviewed.Where(e => e.Registration!.VillageId == only);
        }
        if (meetingOnly)
        {
            reviewed = reviewed.Where(e => e.MeetsCriteria);
        }
        var total = await reviewed.CountAsync(ct);
        var rows = await Ordered(db, reviewed, await LevelSets.OfAsync(db, title, ct)).Skip(page.Page * page.PageSize).Take(page.PageSize).ToListAsync(ct);
        return new PageResult<Candidate>(rows, total);
    }

    public async Task<IReadOnlyList<int>> MeetingIdsAsync(Title title, int year, int? villageId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reviewed = Reviewed(db, scope.CommuneId, title, year).Where(e => e.MeetsCriteria);
        if (villageId is { } v)
        {
            reviewed = reviewed.Where(e => e.Registration!.VillageId == v);
        }
        return await reviewed.Select(e => e.Id).ToListAsync(ct);
    }

    private static IQueryable<Evaluation> Reviewed(AppDbContext db, int communeId, Title title, int year) =>
        db.Set<Evaluation>().AsNoTracking()
            .Where(e => e.Status == EvaluationStatus.Reviewed && e.Registration!.CommuneId == communeId && e.Registration.Title == title && e.Registration.Year == year);

    public async Task<int> IssueAsync(DecisionForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        return await IssueAsync(db, scope.CommuneId, form, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Issues a decision on the caller's context, checking every rule (numbers, title and year, reviewed and
    /// meeting the criteria, not already decided) and scoring again the sheets that count the title. The caller has
    /// checked who may issue; the demo commune's decisions come through here too.</summary>
    public static async Task<int> IssueAsync(AppDbContext db, int communeId, DecisionForm form, DateTime nowUtc, CancellationToken ct = default)
    {
        var title = form.Title!.Value;
        var issuedOn = DateOnly.FromDateTime(form.IssuedOn!.Value);
        if (await db.Set<Decision>().AnyAsync(d => d.CommuneId == communeId && d.IssuedYear == issuedOn.Year && d.Number == form.Number, ct))
        {
            throw new ValidationException($"Số quyết định {form.Number} năm {issuedOn.Year} đã được dùng cho một quyết định khác của xã. Hãy kiểm tra sổ đăng ký văn bản.");
        }

        // Looked up by id alone, the commune checked on the rows: with the commune in the query SQLite walked the
        // commune's registrations and probed every chosen id for each one (24.357 households took 78 s).
        var chosen = await db.Set<Evaluation>().AsNoTracking().Include(e => e.Registration).Where(e => form.EvaluationIds.Contains(e.Id)).ToListAsync(ct);
        if (chosen.Count != form.EvaluationIds.Count || chosen.Any(e => e.Registration!.CommuneId != communeId))
        {
            throw new ValidationException("Một số hồ sơ đã chọn không còn tồn tại hoặc không thuộc xã. Hãy tải lại danh sách.");
        }
        var problems = new List<string>();
        var inDecisions = await db.Set<DecisionSubject>().AsNoTracking().Where(s => form.EvaluationIds.Contains(s.EvaluationId))
            .Join(db.Set<Decision>(), s => s.DecisionId, d => d.Id, (s, d) => new { s.EvaluationId, d.Number, d.Symbol })
            .ToDictionaryAsync(x => x.EvaluationId, x => $"{x.Number}/{x.Symbol}", ct);
        foreach (var e in chosen)
        {
            var name = e.Registration!.SubjectName;
            if (e.Registration.Title != title || e.Registration.Year != form.Year)
            {
                problems.Add($"{name}: hồ sơ không thuộc danh hiệu “{title.DisplayName()}” năm {form.Year}.");
            }
            else if (inDecisions.TryGetValue(e.Id, out var number))
            {
                problems.Add($"{name} đã được công nhận tại Quyết định số {number}.");
            }
            else if (e.Status != EvaluationStatus.Reviewed)
            {
                problems.Add($"{name}: hồ sơ đang ở trạng thái “{e.Status.Text()}”, chỉ công nhận được hồ sơ đã duyệt.");
            }
            else if (!e.MeetsCriteria)
            {
                problems.Add($"{name} chưa đạt tiêu chí nên không thể công nhận.");
            }
        }
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.Select(p => new FluentValidation.Results.ValidationFailure(nameof(DecisionForm.EvaluationIds), p)));
        }

        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == communeId)
            .ToDictionaryAsync(v => v.Id, v => new { v.Name, v.SortOrder }, ct);
        var decision = new Decision
        {
            CommuneId = communeId, Title = title, Year = form.Year, Number = form.Number!.Value, Symbol = form.Symbol.Trim(),
            IssuedOn = issuedOn, IssuedYear = issuedOn.Year, IssuingBody = form.IssuingBody.Trim(), Place = form.Place.Trim(),
            SignerName = form.SignerName.Trim(), SignerPosition = form.SignerPosition.Trim(), Bases = string.Join("\n", DecisionDefaults.Lines(form.Bases)),
            Article2 = form.Article2.Trim(), Article3 = form.Article3.Trim(), Recipients = string.Join("\n", DecisionDefaults.Lines(form.Recipients)),
        };
        var ordered = chosen
            .OrderBy(e => e.Registration!.VillageId is { } v && villages.TryGetValue(v, out var village) ? village.SortOrder : int.MaxValue)
            .ThenBy(e => VietnameseText.GivenNameSortKey(e.Registration!.SubjectName), StringComparer.Ordinal)
            .ToList();
        var codes = await NewCodesAsync(db, ordered.Count, ct);
        var subjects = ordered.Select((e, i) => new DecisionSubject
        {
            EvaluationId = e.Id, SortOrder = i + 1, SubjectName = e.Registration!.SubjectName,
            VillageName = e.Registration.VillageId is { } v && villages.TryGetValue(v, out var village) ? village.Name : "",
            TotalTenths = e.TotalTenths, Rating = e.Rating, CertificateCode = codes.Dequeue(),
        }).ToList();
        var others = form.MarkOthersNotRecognised
            ? await db.Set<Evaluation>().AsNoTracking()
                .Where(e => e.Status == EvaluationStatus.Reviewed && !e.MeetsCriteria && !form.EvaluationIds.Contains(e.Id)
                    && e.Registration!.CommuneId == communeId && e.Registration.Title == title && e.Registration.Year == form.Year)
                .Select(e => new VersionedSheet(e.Id, e.Version)).ToListAsync(ct)
            : [];
        db.Add(decision);
        try
        {
            // The decision, its list, the sheets it closes with their history lines, and the sheets that count its title
            // (clans, villages, the commune) are written together. The list and the sheets go set-based: saved one row at
            // a time through the change tracker they took seconds for a commune's households.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            subjects.ForEach(s => s.DecisionId = decision.Id);
            BulkInsert.Insert(db, subjects, ct);
            var because = $"Quyết định số {decision.FullNumber} ngày {VnTime.FormatDate(issuedOn)} công nhận {title.DisplayName()} năm {form.Year}";
            await CloseSheetsAsync(db, chosen.Select(e => new VersionedSheet(e.Id, e.Version)).ToList(), EvaluationStatus.Recognised, "Theo " + because, nowUtc, ct);
            await CloseSheetsAsync(db, others, EvaluationStatus.NotRecognised,
                $"Chưa đạt tiêu chí, không có tên trong Quyết định số {decision.FullNumber} ngày {VnTime.FormatDate(issuedOn)}", nowUtc, ct);
            await DependentEvaluations.RecomputeAsync(db, communeId, form.Year, DependentEvaluations.ReadersOf(title), because, nowUtc, ct: ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (Saving.IsUniqueViolation(ex))
        {
            throw new ValidationException("Số quyết định hoặc một hồ sơ đã chọn vừa được dùng cho quyết định khác. Hãy tải lại trang và kiểm tra lại.");
        }
        return decision.Id;
    }

    private sealed record VersionedSheet(int Id, int Version);

    // Reviewed sheets move to their decided status in one UPDATE per version they were read at, so a sheet changed since
    // (its version moved, or it is no longer reviewed) is not overwritten: the whole decision is refused instead. Each
    // sheet gets its status line in its history, as a review does.
    private static async Task CloseSheetsAsync(AppDbContext db, IReadOnlyList<VersionedSheet> sheets, EvaluationStatus to, string because,
        DateTime nowUtc, CancellationToken ct)
    {
        var changed = 0;
        foreach (var group in sheets.GroupBy(s => s.Version))
        {
            var ids = group.Select(s => s.Id).ToList();
            var version = group.Key;
            changed += await db.Set<Evaluation>().Where(e => ids.Contains(e.Id) && e.Version == version && e.Status == EvaluationStatus.Reviewed)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, to).SetProperty(e => e.Version, version + 1)
                    .SetProperty(e => e.UpdatedAtUtc, nowUtc).SetProperty(e => e.UpdatedBy, db.Actor), ct);
        }
        if (changed != sheets.Count)
        {
            throw new StaleEditException("Một hồ sơ vừa được người khác sửa trong lúc bạn lập quyết định. Quyết định chưa được ban hành: hãy tải lại danh sách rồi chọn lại.");
        }
        var (from, toText) = (EvaluationStatus.Reviewed.Text(), to.Text());
        BulkInsert.Insert(db, sheets.Select(s => new EvaluationAudit
        {
            EvaluationId = s.Id, AtUtc = nowUtc, By = db.Actor, What = Scoring.Rules.SheetSummary.StatusLine, Old = from, New = toText, Reason = because,
        }), ct);
    }

    public async Task<DownloadFile> DecisionDocxAsync(int id)
    {
        var decision = NotImported(await LoadForReaderAsync(id));
        var notes = UncheckedNotes(await SetsOfAsync(decision));
        return new DownloadFile($"{FileStem(decision)}.docx", Downloads.DocxType,
            DecisionDocx.Decision(decision, DocumentLayout.Load().Decision, notes, await ScoredByLevelAsync(decision)));
    }

    public async Task<DownloadFile> CertificatesPdfAsync(int id, string verifyBaseUrl)
    {
        var decision = NotImported(await LoadForReaderAsync(id));
        return new DownloadFile($"giay-cong-nhan-{FileStem(decision)}.pdf", "application/pdf",
            CertificatePdf.Build(decision, DocumentLayout.Load().Certificate, verifyBaseUrl));
    }

    // A decision recorded from a list was signed outside the app: printing it (or its certificates) from here would make
    // an official-looking document the commune never issued through the app.
    private static Decision NotImported(Decision decision) => decision.Imported
        ? throw new ValidationException($"Quyết định số {decision.FullNumber} ngày {VnTime.FormatDate(decision.IssuedOn)} là {ImportedText}: "
            + "phần mềm chỉ lưu danh sách, không phát hành văn bản hay giấy công nhận cho quyết định này.")
        : decision;

    public const string ImportedText = "công nhận (nhập từ danh sách)";

    // The notes said under the list of a document: one per set that is (or has items) "chưa đối chiếu"; none when all is checked.
    public static IReadOnlyList<string> UncheckedNotes(IEnumerable<SetCheck> sets) => sets.Where(s => s.NeedsChecking).Select(UncheckedNote).ToList();

    public static string UncheckedNote(SetCheck set) =>
        $"Ghi chú: bộ tiêu chí “{set.Name}” (phiên bản {set.VersionNumber}) " +
        (set.Checked ? "có tiêu chí chưa đối chiếu với văn bản gốc" : "chưa đối chiếu với văn bản gốc") +
        (set.UncheckedItems.Count > 0 ? $"; tiêu chí chưa đối chiếu: {string.Join(", ", set.UncheckedItems)}." : ".");

    // The Ban chỉ đạo's list: the reviewed evaluations of the title and year that meet the criteria.
    public async Task<DownloadFile> ProposalDocxAsync(Title title, int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Issuers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subjects = (await CandidatesAsync(db, scope.CommuneId, title, year, ct: ct)).Where(c => c.MeetsCriteria)
            .Select(c => new ListedSubject(DocumentTexts.PrintedName(title, c.Name), c.Village, c.TotalTenths, c.Rating)).ToList();
        var data = new ProposalData(await CommuneNameAsync(db, scope.CommuneId), title, year, Today(), subjects)
        {
            UncheckedNotes = UncheckedNotes(await SetsForAsync(title, year, ct)),
        };
        return new DownloadFile($"de-nghi-cong-nhan-{Seeding.TextKeys.Code(title.DisplayName()).ToLowerInvariant()}-{year}.docx", Downloads.DocxType,
            DecisionDocx.Proposal(data, DocumentLayout.Load().Decision));
    }

    // Public: anyone holding a certificate may check its code.
    public async Task<VerifiedCertificate?> VerifyAsync(string? typed, CancellationToken ct = default)
    {
        if (VerificationCode.Normalise(typed) is not { } code)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Subjects of a decision recorded from a list have no printed certificate, so no code of theirs is genuine.
        return await db.Set<DecisionSubject>().AsNoTracking().Where(s => s.CertificateCode == code)
            .Join(db.Set<Decision>().Where(d => !d.Bases.StartsWith(Decision.ImportedMarker)), s => s.DecisionId, d => d.Id, (s, d) => new VerifiedCertificate(
                s.CertificateCode, s.SubjectName, d.Title, d.Year, d.Number + "/" + d.Symbol, d.IssuedOn, d.IssuingBody))
            .SingleOrDefaultAsync(ct);
    }


    private async Task<Decision> LoadForReaderAsync(int id)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Set<Decision>().AsNoTracking().Include(d => d.Subjects)
            .SingleOrDefaultAsync(d => d.Id == id && d.CommuneId == scope.CommuneId) ?? throw new ForbiddenException(NotFound);
    }

    private static async Task<IReadOnlyList<Candidate>> CandidatesAsync(AppDbContext db, int communeId, Title title, int year,
        int? villageId = null, CancellationToken ct = default)
    {
        var reviewed = Reviewed(db, communeId, title, year);
        if (villageId is { } only)
        {
            reviewed = reviewed.Where(e => e.Registration!.VillageId == only);
        }
        return await Ordered(db, reviewed, await LevelSets.OfAsync(db, title, ct)).ToListAsync(ct);
    }

    // Villages in their order (a registration without a village last), then given name, then id; no points for a
    // sheet scored with one of levelSets.
    private static IQueryable<Candidate> Ordered(AppDbContext db, IQueryable<Evaluation> reviewed, List<int> levelSets) =>
        from e in reviewed
        join v in db.Villages on e.Registration!.VillageId equals v.Id into found
        from v in found.DefaultIfEmpty()
        orderby v == null ? int.MaxValue : v.SortOrder, e.Registration!.SubjectSortKey, e.Id
        select new Candidate(e.Id, e.Registration!.SubjectName, e.Registration.VillageId, v == null ? "" : v.Name,
            levelSets.Contains(e.CriteriaSetId) ? null : e.TotalTenths, e.Rating, e.MeetsCriteria);

    // Certificate codes for a decision's subjects, unique among themselves and against every code already issued, checked
    // in one query for the whole decision (a query per subject took seconds for a village of households).
    private static async Task<Queue<string>> NewCodesAsync(AppDbContext db, int count, CancellationToken ct)
    {
        var codes = new HashSet<string>();
        while (codes.Count < count)
        {
            var fresh = new HashSet<string>();
            while (codes.Count + fresh.Count < count)
            {
                var code = VerificationCode.New();
                if (!codes.Contains(code))
                {
                    fresh.Add(code);
                }
            }
            var issued = await db.Set<DecisionSubject>().Where(s => fresh.Contains(s.CertificateCode)).Select(s => s.CertificateCode).ToListAsync(ct);
            fresh.ExceptWith(issued);
            codes.UnionWith(fresh);
        }
        return new Queue<string>(codes);
    }

    private static async Task<string> CommuneNameAsync(AppDbContext db, int communeId) =>
        await db.Communes.AsNoTracking().Where(c => c.Id == communeId).Select(c => c.Name).SingleAsync();

    private static string FileStem(Decision d) => $"quyet-dinh-{d.Number}-{Seeding.TextKeys.Code(d.Symbol).ToLowerInvariant()}-{d.IssuedYear}";

    private DateOnly Today() => new VnClock(clock).Today;
}
