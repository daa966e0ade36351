namespace HocTapSuotDoi.Features.Dashboard;

// Units' yearly reports to the steering committee (before 30/11): per deadline, how many were expected, submitted,
// submitted on time. The deadlines feature (issue 6) provides the real source; until it is wired in, the default says
// plainly that there is no data, never zeros that would read as "nobody reported".
public interface IReportComplianceSource
{
    Task<ReportCompliance> GetAsync(int communeId, int year, CancellationToken ct = default);
}

public sealed record DeadlineCompliance(string Name, DateOnly DueOn, int Expected, int Submitted, int OnTime)
{
    public int Missing => Expected - Submitted;
}

public sealed record ReportCompliance(bool HasData, IReadOnlyList<DeadlineCompliance> Deadlines, string? BoardUrl)
{
    public const string NoDataText = "Năm này chưa có hạn nộp báo cáo năm (30/11) của các đơn vị, thôn, nên chưa có số liệu về tình hình báo cáo.";
}

public sealed class NoReportComplianceSource : IReportComplianceSource
{
    public Task<ReportCompliance> GetAsync(int communeId, int year, CancellationToken ct = default) =>
        Task.FromResult(new ReportCompliance(false, [], null));
}
