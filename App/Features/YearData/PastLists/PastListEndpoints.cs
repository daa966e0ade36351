using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Registers.Excel;
using Microsoft.AspNetCore.Mvc;

namespace HocTapSuotDoi.Features.YearData.PastLists;

// The empty list of a title is a plain GET (a link), signed in by the cookie; the service checks the role.
public static class PastListEndpoints
{
    public static void MapPastListEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(PastListService.TemplatePath, async ([FromQuery(Name = "danh-hieu")] Title title, PastListService lists) =>
        {
            try
            {
                var file = await lists.TemplateAsync(title);
                return Results.File(file.Content, ExcelFile.ContentType, file.FileName);
            }
            catch (ForbiddenException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization();
}
