using Hangfire;
using Hangfire.Storage;

namespace HocTapSuotDoi.Jobs;

public sealed record JobRow(string Id, string Name, string Purpose, string? LastRun, string LastResult, string? NextRun, string? Error);

// The recurring jobs as an administrator reads them: Vietnamese names, last and next run in Vietnam time, the result
// of the last run, and "Chạy ngay". Hangfire's own dashboard stays for IT (/hangfire).
public sealed class BackgroundJobsService(JobStorage storage, IRecurringJobManager jobs, CurrentUser currentUser, ILogger<BackgroundJobsService> logger)
{
    private static readonly Dictionary<string, (string Name, string Purpose)> Names = new()
    {
        [RecurringJobs.NightlyBackup] = ("Sao lưu hằng đêm", "Sao lưu cơ sở dữ liệu vào thư mục sao lưu và xóa các bản cũ."),
        [RecurringJobs.DailyReminders] = ("Nhắc hạn báo cáo", "Gửi e-mail nhắc các đơn vị, thôn và Ban chỉ đạo trước và sau hạn nộp báo cáo."),
    };

    public async Task<IReadOnlyList<JobRow>> ListAsync()
    {
        await currentUser.RequireScopeAsync(Roles.Administrator);
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs()
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .Select(j =>
            {
                var (name, purpose) = Names.TryGetValue(j.Id, out var known) ? known : (j.Id, "");
                return new JobRow(j.Id, name, purpose,
                    j.LastExecution is { } last ? VnTime.Format(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null,
                    ResultText(j.LastJobState, j.LastExecution is not null),
                    j.NextExecution is { } next ? VnTime.Format(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null,
                    j.Error ?? j.LoadException?.Message);
            })
            .ToList();
    }

    // Puts the job in the queue now; the server's workers run it as they run the scheduled one.
    public async Task RunNowAsync(string id)
    {
        var scope = await currentUser.RequireScopeAsync(Roles.Administrator);
        if (!Names.ContainsKey(id))
        {
            throw new ArgumentException($"Không có tác vụ nền \"{id}\".", nameof(id));
        }
        jobs.Trigger(id);
        logger.LogInformation("{User} cho chạy ngay tác vụ nền {Job}", scope.Name, id);
    }

    public static string ResultText(string? state, bool hasRun) => state switch
    {
        "Succeeded" => "Thành công",
        "Failed" => "Lỗi",
        "Processing" => "Đang chạy",
        "Enqueued" => "Đang chờ chạy",
        "Scheduled" => "Đã lên lịch",
        "Deleted" => "Đã hủy",
        null or "" => hasRun ? "Không rõ" : "Chưa chạy lần nào",
        _ => state,
    };
}
