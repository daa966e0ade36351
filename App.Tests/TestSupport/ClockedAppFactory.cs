using Microsoft.Extensions.Time.Testing;

namespace HocTapSuotDoi.Tests.TestSupport;

// The app's clock, pointing at a FakeTimeProvider a test may replace (FakeTimeProvider never goes back in time, and
// tests of one class share one app).
public sealed class SwitchableClock : TimeProvider
{
    public FakeTimeProvider Fake { get; set; } = new();
    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();
    public override long GetTimestamp() => Fake.GetTimestamp();
    public override long TimestampFrequency => Fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;
}

// The whole app on a clock the test sets, never the real date.
public class ClockedAppFactory : AppFactory
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    public SwitchableClock Clock { get; } = new();

    protected override TimeProvider CreateClock() => Clock;

    // A fresh fake clock at a Vietnam local time.
    public void StartClockAt(DateTime local) =>
        Clock.Fake = new FakeTimeProvider(new DateTimeOffset(local, VietnamOffset).ToUniversalTime());

    public void SetLocal(DateTime local) => Clock.Fake.SetUtcNow(new DateTimeOffset(local, VietnamOffset).ToUniversalTime());
}

// The demo commune seen on 15/01/2027: every year up to 2026 is closed (its decisions were due on 31/12).
public sealed class AfterYear2026App : ClockedAppFactory
{
    public AfterYear2026App() => StartClockAt(new DateTime(2027, 1, 15, 9, 0, 0));
}
