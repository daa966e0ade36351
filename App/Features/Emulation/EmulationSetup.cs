namespace HocTapSuotDoi.Features.Emulation;

public static class EmulationSetup
{
    // The emulation movement's own records (plan sections III and VII): criteria, self-reports, initiatives, tasks.
    public static void AddEmulation(this IServiceCollection services)
    {
        services.AddScoped<EmulationCriteriaSeeder>();
        services.AddScoped<EmulationCriteriaService>();
        services.AddScoped<SelfReportService>();
        services.AddScoped<Initiatives.InitiativeService>();
        services.AddScoped<PlanTasks.PlanTaskSeeder>();
        services.AddScoped<PlanTasks.PlanTaskService>();
    }
}
