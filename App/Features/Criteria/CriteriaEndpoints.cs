using System.Text;

namespace HocTapSuotDoi.Features.Criteria;

public static class CriteriaEndpoints
{
    public static void MapCriteriaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/bo-tieu-chi/{id:int}/json", async (int id, CriteriaSetService sets) =>
            {
                var (fileName, json) = await sets.ExportAsync(id);
                return Results.File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.Administration);
    }
}
