using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

public sealed record RoundRow(int Id, AwardRoundKind Kind, int Year, string Name, int FromYear, int ToYear, int Proposed, int Approved, int Refused, int? DecisionNumber,
    bool Issued = false);

public sealed record ProposalRow(int Id, int Version, AwardForm Form, SubjectKind SubjectKind, int SubjectId, string SubjectName, string VillageName,
    string Achievements, AwardProposalStatus Status, string CouncilNote, string ReviewedBy);

public sealed record RoundView(int Id, AwardRoundKind Kind, int Year, string Name, int FromYear, int ToYear, IReadOnlyList<ProposalRow> Proposals,
    RoundDocumentsForm Documents, bool CanManage, bool CanReview, DateTime? IssuedAtUtc = null, string IssuedBy = "")
{
    // Once the commune's award decision is issued, the list is locked: nobody adds, changes, removes or reviews proposals.
    public bool Issued => IssuedAtUtc is not null;
    public bool CanChangeList => CanManage && !Issued;
    public bool CanReviewList => CanReview && !Issued;
}

public sealed record SubjectOption(int Id, string Name, string Village);

// Recipient: the member's name when a household's page lists an award to one of its members.
public sealed record SubjectAward(string Round, int Year, AwardForm Form, AwardProposalStatus Status, string Achievements, int? DecisionNumber, DateOnly? DecisionDate,
    string? Recipient = null);

