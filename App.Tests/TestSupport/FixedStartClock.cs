namespace HocTapSuotDoi.Tests.TestSupport;

// A clock that starts at a fixed instant and then runs at the real pace. The date the app sees no longer depends on the
// day the tests run, while sign-in cookies, timeouts, timestamps and file names still see time pass, as they would with
// the real clock (a frozen FakeTimeProvider is for the tests that drive time themselves: ClockedApp).
public sealed class FixedStartClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = TimeProvider.System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + TimeProvider.System.GetElapsedTime(_started);
}
