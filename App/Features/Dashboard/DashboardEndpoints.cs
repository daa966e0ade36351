
namespace HocTapSuotDoi.Features.Dashboard;

public static class DashboardEndpoints
{
    // The yearly report as files: the current draft of a year, and each issued version as it was sent.
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bao-cao-nam/{year:int:range(2000,2100)}/docx", async (int year, ReportService reports) => File(await reports.DocxAsync(year))).RequireAuthorization(p => p.RequireRole(ReportService.Readers));
        app.MapGet("/bao-cao-nam/{year:int:range(2000,2100)}/xlsx", async (int year, ReportService reports) => File(await reports.XlsxAsync(year))).RequireAuthorization(p => p.RequireRole(ReportService.Readers));
        app.MapGet("/bao-cao-nam/ban-da-phat-hanh/{id:int}/docx", async (int id, ReportService reports) => File(await reports.IssuedFileAsync(id, docx: true))).RequireAuthorization(p => p.RequireRole(ReportService.Readers));
        app.MapGet("/bao-cao-nam/ban-da-phat-hanh/{id:int}/xlsx", async (int id, ReportService reports) => File(await reports.IssuedFileAsync(id, docx: false))).RequireAuthorization(p => p.RequireRole(ReportService.Readers));
    }

    private static IResult File(DownloadFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}

public static class DashboardSetup
{
    public static void AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddSingleton<DashboardCache>();
        services.AddScoped<ReportService>();
        services.AddScoped<Targets.TargetService>();
        services.AddScoped<Targets.NationalTargetsSeeder>();
    }
}
