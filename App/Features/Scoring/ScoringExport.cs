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
            var rows = await RegistrationService.Sort(db, RegistrationService.Filter(db, scope, query), query.Order)
                .Select(r => new
                {
                    r.SubjectName, Village = db.Villages.Where(x => x.Id == r.VillageId).Select(x => x.Name).FirstOrDefault(),
                    r.RegisteredOn, Status = r.Evaluation == null ? (EvaluationStatus?)null : r.Evaluation.Status,
                    Total = r.Evaluation == null ? (int?)null : r.Evaluation.TotalTenths, Rating = r.Evaluation == null ? "" : r.Evaluation.Rating,
                })
                .ToListAsync();
            var sheet = new ExcelSheet("Danh sách", ["STT", "Đối tượng", "Thôn", "Ngày đăng ký", "Trạng thái", "Tổng điểm", "Xếp loại"]);
            var index = 0;
            foreach (var row in rows)
            {
                sheet.Add(++index, row.SubjectName, row.Village ?? "", row.RegisteredOn.ToString("dd/MM/yyyy", VnTime.Culture), row.Status?.Text() ?? "Chưa chấm",
                    row.Total is { } t ? Points.FromTenths(t).ToString() : "", row.Rating);
            }
            var name = $"danh-sach-{Seeding.TextKeys.Code(title.DisplayName()).ToLowerInvariant()}-{year}.xlsx";
            return Results.File(sheet.ToBytes(), ExcelFile.ContentType, name);
        }).RequireAuthorization();
}
