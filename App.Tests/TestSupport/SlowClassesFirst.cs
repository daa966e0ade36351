using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HocTapSuotDoi.Tests.TestSupport.SlowClassesFirst", "HocTapSuotDoi.Tests")]

namespace HocTapSuotDoi.Tests.TestSupport;

// The two tests that build the app in another process (the README run command's `dotnet run` on a fresh copy, the
// published app's `dotnet publish`). Their builds start with the run at the lowest priority (BackgroundBuilds); the tests
// run alone and last, when the builds have had the processor time every other test left.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildsCollection
{
    public const string Name = "Builds";
}

// Orders the test collections the same way in every run, by name, after starting the builds in the background when the
// run has their tests. xunit runs the collections that disable parallelisation after all the others, in this order:
// Hangfire's statics, the browser chain, Hangfire, then the builds' tests.
public sealed class SlowClassesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var ordered = testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal).ToList();
        if (ordered.Any(c => c.DisplayName == BuildsCollection.Name))
        {
            BackgroundBuilds.Start();
        }
        return ordered;
    }

    private static int Rank(ITestCollection collection) => collection.DisplayName switch
    {
        HangfireStaticsCollection.Name => -1,
        EndToEnd.BrowserCollection.Name => 0,
        BuildsCollection.Name => 3,
        _ => 2,
    };
}
