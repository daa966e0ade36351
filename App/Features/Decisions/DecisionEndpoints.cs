using HocTapSuotDoi.Features.Criteria.Engine;
using Microsoft.AspNetCore.Mvc;

namespace HocTapSuotDoi.Features.Decisions;

public static class DecisionEndpoints
{
    public static void AddDecisions(this IServiceCollection services) => services.AddScoped<DecisionService>();

    // File downloads. The service checks role and commune on every call; the group only turns away anonymous requests.
    public static void MapDecisionEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/quyet-dinh").RequireAuthorization();
        files.MapGet("/{id:int}/quyet-dinh.docx", (int id, DecisionService decisions) => Serve(() => decisions.DecisionDocxAsync(id)));
        // The verification address comes from App:PublicBaseUrl, never from the request's Host or forwarded headers: a
        // certificate must not print whatever address a request claimed. Unset: the path alone is printed.
        files.MapGet("/{id:int}/giay-cong-nhan.pdf", (int id, Setup.AppSettings settings, DecisionService decisions) =>
            Serve(() => decisions.CertificatesPdfAsync(id, settings.App.PublicBaseUrl.Trim())));
        files.MapGet("/de-nghi.docx", ([FromQuery(Name = "danh-hieu")] Title title, [FromQuery(Name = "nam")] int year, DecisionService decisions) =>
            Serve(() => decisions.ProposalDocxAsync(title, year)));
    }

    // A decision recorded from a list has no document to serve: 409 with the reason.
    private static Task<IResult> Serve(Func<Task<DownloadFile>> make) => Downloads.ServeAsync(make, StatusCodes.Status409Conflict);
}
