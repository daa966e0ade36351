namespace HocTapSuotDoi.Features.Funding;

public static class FundingSetup
{
    // Plan section VI and IV.4: money (budget lines, the khuyến học fund), exemplary stories, the honour list.
    public static void AddFunding(this IServiceCollection services)
    {
        services.AddScoped<MoneyAccess>();
        services.AddScoped<FundingService>();
        // Reads through the context factory only: usable from any scope, and from jobs.
        services.AddSingleton<FundingSummaryService>();
        services.AddSingleton<Phases.IPhaseFundingSource, PhaseFundingFromRecords>();
        services.AddScoped<Exemplary.ExemplaryService>();
        services.AddScoped<PlanTasks.PlanTaskReminders>();
        services.AddScoped<PlanTasks.PlanTaskFiles>();
        services.AddScoped<Seeding.DemoFundingSeeder>();
    }

    public static void MapFundingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tai-chinh/{year:int:range(2000,2100)}/quyet-toan.xlsx", async (int year, FundingService funding) =>
        {
            var (content, name) = await funding.SettlementXlsxAsync(year);
            return Results.File(content, Downloads.XlsxType, name);
        }).RequireAuthorization();
        app.MapGet("/guong-dien-hinh/{year:int:range(2000,2100)}/bang-vang.docx", async (int year, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "nguoi-ky")] string? signer, Exemplary.ExemplaryService stories) =>
        {
            var (content, name) = await stories.HonourListDocxAsync(year, signer);
            return Results.File(content, Downloads.DocxType, name);
        }).RequireAuthorization();
        app.MapGet("/guong-dien-hinh/anh/{id:int}", async (int id, Exemplary.ExemplaryService stories) =>
        {
            var (path, type) = await stories.PhotoAsync(id);
            return Results.File(path, type);
        }).RequireAuthorization();
        app.MapGet("/nhiem-vu/tep/{id:int}", async (int id, PlanTasks.PlanTaskFiles files) =>
        {
            var (path, type, name) = await files.OpenAsync(id);
            return Results.File(path, type, name);
        }).RequireAuthorization();
    }
}
