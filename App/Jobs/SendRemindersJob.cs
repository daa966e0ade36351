using HocTapSuotDoi.Features.Deadlines;

namespace HocTapSuotDoi.Jobs;

// The daily reminder run. When an e-mail could not be sent the job fails after recording everything else, so Hangfire
// retries it; a retry decides again (nothing new: every reminder already has its row) and resends what is pending.
// Overdue plan tasks are reminded in the same run (PlanTaskReminders, same rules).
public sealed class SendRemindersJob(ReminderDispatcher dispatcher, MailOutbox outbox, Features.PlanTasks.PlanTaskReminders taskReminders)
{
    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await dispatcher.RunAsync(cancellationToken);
        var tasks = await taskReminders.RunAsync(cancellationToken);
        if (result.EmailsFailed + tasks.EmailsFailed > 0)
        {
            throw new ReminderDeliveryException(
                $"{result.EmailsFailed + tasks.EmailsFailed} e-mail nhắc việc chưa gửi được ({result.FirstError ?? tasks.FirstError}); Hangfire sẽ thử lại.");
        }
        return result;
    }

    // After "Nhắc ngay": only the e-mails waiting to go out.
    public async Task SendPendingAsync(CancellationToken cancellationToken)
    {
        var (_, failed, _, error) = await outbox.SendPendingAsync(cancellationToken);
        if (failed > 0)
        {
            throw new ReminderDeliveryException($"{failed} e-mail nhắc việc chưa gửi được ({error}); Hangfire sẽ thử lại.");
        }
    }
}

public sealed class ReminderDeliveryException(string message) : Exception(message);
