using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Features.Scoring.ResultsImport;

// The results template is a plain GET (a link), signed in by the cookie; the service checks role and scope.
public static class ResultsImportEndpoints
{
    public static void MapResultsImport(this IEndpointRouteBuilder app) =>
        app.MapGet("/mau-excel/ket-qua", async (Title title, int year, string? villages, ResultsImportService service, CancellationToken ct) =>
        {
            var villageIds = new List<int>();
            foreach (var part in (villages ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, out var id))
                {
                    return Results.BadRequest("Danh sách thôn không hợp lệ.");
                }
                villageIds.Add(id);
            }
            try
            {
                var file = await service.TemplateAsync(title, year, villageIds, ct);
                return Results.File(file.Content, ExcelFile.ContentType, file.FileName);
            }
            catch (ForbiddenException)
            {
                return Results.Forbid();
            }
            catch (ValidationException ex)
            {
                return Results.BadRequest(ex.Message);
            }
        }).RequireAuthorization();
}
