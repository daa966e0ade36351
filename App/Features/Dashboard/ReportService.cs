using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Features.Dashboard;

public sealed class ReportTextForm
{
    public int Year { get; set; }
    public int Version { get; set; }
    public ReportContent Content { get; set; } = new();
}

public sealed class ReportTextFormValidator : AbstractValidator<ReportTextForm>
{
    public ReportTextFormValidator()
    {
        RuleFor(x => x.Content.Number).MaximumLength(40).WithMessage("Số văn bản dài quá 40 ký tự.")
            .Matches(@"^[0-9A-Za-z\-]*$").WithMessage("Số văn bản chỉ gồm chữ số, chữ không dấu và dấu gạch (ví dụ 15).");
        RuleFor(x => x.Content.Awards).MaximumLength(8000).WithMessage("Nội dung dài quá 8000 ký tự.");
        RuleFor(x => x.Content.Difficulties).MaximumLength(8000).WithMessage("Nội dung dài quá 8000 ký tự.");
        RuleFor(x => x.Content.Proposals).MaximumLength(8000).WithMessage("Nội dung dài quá 8000 ký tự.");
        RuleFor(x => x.Content.SignerName).MaximumLength(200).WithMessage("Họ và tên người ký dài quá 200 ký tự.");
        RuleFor(x => x.Content.SignerPosition).NotEmpty().WithMessage("Hãy nhập chức vụ người ký (ví dụ TM. BAN CHỈ ĐẠO – TRƯỞNG BAN).")
            .MaximumLength(200).WithMessage("Chức vụ người ký dài quá 200 ký tự.");
    }
}

public sealed record IssuedReportRow(int Id, int Year, int Sequence, string Number, DateOnly IssuedOn, DateTime IssuedAtUtc, string IssuedBy);