// Award rounds, their proposals and the emulation council's review. The committee and administrators keep rounds and
// proposals; the council's review is done by the same roles (the council's members sign in as the committee: the
// roles model has one role per user, decision 019); viewers read. Every method checks the role and commune itself.
public sealed class AwardService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IValidator<RoundForm> roundValidator,
    IValidator<ProposalForm> proposalValidator,
    IValidator<RoundDocumentsForm> documentsValidator)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Viewer];
    public static readonly string[] Managers = [Roles.Administrator, Roles.Committee];
    public static readonly string[] Council = [Roles.Administrator, Roles.Committee];
    public const string ReaderRoles = $"{Roles.Administrator},{Roles.Committee},{Roles.Viewer}";
    public const string NotFound = "Không tìm thấy đợt khen thưởng này trong xã của bạn.";

    public async Task<(IReadOnlyList<RoundRow> Rounds, bool CanManage)> ListRoundsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.Set<AwardRound>().AsNoTracking().Where(r => r.CommuneId == scope.CommuneId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Kind)
            .Select(r => new
            {
                r.Id, r.Kind, r.Year, r.FromYear, r.ToYear, r.DecisionNumber, Issued = r.DecisionIssuedAtUtc != null,
                Proposed = r.Proposals.Count(p => p.Status == AwardProposalStatus.Proposed),
                Approved = r.Proposals.Count(p => p.Status == AwardProposalStatus.Approved),
                Refused = r.Proposals.Count(p => p.Status == AwardProposalStatus.Refused),
            }).ToListAsync(ct);
        return (rounds.Select(r => new RoundRow(r.Id, r.Kind, r.Year, new AwardRound { Kind = r.Kind, Year = r.Year }.Name, r.FromYear, r.ToYear,
            r.Proposed, r.Approved, r.Refused, r.DecisionNumber, r.Issued)).ToList(), scope.HasRole(Managers));
    }

    public Task<int> CreateRoundAsync(RoundForm form, CancellationToken ct = default) =>
        SaveAsManagerAsync(roundValidator, form, (db, communeId) => CreateRoundAsync(db, communeId, form, ct), ct);

    // Shared with the demo seeder: one round per kind and year.
    public static async Task<int> CreateRoundAsync(AppDbContext db, int communeId, RoundForm form, CancellationToken ct = default)
    {
        if (await db.Set<AwardRound>().AnyAsync(r => r.CommuneId == communeId && r.Kind == form.Kind && r.Year == form.Year, ct))
        {
            throw new ValidationException($"Đã có đợt “{new AwardRound { Kind = form.Kind, Year = form.Year }.Name}”.");
        }
        var (from, to) = AwardRound.YearsOf(form.Kind, form.Year);
        var round = new AwardRound { CommuneId = communeId, Kind = form.Kind, Year = form.Year, FromYear = from, ToYear = to };
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return round.Id;
    }

    public async Task<RoundView> GetRoundAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<AwardRound>().AsNoTracking().Include(r => r.Proposals)
            .SingleOrDefaultAsync(r => r.Id == id && r.CommuneId == scope.CommuneId, ct) ?? throw new ForbiddenException(NotFound);
        var proposals = round.Proposals.OrderBy(p => p.Form).ThenBy(p => AwardTexts.CategoryOf(p.SubjectKind)).ThenBy(p => p.Id)
            .Select(p => new ProposalRow(p.Id, p.Version, p.Form, p.SubjectKind, p.SubjectId, p.SubjectName, p.VillageName, p.Achievements,
                p.Status, p.CouncilNote, p.ReviewedBy)).ToList();
        var (signer, position) = round.SignerName.Length > 0 ? (round.SignerName, round.SignerPosition) : await LastSignerAsync(db, scope.CommuneId, ct);
        var documents = new RoundDocumentsForm
        {
            RoundId = round.Id, Version = round.Version, DecisionNumber = round.DecisionNumber, DecisionDate = round.DecisionDate?.ToDateTime(TimeOnly.MinValue),
            SubmissionNumber = round.SubmissionNumber, SubmissionDate = round.SubmissionDate?.ToDateTime(TimeOnly.MinValue),
            SignerName = signer, SignerPosition = position.Length > 0 ? position : "CHỦ TỊCH",
            CouncilMeeting = round.CouncilMeeting,
        };
        return new RoundView(round.Id, round.Kind, round.Year, round.Name, round.FromYear, round.ToYear, proposals, documents,
            scope.HasRole(Managers), scope.HasRole(Council), round.DecisionIssuedAtUtc, round.DecisionIssuedBy);
    }

    // The signer is remembered: a round not yet signed offers whoever signed the commune's last award decision, or else
    // the last recognition decision.
    private static async Task<(string Name, string Position)> LastSignerAsync(AppDbContext db, int communeId, CancellationToken ct = default)
    {
        var award = await db.Set<AwardRound>().AsNoTracking().Where(r => r.CommuneId == communeId && r.SignerName != "")
            .OrderByDescending(r => r.DecisionIssuedAtUtc).ThenByDescending(r => r.Id).Select(r => new { r.SignerName, r.SignerPosition }).FirstOrDefaultAsync(ct);
        if (award is not null)
        {
            return (award.SignerName, award.SignerPosition);
        }
        var decision = await db.Set<Decisions.Decision>().AsNoTracking().Where(d => d.CommuneId == communeId && d.SignerName != "")
            .OrderByDescending(d => d.Id).Select(d => new { d.SignerName, d.SignerPosition }).FirstOrDefaultAsync(ct);
        return decision is null ? ("", "") : (decision.SignerName, decision.SignerPosition);
    }

    public static string LockedMessage(AwardRound round) =>
        $"Quyết định khen thưởng số {round.DecisionNumber}/{Decisions.DecisionDefaults.Symbol}" +
        $"{(round.DecisionDate is { } d ? $" ngày {VnTime.FormatDate(d)}" : "")} đã ban hành: danh sách khen thưởng của đợt đã khóa, " +
        "không thêm, sửa, xóa hay xét lại đề nghị được nữa.";

    private static async Task EnsureOpenAsync(AppDbContext db, int communeId, int roundId, CancellationToken ct = default)
    {
        var round = await db.Set<AwardRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.CommuneId == communeId, ct)
            ?? throw new ForbiddenException(NotFound);
        if (round.DecisionIssued)
        {
            throw new ValidationException(LockedMessage(round));
        }
    }

    public async Task<IReadOnlyList<EligibilityHint>> HintsAsync(int roundId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.Set<AwardRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(NotFound);
        return await AwardHints.ForAsync(db, round, ct);
    }

    // Register rows a proposal can name, by kind and a search (diacritics and case ignored).
    public async Task<IReadOnlyList<SubjectOption>> SearchSubjectsAsync(SubjectKind kind, string? search, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = VietnameseText.SearchKey(search);
        var c = scope.CommuneId;
        IQueryable<SubjectOption> rows = kind switch
        {
            SubjectKind.Household => db.Households.Where(h => h.CommuneId == c && h.Status == HouseholdStatus.Resident && (key == "" || h.HeadNameSearch.Contains(key) || h.Code.Contains(search ?? "")))
                .OrderBy(h => h.HeadGivenNameSort).Select(h => new SubjectOption(h.Id, h.HeadName + " (" + h.Code + ")", h.Village!.Name)),
            SubjectKind.Person => db.People.Where(p => p.Household!.CommuneId == c && p.Status == PersonStatus.Living && (key == "" || p.FullNameSearch.Contains(key)))
                .OrderBy(p => p.GivenNameSort).Select(p => new SubjectOption(p.Id, p.FullName, p.Household!.Village!.Name)),
            SubjectKind.Clan => db.Clans.Where(x => x.CommuneId == c && (key == "" || x.NameSearch.Contains(key)))
                .OrderBy(x => x.Name).Select(x => new SubjectOption(x.Id, x.Name, "")),
            SubjectKind.Village => db.Villages.Where(v => v.CommuneId == c).OrderBy(v => v.SortOrder).Select(v => new SubjectOption(v.Id, v.Name, "")),
            SubjectKind.Unit => db.Units.Where(u => u.CommuneId == c && u.Active && (key == "" || u.NameSearch.Contains(key)))
                .OrderBy(u => u.Name).Select(u => new SubjectOption(u.Id, u.Name, "")),
            _ => Enumerable.Empty<SubjectOption>().AsQueryable(),
        };
        return await rows.AsNoTracking().Take(20).ToListAsync(ct);
    }

    public Task<int> SaveProposalAsync(ProposalForm form, CancellationToken ct = default) =>
        SaveAsManagerAsync(proposalValidator, form, (db, communeId) => ProposeAsync(db, communeId, form, ct), ct);

    // The role check and the form's validation, then the saving the demo seeder shares, done as the signed-in user.
    private async Task<int> SaveAsManagerAsync<TForm>(IValidator<TForm> validator, TForm form, Func<AppDbContext, int, Task<int>> save,
        CancellationToken ct)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        return await save(db, scope.CommuneId);
    }

    // Shared with the demo seeder. The subject's name and village come from the register, never from the form.
    public static async Task<int> ProposeAsync(AppDbContext db, int communeId, ProposalForm form, CancellationToken ct = default)
    {
        await EnsureOpenAsync(db, communeId, form.RoundId, ct);
        var (name, village) = await SubjectAsync(db, communeId, form.SubjectKind, form.SubjectId, ct)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        if (await db.Set<AwardProposal>().AnyAsync(p => p.RoundId == form.RoundId && p.SubjectKind == form.SubjectKind && p.SubjectId == form.SubjectId && p.Id != form.Id, ct))
        {
            throw new ValidationException($"{name} đã có trong danh sách đề nghị của đợt này.");
        }
        AwardProposal proposal;
        if (form.Id == 0)
        {
            proposal = new AwardProposal { RoundId = form.RoundId };
            db.Add(proposal);
        }
        else
        {
            proposal = await db.EditedRowAsync(db.Set<AwardProposal>().Where(p => p.Id == form.Id && p.RoundId == form.RoundId), form.Version, NotFound, ct);
            // A changed proposal goes back to the council.
            proposal.Status = AwardProposalStatus.Proposed;
            proposal.CouncilNote = "";
            proposal.ReviewedBy = "";
            proposal.ReviewedAtUtc = null;
        }
        proposal.Form = form.Form;
        proposal.SubjectKind = form.SubjectKind;
        proposal.SubjectId = form.SubjectId;
        proposal.SubjectName = name;
        proposal.VillageName = village;
        proposal.Achievements = form.Achievements.Trim();
        await db.SaveOrConflictAsync("Đề nghị khen thưởng này", ct);
        return proposal.Id;
    }

    public async Task DeleteProposalAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var proposal = await db.Set<AwardProposal>().SingleOrDefaultAsync(p => p.Id == id && p.Round!.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException(NotFound);
        await EnsureOpenAsync(db, scope.CommuneId, proposal.RoundId, ct);
        db.Remove(proposal);
        await db.SaveChangesAsync(ct);
    }

    // The council's answer to the proposal as they loaded it (its version): one changed since is refused as a stale edit,
    // so nobody approves words they have not read. Refusing needs a reason, which the proposal list shows.
    public async Task ReviewAsync(int proposalId, int version, bool approve, string? note, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Council);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        await ReviewAsync(db, scope.CommuneId, proposalId, version, approve, note, scope.Name, clock.GetUtcNow().UtcDateTime, ct);
    }

    public static async Task ReviewAsync(AppDbContext db, int communeId, int proposalId, int version, bool approve, string? note, string by, DateTime atUtc,
        CancellationToken ct = default)
    {
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new ValidationException("Hãy ghi lý do Hội đồng không đồng ý.");
        }
        if (note?.Trim().Length > 1000)
        {
            throw new ValidationException("Ý kiến của Hội đồng dài quá 1.000 ký tự.");
        }
        var proposal = await db.EditedRowAsync(db.Set<AwardProposal>().Where(p => p.Id == proposalId && p.Round!.CommuneId == communeId), version, NotFound, ct);
        await EnsureOpenAsync(db, communeId, proposal.RoundId, ct);
        proposal.Status = approve ? AwardProposalStatus.Approved : AwardProposalStatus.Refused;
        proposal.CouncilNote = note?.Trim() ?? "";
        proposal.ReviewedBy = by;
        proposal.ReviewedAtUtc = atUtc;
        await db.SaveOrConflictAsync("Đề nghị khen thưởng này", ct);
    }

    public async Task SaveDocumentsAsync(RoundDocumentsForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await documentsValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var round = await db.EditedRowAsync(db.Set<AwardRound>().Where(r => r.Id == form.RoundId && r.CommuneId == scope.CommuneId), form.Version, NotFound, ct);
        if (round.DecisionIssued)
        {
            // Only the proposal to the level above (tờ trình) may still be numbered and dated.
            var decisionFields = (form.DecisionNumber, form.DecisionDate is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null,
                form.SignerName.Trim(), form.SignerPosition.Trim(), form.CouncilMeeting.Trim());
            if (decisionFields != (round.DecisionNumber, round.DecisionDate, round.SignerName, round.SignerPosition, round.CouncilMeeting))
            {
                throw new ValidationException("Quyết định khen thưởng đã ban hành: số, ngày, người ký và biên bản họp Hội đồng không sửa được nữa.");
            }
        }
        ApplyDocuments(round, form);
        await db.SaveOrConflictAsync("Đợt khen thưởng này", ct);
    }

    // The commune chair signs: the decision's number, date and signer are kept with who issued it and when, and the
    // round's list is locked from then on (decision 019).
    public async Task IssueDecisionAsync(RoundDocumentsForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await documentsValidator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var round = await db.EditedRowAsync(db.Set<AwardRound>().Include(r => r.Proposals).Where(r => r.Id == form.RoundId && r.CommuneId == scope.CommuneId),
            form.Version, NotFound, ct);
        ApplyDocuments(round, form);
        Issue(round, scope.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveOrConflictAsync("Đợt khen thưởng này", ct);
    }

    // Shared with the demo seeder: the rules an issued decision must meet.
    public static void Issue(AwardRound round, string by, DateTime atUtc)
    {
        if (round.DecisionIssued)
        {
            throw new ValidationException(LockedMessage(round));
        }
        if (round.DecisionNumber is null || round.DecisionDate is null)
        {
            throw new ValidationException("Hãy ghi số và ngày ký quyết định khen thưởng trước khi ban hành.");
        }
        if (round.SignerName.Length == 0 || round.SignerPosition.Length == 0)
        {
            throw new ValidationException("Hãy ghi họ tên và chức vụ người ký trước khi ban hành.");
        }
        if (round.DecisionDate.Value.Year != round.Year)
        {
            throw new ValidationException($"Ngày ký quyết định phải trong năm {round.Year} của đợt khen thưởng.");
        }
        var waiting = round.Proposals.Count(p => p.Status == AwardProposalStatus.Proposed);
        if (waiting > 0)
        {
            throw new ValidationException($"Còn {waiting} đề nghị chưa được Hội đồng Thi đua – Khen thưởng xét: hãy xét xong trước khi ban hành quyết định.");
        }
        if (!round.Proposals.Any(p => p.Status == AwardProposalStatus.Approved && p.Form == AwardForm.CommuneCertificate))
        {
            throw new ValidationException("Chưa có đề nghị Giấy khen nào được Hội đồng đồng ý: quyết định khen thưởng không có ai để tặng.");
        }
        round.DecisionIssuedAtUtc = atUtc;
        round.DecisionIssuedBy = by;
    }

    public static void ApplyDocuments(AwardRound round, RoundDocumentsForm form)
    {
        round.DecisionNumber = form.DecisionNumber;
        round.DecisionDate = form.DecisionDate is { } d ? DateOnly.FromDateTime(d) : null;
        round.SubmissionNumber = form.SubmissionNumber;
        round.SubmissionDate = form.SubmissionDate is { } s ? DateOnly.FromDateTime(s) : null;
        round.SignerName = form.SignerName.Trim();
        round.SignerPosition = form.SignerPosition.Trim();
        round.CouncilMeeting = form.CouncilMeeting.Trim();
    }

    // The awards a subject received (approved by the council), for the subject's own page: whoever may read the
    // subject in the registers may read its awards.
    public async Task<IReadOnlyList<SubjectAward>> ForSubjectAsync(SubjectKind kind, int subjectId, bool withMembers = false, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = kind switch
        {
            SubjectKind.Household => await db.Households.InScope(scope).AnyAsync(h => h.Id == subjectId, ct),
            SubjectKind.Person => await db.People.InScope(scope, db.Households).AnyAsync(p => p.Id == subjectId, ct),
            SubjectKind.Village => await db.Villages.InScope(scope).AnyAsync(v => v.Id == subjectId, ct),
            SubjectKind.Clan => await db.Clans.InScope(scope, db.Households).AnyAsync(c => c.Id == subjectId, ct),
            SubjectKind.Unit => await db.Units.AnyAsync(u => u.Id == subjectId && u.CommuneId == scope.CommuneId, ct),
            _ => false,
        };
        if (!visible)
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        // A household's page also lists the awards of its members.
        var members = kind == SubjectKind.Household && withMembers
            ? await db.People.Where(p => p.HouseholdId == subjectId).Select(p => p.Id).ToListAsync(ct) : [];
        var rows = await db.Set<AwardProposal>().AsNoTracking()
            .Where(p => ((p.SubjectKind == kind && p.SubjectId == subjectId) || (p.SubjectKind == SubjectKind.Person && members.Contains(p.SubjectId)))
                && p.Status == AwardProposalStatus.Approved && p.Round!.CommuneId == scope.CommuneId)
            .Select(p => new { p.Round!.Kind, p.Round.Year, p.Form, p.Status, p.Achievements, p.Round.DecisionNumber, p.Round.DecisionDate, p.Round.DecisionIssuedAtUtc,
                Member = p.SubjectKind == kind ? null : p.SubjectName })
            .ToListAsync(ct);
        // The commune's Giấy khen carries the decision's number once the decision is issued.
        return rows.OrderByDescending(r => r.Year).Select(r =>
        {
            var issued = r.Form == AwardForm.CommuneCertificate && r.DecisionIssuedAtUtc is not null;
            return new SubjectAward(new AwardRound { Kind = r.Kind, Year = r.Year }.Name, r.Year, r.Form, r.Status, r.Achievements,
                issued ? r.DecisionNumber : null, issued ? r.DecisionDate : null, r.Member);
        }).ToList();
    }

    private static async Task<(string Name, string Village)?> SubjectAsync(AppDbContext db, int communeId, SubjectKind kind, int id, CancellationToken ct = default)
    {
        var row = kind switch
        {
            SubjectKind.Household => await db.Households.Where(h => h.Id == id && h.CommuneId == communeId)
                .Select(h => new { Name = h.HeadName, Village = h.Village!.Name }).SingleOrDefaultAsync(ct),
            SubjectKind.Person => await db.People.Where(p => p.Id == id && p.Household!.CommuneId == communeId)
                .Select(p => new { Name = p.FullName, Village = p.Household!.Village!.Name }).SingleOrDefaultAsync(ct),
            SubjectKind.Clan => await db.Clans.Where(c => c.Id == id && c.CommuneId == communeId).Select(c => new { Name = c.Name, Village = "" }).SingleOrDefaultAsync(ct),
            SubjectKind.Village => await db.Villages.Where(v => v.Id == id && v.CommuneId == communeId).Select(v => new { Name = v.Name, Village = "" }).SingleOrDefaultAsync(ct),
            SubjectKind.Unit => await db.Units.Where(u => u.Id == id && u.CommuneId == communeId).Select(u => new { Name = u.Name, Village = "" }).SingleOrDefaultAsync(ct),
            _ => null,
        };
        return row is null ? null : (AwardHints.PrintedName(kind, row.Name), row.Village);
    }
}
