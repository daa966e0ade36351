using System.Collections.Concurrent;

namespace HocTapSuotDoi.Features.Account;

// Failed sign-ins for e-mails without an account, counted as Identity counts them for real accounts (a warning at two
// tries left, then a lock-out), so the answer does not tell whether an e-mail has an account here.
public sealed class UnknownAccountSignIns
{
    // Enough for any real commune; past it the oldest half is forgotten, so guessed e-mails cannot fill the memory.
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, Attempts> _attempts = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Attempts(int Failed, DateTimeOffset? LockedUntil, DateTimeOffset LastAt);

    /// <summary>Counts a failure; returns the failures so far, or when the e-mail is locked out, until when.</summary>
    public (int Failed, DateTimeOffset? LockedUntil) Fail(string email, int maxFailures, TimeSpan lockout, DateTimeOffset now)
    {
        if (_attempts.Count >= MaxRemembered)
        {
            foreach (var old in _attempts.OrderBy(a => a.Value.LastAt).Take(MaxRemembered / 2).ToList())
            {
                _attempts.TryRemove(old.Key, out _);
            }
        }
        var result = _attempts.AddOrUpdate(email.Trim(),
            _ => Next(new Attempts(0, null, now), maxFailures, lockout, now),
            (_, known) => Next(known, maxFailures, lockout, now));
        return (result.Failed, result.LockedUntil > now ? result.LockedUntil : null);
    }

    private static Attempts Next(Attempts known, int maxFailures, TimeSpan lockout, DateTimeOffset now)
    {
        if (known.LockedUntil > now)
        {
            return known with { LastAt = now };
        }
        var failed = known.Failed + 1;
        // As Identity does: reaching the maximum locks out and starts the count again.
        return failed >= maxFailures ? new Attempts(0, now + lockout, now) : new Attempts(failed, null, now);
    }
}
