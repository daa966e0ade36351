using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Features.Scoring;

// The list of a title's registrations in a year, as filtered on screen, as .xlsx (same query path as the list).
public static class ScoringExport
{
    public static string Url(RegistrationQuery q) =>
        $"/xuat/danh-hieu?title={q.Title}&year={q.Year}" + (q.VillageId is { } v ? $"&villageId={v}" : "") + (q.Status is { } s ? $"&status={s}" : "")
        + (string.IsNullOrWhiteSpace(q.Search) ? "" : "&search=" + Uri.EscapeDataString(q.Search))
        + (q.Stages is { } stages ? "&stages=" + string.Join(',', stages) : "") + (q.Order == NameOrder.FamilyName ? "&order=FamilyName" : "");

    public static void MapScoringExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/xuat/danh-hieu", async (Title title, int year, int? villageId, EvaluationStatus? status, string? search,
            string? stages, NameOrder? order, CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory) =>
        {
            var scope = await currentUser.RequireScopeAsync(Roles.All.ToArray());
            await using var db = await dbFactory.CreateDbContextAsync();
            var query = new RegistrationQuery(title, year, villageId, status, search)
            {
                Stages = stages?.Split(',').Select(s => Enum.TryParse<RegistrationStage>(s, out var stage) ? (RegistrationStage?)stage : null).OfType<RegistrationStage>().ToList(),
                Order = order ?? NameOrder.GivenName,
            };
            // Sheets scored by level (TT 24, TT 25/2023) have a level, not points: no "0" in the points column, and no
            // points column at all for a title whose every set is scored by level.
            var byLevel = await LevelSets.OfAsync(db, title);
            var withPoints = await db.Set<CriteriaSet>().AnyAsync(s => s.Title == title && !byLevel.Contains(s.Id));
            var rows = await RegistrationService.Sort(db, RegistrationService.Filter(db, scope, query), query.Order)
                .Select(r => new
                {
                    r.SubjectName, Village = db.Villages.Where(x => x.Id == r.VillageId).Select(x => x.Name).FirstOrDefault(),
                    r.RegisteredOn, Status = r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status,
                    Total = r.Evaluation == null || byLevel.Contains(r.Evaluation.CriteriaSetId) ? (int?)null : r.Evaluation.TotalTenths, Rating = r.Evaluation == null ? "" : r.Evaluation.Rating,
                })
                .ToListAsync();
            var sheet = new ExcelSheet("Danh sách", withPoints
                ? ["STT", "Đối tượng", "Thôn", "Ngày đăng ký", "Trạng thái", "Tổng điểm", "Xếp loại"]
                : ["STT", "Đối tượng", "Thôn", "Ngày đăng ký", "Trạng thái", "Mức độ đạt"]);
            var index = 0;
            foreach (var row in rows)
            {
                object[] start = [++index, row.SubjectName, row.Village ?? "", row.RegisteredOn.ToString("dd/MM/yyyy", VnTime.Culture), row.Status?.Text() ?? "Chưa chấm"];
                sheet.Add(withPoints ? [.. start, row.Total is { } t ? Points.FromTenths(t).ToString() : "", row.Rating] : [.. start, row.Rating]);
            }
            var name = $"danh-sach-{Seeding.TextKeys.Code(title.DisplayName()).ToLowerInvariant()}-{year}.xlsx";
            return Results.File(sheet.ToBytes(), ExcelFile.ContentType, name);
        }).RequireAuthorization();
}
