using System.Text;

namespace HocTapSuotDoi.Features.Deadlines;

// What people read in a reminder, in Vietnamese, dates dd/MM/yyyy.
public static class ReminderTexts
{
    public static string Greeting(Recipient recipient) => $"Kính gửi {recipient.Name},\n\n";

    public static string DaysText(DateOnly due, DateOnly today) => (due.DayNumber - today.DayNumber) switch
    {
        0 => "hôm nay là hạn cuối",
        > 0 and var n => $"còn {n} ngày",
        var n => $"đã quá hạn {-n} ngày",
    };

    public static (string Subject, string Body) ToReporter(PlannerContext context, PlannerDeadline deadline, ReminderKind kind,
        DateOnly today, IReadOnlyList<PlannerSubject> subjects)
    {
        var due = VnTime.FormatDate(deadline.Due);
        var days = DaysText(deadline.Due, today);
        var prefix = kind switch
        {
            ReminderKind.Overdue => "[Quá hạn]",
            ReminderKind.Manual => "[Nhắc nộp báo cáo]",
            _ => "[Nhắc hạn]",
        };
        var subject = $"{prefix} {deadline.Name} năm {deadline.Year}: {days} (hạn {due})";
        var body = new StringBuilder();
        var isCommittee = subjects.Count == 1 && subjects[0].Ref.Kind == ReportSubjectKind.Commune;
        if (isCommittee)
        {
            body.Append(VnTime.Culture, $"Ban chỉ đạo xây dựng xã hội học tập xã {context.CommuneName} chưa gửi {deadline.Name} năm {deadline.Year} ")
                .Append(VnTime.Culture, $"lên {context.LevelAboveName}. Hạn gửi: {due} ({days}).\n")
                .Append("Số liệu tổng hợp của xã và tình hình nộp báo cáo của các đơn vị, thôn có ở đường dẫn bên dưới.\n");
        }
        else
        {
            body.Append(VnTime.Culture, $"{string.Join(", ", subjects.Select(s => s.Name))} chưa nộp {deadline.Name} năm {deadline.Year} ")
                .Append(VnTime.Culture, $"cho Ban chỉ đạo xây dựng xã hội học tập xã {context.CommuneName}. Hạn nộp: {due} ({days}).\n");
        }
        if (today > deadline.Due)
        {
            foreach (var s in subjects)
            {
                body.Append(s.ExceptionUntil is { } until && until >= today
                    ? $"{s.Name} được phép nộp muộn đến hết ngày {VnTime.FormatDate(until)}.\n"
                    : $"Hạn đã qua nên phần mềm đã khóa việc nộp báo cáo của {s.Name}; hãy liên hệ quản trị viên để được cho phép nộp muộn.\n");
            }
        }
        body.Append("\nVui lòng nộp báo cáo trên phần mềm Học tập suốt đời.\n")
            .Append(VnTime.Culture, $"\nĐây là tin nhắn tự động của phần mềm Học tập suốt đời xã {context.CommuneName}.");
        return (subject, body.ToString());
    }

    public static (string Subject, string Body) Escalation(PlannerContext context, PlannerDeadline deadline, DateOnly today,
        IReadOnlyList<PlannerSubject> missing)
    {
        var due = VnTime.FormatDate(deadline.Due);
        var subject = $"[Tổng hợp quá hạn] {deadline.Name} năm {deadline.Year}: còn {missing.Count} nơi chưa nộp (hạn {due})";
        var body = new StringBuilder()
            .Append(VnTime.Culture, $"Đến ngày {VnTime.FormatDate(today)}, {deadline.Name} năm {deadline.Year} ({DaysText(deadline.Due, today)}, hạn {due}) ")
            .Append(VnTime.Culture, $"còn {missing.Count} nơi chưa nộp:\n");
        foreach (var s in missing)
        {
            var exception = s.ExceptionUntil is { } until ? $" (được phép nộp muộn đến {VnTime.FormatDate(until)})" : "";
            body.Append(VnTime.Culture, $"- {s.Name}{exception}\n");
        }
        body.Append(VnTime.Culture, $"\nĐây là tin nhắn tự động của phần mềm Học tập suốt đời xã {context.CommuneName}.");
        return (subject, body.ToString());
    }
}
