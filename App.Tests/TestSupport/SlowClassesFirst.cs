using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("HocTapSuotDoi.Tests.TestSupport.SlowClassesFirst", "HocTapSuotDoi.Tests")]

namespace HocTapSuotDoi.Tests.TestSupport;

// A test class that takes a minute or more (a build, a publish). Marked classes start early, right after the browser
// chain, so that the run does not end waiting for a long class that happened to start last.
[AttributeUsage(AttributeTargets.Class)]
public sealed class SlowClassAttribute : Attribute;

// Orders the test collections: the browser classes, then the marked classes, then the rest by name, so that the order
// is the same in every run. xunit runs the two collections that disable parallelisation (browser, Hangfire) after all
// the others, so among the parallel ones the marked classes, which wait on a build in another process, start first.
public sealed class SlowClassesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection) =>
        collection.DisplayName == HangfireStaticsCollection.Name ? -1
        : collection.DisplayName == EndToEnd.BrowserCollection.Name ? 0 : IsSlow(collection) ? 1 : 2;

    private static bool IsSlow(ITestCollection collection)
    {
        // A class without a [Collection] is alone in "Test collection for <full class name>".
        const string prefix = "Test collection for ";
        if (!collection.DisplayName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var type = typeof(SlowClassesFirst).Assembly.GetType(collection.DisplayName[prefix.Length..]);
        return type?.GetCustomAttribute<SlowClassAttribute>() is not null;
    }
}
