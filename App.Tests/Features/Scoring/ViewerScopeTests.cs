using System.Net;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Clans;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// A viewer reads scoring data only within their scope, as the registers draw it.
public sealed class ViewerScopeTests(ScoringWorkflowTests.App app) : IClassFixture<ScoringWorkflowTests.App>
{
    private const string VillageViewer = "xem.t01@camtan.vn";

    private async Task<(int Registration, int Evaluation, int Evidence)> SheetWithEvidenceAsync(string village, string head)
    {
        var household = await app.AddHouseholdAsync(village, head);
        await using var admin = await app.AsUserAsync("admin@camtan.vn");
        await admin.ServiceProvider.GetRequiredService<RegistrationService>().RegisterAsync(Title.FamilyLearning, app.Today.Year, [household]);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var registration = await db.Set<Registration>().Where(r => r.SubjectId == household && r.Title == Title.FamilyLearning).Select(r => r.Id).SingleAsync();
        var evaluation = (await admin.ServiceProvider.GetRequiredService<EvaluationService>().OpenAsync(registration)).EvaluationId;
        var pdf = "%PDF-1.4 minh chứng"u8.ToArray();
        var file = await admin.ServiceProvider.GetRequiredService<EvidenceService>().UploadAsync(evaluation, "1.1", "minh-chung.pdf", pdf.Length, new MemoryStream(pdf));
        return (registration, evaluation, file.Id);
    }

    private async Task<List<string>> ExportedSubjectsAsync(HttpClient client)
    {
        var response = await client.GetAsync($"/xuat/danh-hieu?title=FamilyLearning&year={app.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .Select(r => (string)r["Đối tượng"]).ToList();
    }

    [Fact]
    public async Task A_viewer_of_one_village_reads_that_villages_sheets_and_evidence_but_not_another_villages()
    {
        await app.AddUserAsync(VillageViewer, Roles.Viewer, "T01");
        var own = await SheetWithEvidenceAsync("T01", "Quan Văn Gần");
        var other = await SheetWithEvidenceAsync("T05", "Quan Văn Xa");

        await using (var viewer = await app.AsUserAsync(VillageViewer))
        {
            var evaluations = viewer.ServiceProvider.GetRequiredService<EvaluationService>();
            var evidence = viewer.ServiceProvider.GetRequiredService<EvidenceService>();
            var sheet = await evaluations.OpenAsync(own.Registration);
            Assert.False(sheet.CanScore);
            Assert.Single(await evidence.ListAsync(own.Evaluation));
            await Assert.ThrowsAsync<ForbiddenException>(() => evaluations.OpenAsync(other.Registration));
            await Assert.ThrowsAsync<ForbiddenException>(() => evaluations.HistoryAsync(other.Evaluation));
            await Assert.ThrowsAsync<ForbiddenException>(() => evidence.ListAsync(other.Evaluation));
        }

        using var client = await app.SignedInClientAsync(VillageViewer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/minh-chung/{own.Evidence}")).StatusCode);
        var refused = await client.GetAsync($"/minh-chung/{other.Evidence}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/khong-co-quyen", refused.LocationPath());
        var exported = await ExportedSubjectsAsync(client);
        Assert.Contains(exported, s => s.Contains("Quan Văn Gần"));
        Assert.DoesNotContain(exported, s => s.Contains("Quan Văn Xa"));
    }

    [Fact]
    public async Task A_commune_wide_viewer_still_reads_every_villages_sheets_and_evidence()
    {
        var first = await SheetWithEvidenceAsync("T02", "Lã Văn Một");
        var second = await SheetWithEvidenceAsync("T07", "Lã Văn Bảy");

        await using (var viewer = await app.AsUserAsync("xem@camtan.vn"))
        {
            var evaluations = viewer.ServiceProvider.GetRequiredService<EvaluationService>();
            Assert.Equal(first.Evaluation, (await evaluations.OpenAsync(first.Registration)).EvaluationId);
            Assert.Equal(second.Evaluation, (await evaluations.OpenAsync(second.Registration)).EvaluationId);
        }

        using var client = await app.SignedInClientAsync("xem@camtan.vn");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/minh-chung/{first.Evidence}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/minh-chung/{second.Evidence}")).StatusCode);
        var exported = await ExportedSubjectsAsync(client);
        Assert.Contains(exported, s => s.Contains("Lã Văn Một"));
        Assert.Contains(exported, s => s.Contains("Lã Văn Bảy"));
    }

    [Fact]
    public async Task A_village_viewer_sees_the_clans_with_members_there_and_the_commune_wide_subjects()
    {
        await app.AddUserAsync(VillageViewer, Roles.Viewer, "T01");
        var near = await app.AddHouseholdAsync("T01", "Khổng Văn Gần");
        var far = await app.AddHouseholdAsync("T06", "Khổng Văn Xa");
        int nearClan, farClan, unit, commune;
        await using (var admin = await app.AsUserAsync("admin@camtan.vn"))
        {
            var clans = admin.ServiceProvider.GetRequiredService<ClanService>();
            nearClan = await clans.SaveAsync(new ClanForm { Name = "Dòng họ Khổng Gần", HeadName = "Khổng Văn Gần", HouseholdIds = [near, far] });
            farClan = await clans.SaveAsync(new ClanForm { Name = "Dòng họ Khổng Xa", HeadName = "Khổng Văn Xa", HouseholdIds = [far] });
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            unit = await db.Units.Where(u => u.Code == "THCS").Select(u => u.Id).SingleAsync();
            commune = await db.Communes.Select(c => c.Id).FirstAsync();
        }
        var year = app.Today.Year + 1;
        var nearRegistration = await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, nearClan, "Dòng họ Khổng Gần", year);
        var farRegistration = await app.RegisterAsync(Title.ClanLearning, SubjectKind.Clan, farClan, "Dòng họ Khổng Xa", year);
        var unitRegistration = await app.RegisterAsync(Title.UnitLearning, SubjectKind.Unit, unit, "Trường THCS", year);
        var communeRegistration = await app.RegisterAsync(Title.CommuneCommunity, SubjectKind.Commune, commune, "Xã Cẩm Tân", year);

        await using var viewer = await app.AsUserAsync(VillageViewer);
        var registrations = viewer.ServiceProvider.GetRequiredService<RegistrationService>();
        async Task<bool> ListedAsync(Title title, int registration) =>
            (await registrations.ListAsync(new RegistrationQuery(title, year, null, null, null), new PageRequest(0, 100))).Items.Any(r => r.Id == registration);
        Assert.True(await ListedAsync(Title.ClanLearning, nearRegistration));
        Assert.False(await ListedAsync(Title.ClanLearning, farRegistration));
        Assert.True(await ListedAsync(Title.UnitLearning, unitRegistration));
        Assert.True(await ListedAsync(Title.CommuneCommunity, communeRegistration));
    }
}
