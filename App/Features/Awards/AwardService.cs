using FluentValidation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Households;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Security;
using Microsoft.EntityFrameworkCore;

namespace HocTapSuotDoi.Features.Awards;

public sealed record RoundRow(int Id, AwardRoundKind Kind, int Year, string Name, int FromYear, int ToYear, int Proposed, int Approved, int Refused, int? DecisionNumber);

public sealed record ProposalRow(int Id, int Version, AwardForm Form, SubjectKind SubjectKind, int SubjectId, string SubjectName, string VillageName,
    string Achievements, AwardProposalStatus Status, string CouncilNote, string ReviewedBy);

public sealed record RoundView(int Id, AwardRoundKind Kind, int Year, string Name, int FromYear, int ToYear, IReadOnlyList<ProposalRow> Proposals,
    RoundDocumentsForm Documents, bool CanManage, bool CanReview);

public sealed record SubjectOption(int Id, string Name, string Village);

public sealed record SubjectAward(string Round, int Year, AwardForm Form, AwardProposalStatus Status, string Achievements, int? DecisionNumber, DateOnly? DecisionDate);

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

    public async Task<(IReadOnlyList<RoundRow> Rounds, bool CanManage)> ListRoundsAsync()
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        var rounds = await db.Set<AwardRound>().AsNoTracking().Where(r => r.CommuneId == scope.CommuneId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Kind)
            .Select(r => new
            {
                r.Id, r.Kind, r.Year, r.FromYear, r.ToYear, r.DecisionNumber,
                Proposed = r.Proposals.Count(p => p.Status == AwardProposalStatus.Proposed),
                Approved = r.Proposals.Count(p => p.Status == AwardProposalStatus.Approved),
                Refused = r.Proposals.Count(p => p.Status == AwardProposalStatus.Refused),
            }).ToListAsync();
        return (rounds.Select(r => new RoundRow(r.Id, r.Kind, r.Year, new AwardRound { Kind = r.Kind, Year = r.Year }.Name, r.FromYear, r.ToYear,
            r.Proposed, r.Approved, r.Refused, r.DecisionNumber)).ToList(), scope.HasRole(Managers));
    }

    public async Task<int> CreateRoundAsync(RoundForm form)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await roundValidator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateForAsync(scope);
        return await CreateRoundAsync(db, scope.CommuneId, form);
    }

    // Shared with the demo seeder: one round per kind and year.
    public static async Task<int> CreateRoundAsync(AppDbContext db, int communeId, RoundForm form)
    {
        if (await db.Set<AwardRound>().AnyAsync(r => r.CommuneId == communeId && r.Kind == form.Kind && r.Year == form.Year))
        {
            throw new ValidationException($"Đã có đợt “{new AwardRound { Kind = form.Kind, Year = form.Year }.Name}”.");
        }
        var (from, to) = AwardRound.YearsOf(form.Kind, form.Year);
        var round = new AwardRound { CommuneId = communeId, Kind = form.Kind, Year = form.Year, FromYear = from, ToYear = to };
        db.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    }

    public async Task<RoundView> GetRoundAsync(int id)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        var round = await db.Set<AwardRound>().AsNoTracking().Include(r => r.Proposals)
            .SingleOrDefaultAsync(r => r.Id == id && r.CommuneId == scope.CommuneId) ?? throw new ForbiddenException(NotFound);
        var proposals = round.Proposals.OrderBy(p => p.Form).ThenBy(p => AwardTexts.CategoryOf(p.SubjectKind)).ThenBy(p => p.Id)
            .Select(p => new ProposalRow(p.Id, p.Version, p.Form, p.SubjectKind, p.SubjectId, p.SubjectName, p.VillageName, p.Achievements,
                p.Status, p.CouncilNote, p.ReviewedBy)).ToList();
        var documents = new RoundDocumentsForm
        {
            RoundId = round.Id, Version = round.Version, DecisionNumber = round.DecisionNumber, DecisionDate = round.DecisionDate?.ToDateTime(TimeOnly.MinValue),
            SubmissionNumber = round.SubmissionNumber, SubmissionDate = round.SubmissionDate?.ToDateTime(TimeOnly.MinValue),
            SignerName = round.SignerName, SignerPosition = round.SignerPosition.Length > 0 ? round.SignerPosition : "CHỦ TỊCH",
            CouncilMeeting = round.CouncilMeeting,
        };
        return new RoundView(round.Id, round.Kind, round.Year, round.Name, round.FromYear, round.ToYear, proposals, documents,
            scope.HasRole(Managers), scope.HasRole(Council));
    }

    public async Task<IReadOnlyList<EligibilityHint>> HintsAsync(int roundId)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        var round = await db.Set<AwardRound>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId && r.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(NotFound);
        return await AwardHints.ForAsync(db, round);
    }

    // Register rows a proposal can name, by kind and a search (diacritics and case ignored).
    public async Task<IReadOnlyList<SubjectOption>> SearchSubjectsAsync(SubjectKind kind, string? search)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await using var db = await dbFactory.CreateDbContextAsync();
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
        return await rows.AsNoTracking().Take(20).ToListAsync();
    }

    public async Task<int> SaveProposalAsync(ProposalForm form)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await proposalValidator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateForAsync(scope);
        return await ProposeAsync(db, scope.CommuneId, form);
    }

    // Shared with the demo seeder. The subject's name and village come from the register, never from the form.
    public static async Task<int> ProposeAsync(AppDbContext db, int communeId, ProposalForm form)
    {
        if (!await db.Set<AwardRound>().AnyAsync(r => r.Id == form.RoundId && r.CommuneId == communeId))
        {
            throw new ForbiddenException(NotFound);
        }
        var (name, village) = await SubjectAsync(db, communeId, form.SubjectKind, form.SubjectId)
            ?? throw new ForbiddenException(UserMessages.NotInScope);
        if (await db.Set<AwardProposal>().AnyAsync(p => p.RoundId == form.RoundId && p.SubjectKind == form.SubjectKind && p.SubjectId == form.SubjectId && p.Id != form.Id))
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
            proposal = await db.Set<AwardProposal>().SingleOrDefaultAsync(p => p.Id == form.Id && p.RoundId == form.RoundId)
                ?? throw new ForbiddenException(NotFound);
            db.Entry(proposal).Property(p => p.Version).OriginalValue = form.Version;
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
        await db.SaveOrConflictAsync("Đề nghị khen thưởng này");
        return proposal.Id;
    }

    public async Task DeleteProposalAsync(int id)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await using var db = await dbFactory.CreateForAsync(scope);
        var proposal = await db.Set<AwardProposal>().SingleOrDefaultAsync(p => p.Id == id && p.Round!.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(NotFound);
        db.Remove(proposal);
        await db.SaveChangesAsync();
    }

    // The council's answer. Refusing needs a reason, which the proposal list shows.
    public async Task ReviewAsync(int proposalId, bool approve, string? note)
    {
        var scope = await currentUser.RequireScopeAsync(Council);
        await using var db = await dbFactory.CreateForAsync(scope);
        await ReviewAsync(db, scope.CommuneId, proposalId, approve, note, scope.Name, clock.GetUtcNow().UtcDateTime);
    }

    public static async Task ReviewAsync(AppDbContext db, int communeId, int proposalId, bool approve, string? note, string by, DateTime atUtc)
    {
        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new ValidationException("Hãy ghi lý do Hội đồng không đồng ý.");
        }
        if (note?.Trim().Length > 1000)
        {
            throw new ValidationException("Ý kiến của Hội đồng dài quá 1.000 ký tự.");
        }
        var proposal = await db.Set<AwardProposal>().SingleOrDefaultAsync(p => p.Id == proposalId && p.Round!.CommuneId == communeId)
            ?? throw new ForbiddenException(NotFound);
        proposal.Status = approve ? AwardProposalStatus.Approved : AwardProposalStatus.Refused;
        proposal.CouncilNote = note?.Trim() ?? "";
        proposal.ReviewedBy = by;
        proposal.ReviewedAtUtc = atUtc;
        await db.SaveChangesAsync();
    }

    public async Task SaveDocumentsAsync(RoundDocumentsForm form)
    {
        var scope = await currentUser.RequireScopeAsync(Managers);
        await documentsValidator.ValidateAndThrowAsync(form);
        await using var db = await dbFactory.CreateForAsync(scope);
        var round = await db.Set<AwardRound>().SingleOrDefaultAsync(r => r.Id == form.RoundId && r.CommuneId == scope.CommuneId)
            ?? throw new ForbiddenException(NotFound);
        db.Entry(round).Property(r => r.Version).OriginalValue = form.Version;
        ApplyDocuments(round, form);
        await db.SaveOrConflictAsync("Đợt khen thưởng này");
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
    public async Task<IReadOnlyList<SubjectAward>> ForSubjectAsync(SubjectKind kind, int subjectId)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync();
        var visible = kind switch
        {
            SubjectKind.Household => await db.Households.InScope(scope).AnyAsync(h => h.Id == subjectId),
            SubjectKind.Person => await db.People.InScope(scope, db.Households).AnyAsync(p => p.Id == subjectId),
            SubjectKind.Village => await db.Villages.InScope(scope).AnyAsync(v => v.Id == subjectId),
            SubjectKind.Clan => await db.Clans.InScope(scope, db.Households).AnyAsync(c => c.Id == subjectId),
            SubjectKind.Unit => await db.Units.AnyAsync(u => u.Id == subjectId && u.CommuneId == scope.CommuneId),
            _ => false,
        };
        if (!visible)
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        var rows = await db.Set<AwardProposal>().AsNoTracking()
            .Where(p => p.SubjectKind == kind && p.SubjectId == subjectId && p.Status == AwardProposalStatus.Approved && p.Round!.CommuneId == scope.CommuneId)
            .Select(p => new { p.Round!.Kind, p.Round.Year, p.Form, p.Status, p.Achievements, p.Round.DecisionNumber, p.Round.DecisionDate })
            .ToListAsync();
        return rows.OrderByDescending(r => r.Year).Select(r => new SubjectAward(new AwardRound { Kind = r.Kind, Year = r.Year }.Name, r.Year, r.Form, r.Status,
            r.Achievements, r.Form == AwardForm.CommuneCertificate ? r.DecisionNumber : null, r.Form == AwardForm.CommuneCertificate ? r.DecisionDate : null)).ToList();
    }

    private static async Task<(string Name, string Village)?> SubjectAsync(AppDbContext db, int communeId, SubjectKind kind, int id)
    {
        var row = kind switch
        {
            SubjectKind.Household => await db.Households.Where(h => h.Id == id && h.CommuneId == communeId)
                .Select(h => new { Name = h.HeadName, Village = h.Village!.Name }).SingleOrDefaultAsync(),
            SubjectKind.Person => await db.People.Where(p => p.Id == id && p.Household!.CommuneId == communeId)
                .Select(p => new { Name = p.FullName, Village = p.Household!.Village!.Name }).SingleOrDefaultAsync(),
            SubjectKind.Clan => await db.Clans.Where(c => c.Id == id && c.CommuneId == communeId).Select(c => new { Name = c.Name, Village = "" }).SingleOrDefaultAsync(),
            SubjectKind.Village => await db.Villages.Where(v => v.Id == id && v.CommuneId == communeId).Select(v => new { Name = v.Name, Village = "" }).SingleOrDefaultAsync(),
            SubjectKind.Unit => await db.Units.Where(u => u.Id == id && u.CommuneId == communeId).Select(u => new { Name = u.Name, Village = "" }).SingleOrDefaultAsync(),
            _ => null,
        };
        return row is null ? null : (AwardHints.PrintedName(kind, row.Name), row.Village);
    }
}
