using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.Features.Registers;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Scoring;

// The registrations list: the name order sorts, the status chips count and filter, and each role's own queue.
public sealed class RegistrationListTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly int Year = AppFactory.ClockStart.Year;

    [Fact]
    public async Task Name_order_sorts_by_given_name_or_family_name_and_the_chips_count_each_stage()
    {
        var village = await app.VillageIdAsync("T03");
        var ids = new List<int>();
        foreach (var head in new[] { "Nguyễn Khảo Bình", "Trần Khảo An", "Lê Khảo Cúc" })
        {
            var household = await app.AddHouseholdAsync("T03", head);
            ids.Add(await app.RegisterAsync(Title.FamilyLearning, SubjectKind.Household, household, head, Year, village));
        }
        await app.ScoreAndReviewAsync(ids[2]);

        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var registrations = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        var query = new RegistrationQuery(Title.FamilyLearning, Year, village, Search: "khao");
        async Task<List<string>> NamesAsync(RegistrationQuery q) =>
            (await registrations.ListAsync(q, new PageRequest(0, 50))).Items.Select(r => r.SubjectName).ToList();

        Assert.Equal(["Trần Khảo An", "Nguyễn Khảo Bình", "Lê Khảo Cúc"], await NamesAsync(query));
        Assert.Equal(["Lê Khảo Cúc", "Nguyễn Khảo Bình", "Trần Khảo An"], await NamesAsync(query with { Order = NameOrder.FamilyName }));

        var counts = await registrations.StageCountsAsync(query);
        Assert.Equal((2, 0, 0, 1), (counts[RegistrationStage.Unscored], counts[RegistrationStage.Draft], counts[RegistrationStage.Submitted], counts[RegistrationStage.Reviewed]));
        Assert.Equal(["Lê Khảo Cúc"], await NamesAsync(query with { Stages = [RegistrationStage.Reviewed] }));
        Assert.Equal(["Trần Khảo An", "Nguyễn Khảo Bình"], await NamesAsync(query with { Stages = RegistrationStages.For(Roles.Scorer)!.Stages }));
        Assert.Empty(await NamesAsync(query with { Stages = RegistrationStages.For(Roles.Committee)!.Stages }));
        // The counts do not depend on the chip chosen: they are what each chip would show.
        Assert.Equal(counts, await registrations.StageCountsAsync(query with { Stages = [RegistrationStage.Reviewed] }));
    }

    [Fact]
    public void Each_role_opens_on_its_own_queue()
    {
        Assert.Equal([RegistrationStage.Unscored, RegistrationStage.Draft], RegistrationStages.For(Roles.Scorer)!.Stages);
        Assert.Equal([RegistrationStage.Submitted], RegistrationStages.For(Roles.Committee)!.Stages);
        Assert.Equal([RegistrationStage.Submitted], RegistrationStages.For(Roles.Administrator)!.Stages);
        Assert.Null(RegistrationStages.For(Roles.Viewer));
        Assert.Null(RegistrationStages.For(Roles.UnitReporter));
    }
}
