namespace HocTapSuotDoi.Features.Deadlines;

public readonly record struct SubjectRef(ReportSubjectKind Kind, int Id)
{
    public string Slug => Kind switch
    {
        ReportSubjectKind.Unit => "don-vi",
        ReportSubjectKind.Village => "thon",
        _ => "xa",
    };

    public override string ToString() => $"{Slug}:{Id}";

    public static SubjectRef? Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var id))
        {
            return null;
        }
        ReportSubjectKind? kind = parts[0] switch
        {
            "don-vi" => ReportSubjectKind.Unit,
            "thon" => ReportSubjectKind.Village,
            "xa" => ReportSubjectKind.Commune,
            _ => null,
        };
        return kind is { } k ? new SubjectRef(k, id) : null;
    }
}

public sealed record Recipient(string Key, string? UserId, string Name, string Email)
{
    public static Recipient ForUser(string userId, string name, string? email) => new($"u:{userId}", userId, name, email ?? "");

    public static Recipient ForAddress(string email) => new($"e:{email.ToLowerInvariant()}", null, email, email);
}

public sealed record PlannerDeadline(int Id, string Name, DeadlineAudience Audience, DateOnly Due, IReadOnlyList<int> Offsets,
    int OverdueEveryDays, int OverdueMaxCount, bool EscalateToCommittee, IReadOnlyList<string> EscalationEmails)
{
    public int Year => Due.Year;
}

// One subject expected to report, with what the app knows about it today.
public sealed record PlannerSubject(SubjectRef Ref, string Name, bool Submitted, DateOnly? ExceptionUntil);

public sealed record ReminderStage(ReminderKind Kind, int Offset);

public sealed record PlannedReminder(int DeadlineId, int Year, Recipient Recipient, ReminderKind Kind, int Offset,
    string Subject, string Body, string Link, IReadOnlyList<SubjectRef> Subjects);

// The texts need the commune's name and the body the committee reports to.
public sealed record PlannerContext(string CommuneName, string LevelAboveName);

// Decides who gets which reminder on a day. Pure: no database, no clock; the dispatcher feeds it and records the result.
public static class ReminderPlanner
{
    // The schedule of a deadline: reminders before (offsets), on the day (0), then overdue reminders from the day after
    // the due date, every N days, at most M. On a given day the stage is the latest scheduled point that has begun, so a
    // day the server was down is caught up once the next day, and an older stage is never sent again.
    public static ReminderStage? StageOn(PlannerDeadline deadline, DateOnly today)
    {
        var points = new List<(DateOnly Day, ReminderStage Stage)>();
        foreach (var offset in deadline.Offsets.Where(o => o >= 0))
        {
            points.Add((deadline.Due.AddDays(-offset), new ReminderStage(ReminderKind.Before, offset)));
        }
        var every = Math.Max(1, deadline.OverdueEveryDays);
        for (var k = 0; k < deadline.OverdueMaxCount; k++)
        {
            var after = 1 + k * every;
            points.Add((deadline.Due.AddDays(after), new ReminderStage(ReminderKind.Overdue, -after)));
        }
        points.Sort((a, b) => a.Day.CompareTo(b.Day));
        var index = points.FindLastIndex(p => p.Day <= today);
        if (index < 0)
        {
            return null;
        }
        var end = index + 1 < points.Count ? points[index + 1].Day : points[index].Day.AddDays(every);
        return today < end ? points[index].Stage : null;
    }

    public static List<PlannedReminder> Plan(PlannerContext context, PlannerDeadline deadline, ReminderStage stage, DateOnly today,
        IReadOnlyList<PlannerSubject> subjects, IReadOnlyDictionary<SubjectRef, List<Recipient>> reporters, IReadOnlyList<Recipient> committee)
    {
        var missing = subjects.Where(s => !s.Submitted).ToList();
        var result = new List<PlannedReminder>();
        if (missing.Count == 0)
        {
            return result;
        }
        result.AddRange(ToReporters(context, deadline, stage.Kind, stage.Offset, today, missing, reporters));
        if (stage.Kind == ReminderKind.Overdue)
        {
            var escalation = new List<Recipient>();
            if (deadline.EscalateToCommittee)
            {
                escalation.AddRange(committee);
            }
            foreach (var address in deadline.EscalationEmails)
            {
                if (!escalation.Any(r => string.Equals(r.Email, address, StringComparison.OrdinalIgnoreCase)))
                {
                    escalation.Add(Recipient.ForAddress(address));
                }
            }
            var (subject, body) = ReminderTexts.Escalation(context, deadline, today, missing);
            var link = $"/tien-do-bao-cao?han={deadline.Id}&nam={deadline.Year}";
            result.AddRange(escalation.Select(r => new PlannedReminder(deadline.Id, deadline.Year, r, ReminderKind.Escalation, stage.Offset,
                subject, ReminderTexts.Greeting(r) + body, link, missing.Select(m => m.Ref).ToList())));
        }
        return result;
    }

    // One reminder per person, listing every subject of theirs that has not reported (a scorer may hold two villages).
    public static IEnumerable<PlannedReminder> ToReporters(PlannerContext context, PlannerDeadline deadline, ReminderKind kind, int offset,
        DateOnly today, IReadOnlyList<PlannerSubject> missing, IReadOnlyDictionary<SubjectRef, List<Recipient>> reporters)
    {
        var byRecipient = new Dictionary<string, (Recipient Recipient, List<PlannerSubject> Subjects)>();
        foreach (var subject in missing)
        {
            if (!reporters.TryGetValue(subject.Ref, out var people))
            {
                continue;
            }
            foreach (var person in people)
            {
                if (!byRecipient.TryGetValue(person.Key, out var entry))
                {
                    entry = (person, []);
                    byRecipient[person.Key] = entry;
                }
                entry.Subjects.Add(subject);
            }
        }
        foreach (var (recipient, list) in byRecipient.Values)
        {
            var (subject, body) = ReminderTexts.ToReporter(context, deadline, kind, today, list);
            var link = list.Count == 1 ? ReportLink(deadline.Id, deadline.Year, list[0].Ref) : "/bao-cao";
            yield return new PlannedReminder(deadline.Id, deadline.Year, recipient, kind, offset, subject,
                ReminderTexts.Greeting(recipient) + body, link, list.Select(s => s.Ref).ToList());
        }
    }

    public static string ReportLink(int deadlineId, int year, SubjectRef subject) =>
        $"/bao-cao/{deadlineId}/{year}/{subject.Slug}/{subject.Id}";
}
