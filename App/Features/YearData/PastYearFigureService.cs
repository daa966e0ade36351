using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Registers;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Features.YearData;

public sealed record PastFigureRow(Title Title, int? Total, int? Registered, int? Recognised, string Source, int Version, string UpdatedBy)
{
    public string Percent => Total is > 0 && Recognised is { } r ? VnPercent.Format(r, Total.Value) : "";
}

public sealed class PastFigureForm
{
    public int Year { get; set; }
    public Title Title { get; set; }
    public int? VillageId { get; set; }
    public int? Total { get; set; }
    public int? Registered { get; set; }
    public int? Recognised { get; set; }
    public string Source { get; set; } = "";
    public int Version { get; set; }
}

public sealed class PastFigureFormValidator : AbstractValidator<PastFigureForm>
{
    public PastFigureFormValidator()
    {
        RuleFor(f => f.Title).IsInEnum().WithMessage("Danh hiệu không hợp lệ.");
        RuleFor(f => f.Total).NotNull().WithMessage("Hãy nhập tổng số.").GreaterThan(0).WithMessage("Tổng số phải lớn hơn 0.")
            .LessThanOrEqualTo(10_000_000).WithMessage("Tổng số quá lớn.");
        RuleFor(f => f.Recognised).NotNull().WithMessage("Hãy nhập số được công nhận.").GreaterThanOrEqualTo(0).WithMessage("Số được công nhận không được âm.");
        RuleFor(f => f.Recognised).LessThanOrEqualTo(f => f.Total).When(f => f.Total is not null)
            .WithMessage(f => $"Số được công nhận ({f.Recognised:N0}) không được lớn hơn tổng số ({f.Total:N0}).");
        RuleFor(f => f.Registered).GreaterThanOrEqualTo(0).WithMessage("Số đăng ký không được âm.")
            .LessThanOrEqualTo(f => f.Total).When(f => f.Total is not null).WithMessage(f => $"Số đăng ký ({f.Registered:N0}) không được lớn hơn tổng số ({f.Total:N0}).");
        RuleFor(f => f.Recognised).LessThanOrEqualTo(f => f.Registered).When(f => f.Registered is not null)
            .WithMessage(f => $"Số được công nhận ({f.Recognised:N0}) không được lớn hơn số đăng ký ({f.Registered:N0}).");
        RuleFor(f => f.Source).NotEmpty().WithMessage("Hãy ghi nguồn số liệu (ví dụ: Báo cáo tổng kết năm 2020 của Ban chỉ đạo).")
            .MaximumLength(500).WithMessage("Nguồn số liệu dài quá 500 ký tự.");
    }
}

// Figures of the years before the app, entered by administrators and the committee from the commune's past reports.
public sealed class PastYearFigureService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<PastFigureForm> validator,
    AppSettings settings, TimeProvider clock)
{
    public static readonly string[] Editors = [Roles.Administrator, Roles.Committee];

    // The years a figure may be entered for: from the first working year up to last year.
    public IReadOnlyList<int> Years()
    {
        var thisYear = new VnClock(clock).Year;
        return Enumerable.Range(settings.Scoring.FirstYear, Math.Max(0, thisYear - settings.Scoring.FirstYear)).Reverse().ToList();
    }

    public async Task<IReadOnlyList<PastFigureRow>> ListAsync(int year, int? villageId, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(RegisterAccess.Readers);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var figures = await db.Set<PastYearFigure>().AsNoTracking()
            .Where(f => f.CommuneId == scope.CommuneId && f.Year == year && f.VillageId == villageId).ToDictionaryAsync(f => f.Title, ct);
        return Titles(villageId).Select(t => figures.TryGetValue(t, out var f)
            ? new PastFigureRow(t, f.Total, f.Registered, f.Recognised, f.Source, f.Version, f.UpdatedBy)
            : new PastFigureRow(t, null, null, null, "", 0, "")).ToList();
    }

    // A village's figures exist for the titles counted per village.
    public static IReadOnlyList<Title> Titles(int? villageId) =>
        villageId is null ? Figures.Titles : [Title.FamilyLearning, Title.CitizenLearning];

    /// <returns>The figure's new version.</returns>
    public async Task<int> SaveAsync(PastFigureForm form, CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync(Editors);
        await validator.ValidateAndThrowAsync(form, ct);
        if (!Years().Contains(form.Year))
        {
            throw new ValidationException($"Chỉ nhập số liệu cho các năm từ {settings.Scoring.FirstYear} đến năm trước; các năm có dữ liệu trong phần mềm được tính từ hồ sơ.");
        }
        if (!Titles(form.VillageId).Contains(form.Title))
        {
            throw new ValidationException("Danh hiệu này chỉ có số liệu toàn xã.");
        }
        await using var db = await dbFactory.CreateForAsync(scope, ct);
        if (form.VillageId is { } village && !await db.Villages.AnyAsync(v => v.Id == village && v.CommuneId == scope.CommuneId, ct))
        {
            throw new ForbiddenException("Thôn này không thuộc xã.");
        }
        var figure = await db.Set<PastYearFigure>().SingleOrDefaultAsync(f => f.CommuneId == scope.CommuneId && f.Year == form.Year
            && f.Title == form.Title && f.VillageId == form.VillageId, ct);
        if (figure is null)
        {
            if (form.Version != 0)
            {
                throw new StaleEditException("Số liệu này vừa bị người khác thay đổi. Hãy tải lại trang để xem bản mới nhất.");
            }
            figure = new PastYearFigure { CommuneId = scope.CommuneId, Year = form.Year, Title = form.Title, VillageId = form.VillageId };
            db.Add(figure);
        }
        else
        {
            db.Entry(figure).Property(f => f.Version).OriginalValue = form.Version;
        }
        figure.Total = form.Total!.Value;
        figure.Registered = form.Registered;
        figure.Recognised = form.Recognised!.Value;
        figure.Source = form.Source.Trim();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new StaleEditException("Số liệu này vừa được người khác lưu. Hãy tải lại trang để xem bản mới nhất.");
        }
        return figure.Version;
    }
}
