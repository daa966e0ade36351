using Hangfire;
using HocTapSuotDoi.Components;
using HocTapSuotDoi.Features.Account;
using HocTapSuotDoi.Features.Backups;
using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Dashboard;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Jobs;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;

namespace HocTapSuotDoi.Setup;

public static class AppPipeline
{
    public static void UseAppPipeline(this WebApplication app)
    {
        app.UseReverseProxyAndHttps();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/loi", createScopeForErrors: true);
        }
        // A bodyless 4xx answer to a page request (an unknown address above all) shows a Vietnamese page, status kept.
        app.UseStatusCodePagesWithReExecute("/trang-loi/{0}", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Only page requests: not a form post, the circuit or the Hangfire dashboard, whose answers go to scripts.
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/hangfire"))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        app.UseMiddleware<RefusalMiddleware>();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(AppServices.Vietnamese),
            SupportedCultures = [AppServices.Vietnamese],
            SupportedUICultures = [AppServices.Vietnamese],
        });

        // wwwroot-assets/ (logo, print CSS, templates, fonts) is copied next to the app and served at /assets.
        var assets = Path.Combine(AppContext.BaseDirectory, "wwwroot-assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ForcePasswordChangeMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapBackupEndpoints();
        app.MapCriteriaEndpoints();
        app.MapScoringExport();
        Features.Scoring.ResultsImport.ResultsImportEndpoints.MapResultsImport(app);
        EvidenceService.MapEvidence(app);
        app.MapRegisterExcelEndpoints();
        app.MapDashboardEndpoints();
        app.MapDecisionEndpoints();
        Features.YearData.PastLists.PastListEndpoints.MapPastListEndpoints(app);
        Features.Awards.AwardEndpoints.MapAwardEndpoints(app);
        app.MapDeadlineEndpoints();
        Features.Funding.FundingSetup.MapFundingEndpoints(app);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdministratorDashboardFilter()],
                AppPath = "/",
                DashboardTitle = "Tác vụ nền · Học tập suốt đời",
            })
            .RequireAuthorization(Policies.Administration);
    }
}
