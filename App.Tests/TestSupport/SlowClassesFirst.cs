using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HocTapSuotDoi.Tests.TestSupport.SlowClassesFirst", "HocTapSuotDoi.Tests")]

namespace HocTapSuotDoi.Tests.TestSupport;

// The two tests that build the app in another process (the README run command's `dotnet run` on a fresh copy, the
// published app's `dotnet publish`): one after the other, so that two builds never load the machine at once.
[CollectionDefinition(Name)]
public sealed class BuildsCollection
{
    public const string Name = "Builds";
}

// Orders the test collections the same way in every run: the builds first among those that run two at a time, so that
// the run does not end waiting for a build that happened to start last, then the rest by name. xunit runs the
// collections that disable parallelisation (Hangfire's statics, the browser chain, Hangfire) after all the others.
public sealed class SlowClassesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) => collection.DisplayName switch
    {
        HangfireStaticsCollection.Name => -1,
        EndToEnd.BrowserCollection.Name => 0,
        BuildsCollection.Name => 1,
        _ => 2,
    };
}
