using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.Exemplary;

public sealed record StoryRow(int Id, int Version, ExemplaryKind Kind, string Name, int Year, string Title, string Story, int? VillageId, string? VillageName,
    int? PersonId, int? HouseholdId, int? ClanId, int? UnitId, IReadOnlyList<int> PhotoIds);

public sealed record StoryOption(int Id, string Name);

// Scholarships and awards to learners of a year: the fund's payments for them.
public sealed record LearnerAward(string Party, string? Village, FundPurpose Purpose, string Content, long Amount, bool InRegister);

// Gương điển hình with their photos, and the printable honour list of a year (stories + scholarships and awards).
public sealed class ExemplaryService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    AppSettings settings,
    TimeProvider clock,
    IValidator<ExemplaryForm> validator)
{
    public static readonly string[] Readers = [Roles.Administrator, Roles.Committee, Roles.Scorer, Roles.Viewer];
    public static readonly string[] Editors = [Roles.Administrator, Roles.Committee];
    public const long MaxPhotoBytes = 5 * 1024 * 1024;

    private string Folder(int storyId) => Path.Combine(settings.DataDirectory, "guong-dien-hinh", storyId.ToString(CultureInfo.InvariantCulture));

    public async Task<(IReadOnlyList<StoryRow> Rows, bool CanEdit)> ListAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ExemplaryStory>().AsNoTracking().Where(s => s.CommuneId == scope.CommuneId && s.Year == year)
            .OrderBy(s => s.Content.Kind).ThenBy(s => s.Content.Name)
            .Select(s => new StoryRow(s.Id, s.Version, s.Content.Kind, s.Content.Name, s.Year, s.Content.Title, s.Content.Story, s.VillageId,
                db.Villages.Where(v => v.Id == s.VillageId).Select(v => v.Name).FirstOrDefault(), s.PersonId, s.HouseholdId, s.ClanId, s.UnitId,
                s.Photos.OrderBy(p => p.Id).Select(p => p.Id).ToList()))
            .ToListAsync(ct);
        return (rows, scope.HasRole(Editors));
    }

    public async Task<(IReadOnlyList<StoryOption> Villages, IReadOnlyList<StoryOption> Clans, IReadOnlyList<StoryOption> Units)> OptionsAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CommuneId == scope.CommuneId).OrderBy(v => v.SortOrder).Select(v => new StoryOption(v.Id, v.Name)).ToListAsync(ct);
        var clans = await db.Clans.AsNoTracking().Where(c => c.CommuneId == scope.CommuneId).OrderBy(c => c.Name).Select(c => new StoryOption(c.Id, c.Name)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.CommuneId == scope.CommuneId && u.Active).OrderBy(u => u.Name).Select(u => new StoryOption(u.Id, u.Name)).ToListAsync(ct);
        return (villages, clans, units);
    }

    public static ExemplaryForm FormFor(StoryRow r) => new()
    {
        Id = r.Id, Version = r.Version, Year = r.Year, VillageId = r.VillageId,
        Content = new() { Kind = r.Kind, Name = r.Name, Title = r.Title, Story = r.Story },
        RegisterRowId = r.Kind switch
        {
            ExemplaryKind.Person => r.PersonId,
            ExemplaryKind.Household => r.HouseholdId,
            ExemplaryKind.Clan => r.ClanId,
            _ => r.UnitId,
        },
    };

    public async Task<int> SaveAsync(ExemplaryForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var (c, kind) = (scope.CommuneId, form.Content.Kind);
        if ((form.VillageId is { } v && !await db.Villages.AnyAsync(x => x.Id == v && x.CommuneId == c, ct))
            || (form.RegisterRowId is { } id && !await (kind switch
            {
                ExemplaryKind.Person => db.People.AnyAsync(x => x.Id == id && x.Household!.CommuneId == c, ct),
                ExemplaryKind.Household => db.Households.AnyAsync(x => x.Id == id && x.CommuneId == c, ct),
                ExemplaryKind.Clan => db.Clans.AnyAsync(x => x.Id == id && x.CommuneId == c, ct),
                _ => db.Units.AnyAsync(x => x.Id == id && x.CommuneId == c, ct),
            })))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        ExemplaryStory story;
        if (form.Id == 0)
        {
            story = new ExemplaryStory { CommuneId = c };
            db.Add(story);
        }
        else
        {
            story = await db.EditedRowAsync(db.Set<ExemplaryStory>().Where(s => s.Id == form.Id && s.CommuneId == c), form.Version, ct);
        }
        story.Content.Kind = kind;
        story.Content.Name = form.Content.Name.Trim();
        story.Year = form.Year;
        story.Content.Title = form.Content.Title.Trim();
        story.Content.Story = form.Content.Story.Trim();
        story.VillageId = form.VillageId;
        story.PersonId = kind == ExemplaryKind.Person ? form.RegisterRowId : null;
        story.HouseholdId = kind == ExemplaryKind.Household ? form.RegisterRowId : null;
        story.ClanId = kind == ExemplaryKind.Clan ? form.RegisterRowId : null;
        story.UnitId = kind == ExemplaryKind.Unit ? form.RegisterRowId : null;
        await db.SaveOrConflictAsync("Gương điển hình này", ct);
        return story.Id;
    }

    // Photos: JPG or PNG only, checked by their first bytes too (a renamed file is refused), at most 5 MB each.
    public async Task<int> AddPhotoAsync(int storyId, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = extension switch { ".jpg" or ".jpeg" => "image/jpeg", ".png" => "image/png", _ => null }
            ?? throw new ValidationException($"Tệp \"{fileName}\" không được nhận: ảnh phải là JPG hoặc PNG.");
        if (size is <= 0 or > MaxPhotoBytes)
        {
            throw new ValidationException($"Ảnh \"{fileName}\" {(size <= 0 ? "trống" : "quá lớn")}: mỗi ảnh tối đa 5 MB.");
        }
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (!LooksLike(bytes, type))
        {
            throw new ValidationException($"Tệp \"{fileName}\" không phải ảnh {(type == "image/png" ? "PNG" : "JPG")} hợp lệ.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ExemplaryStory>().AnyAsync(s => s.Id == storyId && s.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException(UserMessages.NotInScope);
        }
        var stored = await StoredFiles.WriteAsync(Folder(storyId), type == "image/png" ? ".png" : ".jpg", new MemoryStream(bytes), ct);
        var photo = new StoryPhoto
        {
            StoryId = storyId, FileName = Path.GetFileName(fileName), StoredName = stored, ContentType = type, SizeBytes = bytes.Length,
            UploadedBy = scope.Name, UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(photo);
        db.ChangeLogs.Add(new ChangeLog { EntityType = nameof(ExemplaryStory), EntityId = storyId.ToString(CultureInfo.InvariantCulture), Action = "Thêm ảnh", Changes = photo.FileName, By = scope.Name, AtUtc = photo.UploadedAtUtc });
        await db.SaveChangesAsync(ct);
        return photo.Id;
    }

    private static bool LooksLike(byte[] b, string type) => type == "image/png"
        ? b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47
        : b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    public async Task<(string Path, string ContentType)> PhotoAsync(int id, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var photo = await db.Set<StoryPhoto>().AsNoTracking()
            .Where(p => p.Id == id && db.Set<ExemplaryStory>().Any(s => s.Id == p.StoryId && s.CommuneId == scope.CommuneId))
            .SingleOrDefaultAsync(ct) ?? throw new ForbiddenException(UserMessages.NotInScope);
        return (Path.Combine(Folder(photo.StoryId), photo.StoredName), photo.ContentType);
    }

    public async Task<IReadOnlyList<LearnerAward>> LearnerAwardsAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LearnerAwardsAsync(db, scope.CommuneId, year, ct);
    }

    private static Task<List<LearnerAward>> LearnerAwardsAsync(AppDbContext db, int communeId, int year, CancellationToken ct = default) =>
        db.Set<FundEntry>().AsNoTracking()
            .Where(e => e.CommuneId == communeId && e.Year == year && e.Kind == FundEntryKind.Payment
                && (e.Details.Purpose == FundPurpose.Scholarship || e.Details.Purpose == FundPurpose.Award))
            .OrderBy(e => e.Details.Purpose).ThenBy(e => e.Date).ThenBy(e => e.Id)
            .Select(e => new LearnerAward(e.Details.Party, db.Villages.Where(v => v.Id == e.VillageId).Select(v => v.Name).FirstOrDefault(), e.Details.Purpose,
                e.Details.Content, e.Details.Amount, e.PersonId != null || e.HouseholdId != null))
            .ToListAsync(ct);

    // The honour list of a year (.docx): stories and learners' scholarships and awards, signed by the committee's head.
    public async Task<(byte[] Content, string FileName)> HonourListDocxAsync(int year, string? signer = null, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var commune = await db.Communes.Where(c => c.Id == scope.CommuneId).Select(c => c.Name).SingleAsync(ct);
        var stories = (await ListAsync(year, ct)).Rows;
        var awards = await LearnerAwardsAsync(db, scope.CommuneId, year, ct);
        signer = string.IsNullOrWhiteSpace(signer) ? "" : signer.Trim()[..Math.Min(100, signer.Trim().Length)];
        var data = new HonourListData(commune, year, VnTime.Today(clock), stories, awards, signer);
        return (HonourListDocx.Write(data, Decisions.DocumentLayout.Load().Decision), $"bang-vinh-danh-{year}.docx");
    }
}
