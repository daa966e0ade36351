using HocTapSuotDoi.Features.Phases;

namespace HocTapSuotDoi.Features.Awards;

public static class AwardEndpoints
{
    public static void AddAwards(this IServiceCollection services)
    {
        services.AddScoped<AwardService>();
        services.AddScoped<AwardFileService>();
        services.AddScoped<PhaseReportService>();
    }

    // File downloads. The services check role and commune on every call; the group turns away anonymous requests.
    public static void MapAwardEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/khen-thuong").RequireAuthorization();
        files.MapGet("/{id:int}/quyet-dinh.docx", (int id, AwardFileService awards) => Serve(() => awards.DecisionDocxAsync(id)));
        files.MapGet("/{id:int}/to-trinh.docx", (int id, AwardFileService awards) => Serve(() => awards.SubmissionDocxAsync(id)));
        files.MapGet("/{id:int}/de-nghi.xlsx", (int id, AwardFileService awards) => Serve(() => awards.SubmissionXlsxAsync(id)));
        app.MapGet("/giai-doan/{number:int:range(1,2)}/bao-cao.docx", (int number, PhaseReportService reports) => Serve(() => reports.DocxAsync(number)))
            .RequireAuthorization();
    }

    private static Task<IResult> Serve(Func<Task<DownloadFile>> make) => Downloads.ServeAsync(make);
}