public sealed class ReportService(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, ReportObligations obligations,
    TimeProvider clock, IValidator<ReportTextForm> validator, Setup.AppSettings settings)
{
    public static readonly string[] Readers = DashboardService.Readers;
    public static readonly string[] Writers = [Roles.Administrator, Roles.Committee];

    public async Task<ReportTextForm> GetTextAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TextAsync(db, scope.CommuneId, year, ct: ct);
    }

    public async Task SaveTextAsync(ReportTextForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Writers);
        await validator.ValidateAndThrowAsync(form, ct);
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        var text = await db.Set<YearlyReportText>().SingleOrDefaultAsync(t => t.CommuneId == scope.CommuneId && t.Year == form.Year, ct);
        if (text is null)
        {
            text = new YearlyReportText { CommuneId = scope.CommuneId, Year = form.Year };
            db.Add(text);
        }
        else
        {
            db.Entry(text).Property(t => t.Version).OriginalValue = form.Version;
        }
        text.Content.Number = form.Content.Number.Trim();
        text.Content.Awards = form.Content.Awards.Trim();
        text.Content.Difficulties = form.Content.Difficulties.Trim();
        text.Content.Proposals = form.Content.Proposals.Trim();
        text.Content.SignerName = form.Content.SignerName.Trim();
        text.Content.SignerPosition = form.Content.SignerPosition.Trim();
        await db.SaveOrConflictAsync("Báo cáo này", ct);
    }

    public async Task<YearlyReportData> BuildAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await BuildAsync(db, scope.CommuneId, year, ct);
    }

    public async Task<DownloadFile> DocxAsync(int year, CancellationToken ct = default) => Docx(await BuildAsync(year, ct));

    public async Task<DownloadFile> XlsxAsync(int year, CancellationToken ct = default) => Xlsx(await BuildAsync(year, ct));

    // Issuing keeps both files as generated today, with the date: a later change of data never alters what was sent.
    public async Task<int> IssueAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Writers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var data = await BuildAsync(db, scope.CommuneId, year, ct);
        var sequence = await db.Set<IssuedReport>().Where(r => r.CommuneId == scope.CommuneId && r.Year == year).MaxAsync(r => (int?)r.Sequence, ct) ?? 0;
        var issued = new IssuedReport
        {
            CommuneId = scope.CommuneId, Year = year, Sequence = sequence + 1, Number = data.Number, IssuedOn = data.Date,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime, IssuedBy = scope.Name, Docx = ReportDocx.Write(data), Xlsx = ReportXlsx.Write(data),
        };
        db.Add(issued);
        await db.SaveChangesAsync(ct);
        return issued.Id;
    }

    public async Task<IReadOnlyList<IssuedReportRow>> ListIssuedAsync(int year, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<IssuedReport>().AsNoTracking().Where(r => r.CommuneId == scope.CommuneId && r.Year == year).OrderByDescending(r => r.Sequence)
            .Select(r => new IssuedReportRow(r.Id, r.Year, r.Sequence, r.Number, r.IssuedOn, r.IssuedAtUtc, r.IssuedBy)).ToListAsync(ct);
    }

    public async Task<DownloadFile> IssuedFileAsync(int id, bool docx, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issued = await db.Set<IssuedReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.CommuneId == scope.CommuneId, ct)
            ?? throw new ForbiddenException("Không tìm thấy bản báo cáo này.");
        var name = $"bao-cao-xhht-{issued.Year}-ban-{issued.Sequence}-{issued.IssuedOn:yyyyMMdd}";
        return docx ? new DownloadFile(name + ".docx", Downloads.DocxType, issued.Docx) : new DownloadFile(name + ".xlsx", Downloads.XlsxType, issued.Xlsx);
    }

    public static DownloadFile Docx(YearlyReportData data) => new(data.FileStem + ".docx", Downloads.DocxType, ReportDocx.Write(data));

    public static DownloadFile Xlsx(YearlyReportData data) => new(data.FileStem + ".xlsx", Downloads.XlsxType, ReportXlsx.Write(data));

    private async Task<YearlyReportData> BuildAsync(AppDbContext db, int communeId, int year, CancellationToken ct)
    {
        var place = await db.Communes.Where(c => c.Id == communeId).Select(c => new { c.Name, Province = c.Province!.Name }).SingleAsync(ct);
        var today = VnTime.Today(clock);
        // A year before the app shows the figures entered from its own report, as on the dashboard.
        var figures = await YearData.PastYearOverlay.YearAsync(db, communeId, (await DashboardQueries.YearAsync(db, communeId, year, null, ct)).AsOf(today), ct);
        var previous = await YearData.PastYearOverlay.YearAsync(db, communeId, (await DashboardQueries.YearAsync(db, communeId, year - 1, null, ct)).AsOf(today), ct);
        var content = (await TextAsync(db, communeId, year, figures, ct)).Content;
        return new YearlyReportData(place.Name, place.Province, year, today, content.Number, figures, previous,
            await obligations.ComplianceAsync(communeId, year, ct), content.Awards, content.Difficulties, content.Proposals, ReportLayout.Load())
        {
            SignerName = content.SignerName, SignerPosition = content.SignerPosition, LevelAbove = settings.Reminders.LevelAboveName,
        };
    }

    private static async Task<ReportTextForm> TextAsync(AppDbContext db, int communeId, int year, YearFigures? figures = null, CancellationToken ct = default)
    {
        var saved = await db.Set<YearlyReportText>().AsNoTracking().SingleOrDefaultAsync(t => t.CommuneId == communeId && t.Year == year, ct);
        if (saved is not null)
        {
            // Read without tracking: the form takes the row's content itself.
            if (saved.Content.SignerPosition.Length == 0)
            {
                saved.Content.SignerPosition = ReportLayout.Load().DefaultSignerPosition;
            }
            return new ReportTextForm { Year = year, Version = saved.Version, Content = saved.Content };
        }
        figures ??= await DashboardQueries.YearAsync(db, communeId, year, ct: ct);
        // The signer is remembered: a year not yet written starts with the last signer the commune entered.
        var last = await db.Set<YearlyReportText>().AsNoTracking().Where(t => t.CommuneId == communeId && t.Content.SignerName != "")
            .OrderByDescending(t => t.Year).Select(t => new { t.Content.SignerName, t.Content.SignerPosition }).FirstOrDefaultAsync(ct);
        var layout = ReportLayout.Load();
        return new ReportTextForm
        {
            Year = year,
            Content = new()
            {
                Awards = SuggestedAwards(figures), SignerName = last?.SignerName ?? layout.SignerName,
                SignerPosition = last is { SignerPosition.Length: > 0 } ? last.SignerPosition : layout.DefaultSignerPosition,
            },
        };
    }

    // A starting text for the awards section, from the data; the committee edits it.
    public static string SuggestedAwards(YearFigures f)
    {
        var target = f.For(Title.FamilyLearning).Target;
        var villages = f.Villages.Where(v => target is not null && VnPercent.Reaches(v.Households.Recognised, v.Households.Total, target.Percent)).Select(v => v.Name).ToList();
        var lines = new List<string>();
        if (villages.Count > 0)
        {
            lines.Add($"Đề nghị biểu dương các thôn đạt chỉ tiêu Gia đình học tập ({VnPercent.Format(target!.Percent)} trên tổng số hộ): {string.Join(", ", villages)}.");
        }
        var family = f.For(Title.FamilyLearning).Counts;
        lines.Add($"Đề nghị công nhận và biểu dương {Figures.Number(family.Recognised)} hộ đạt danh hiệu Gia đình học tập năm {f.Year}.");
        return string.Join("\n", lines);
    }
}
