using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Jobs;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

// The demo commune with a clock the test drives; optionally an in-process SMTP server receiving the e-mails.
public class ClockedApp : ClockedAppFactory
{
    public TestSmtpServer? Smtp { get; }

    public ClockedApp() : this(withSmtp: false)
    {
    }

    protected ClockedApp(bool withSmtp)
    {
        Settings["Admin:Password"] = "Quan-tri-xa-2026";
        if (withSmtp)
        {
            Smtp = new TestSmtpServer();
            Settings["Smtp:Host"] = "127.0.0.1";
            Settings["Smtp:Port"] = Smtp.Port.ToString();
            Settings["Smtp:Security"] = "None";
            Settings["Smtp:FromAddress"] = "nhacviec@camtan.vn";
            Settings["Smtp:FromName"] = "Ban chỉ đạo XHHT xã Cẩm Tân";
        }
    }

    public async Task<ReminderRunResult> RunJobAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendRemindersJob>().RunAsync(CancellationToken.None);
    }

    public async Task<AppDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async Task<int> DeadlineIdAsync(string key)
    {
        await using var db = await DbAsync();
        return await db.Set<Deadline>().Where(d => d.DefaultKey == key).Select(d => d.Id).SingleAsync();
    }

    public async Task<SubjectRef> UnitAsync(string code)
    {
        await using var db = await DbAsync();
        return new SubjectRef(ReportSubjectKind.Unit, await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());
    }

    public async Task<SubjectRef> VillageAsync(string code)
    {
        await using var db = await DbAsync();
        return new SubjectRef(ReportSubjectKind.Village, await db.Villages.Where(v => v.Code == code).Select(v => v.Id).SingleAsync());
    }

    // A unit reporter account for a demo unit (idempotent).
    public async Task AddUnitReporterAsync(string email, string name, string unitCode)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        await using var db = await DbAsync();
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = name, CommuneId = unit.CommuneId, ScopeKind = ScopeKind.Unit, UnitId = unit.Id };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.UnitReporter);
    }

    // Fills the report with a line of text and submits it as the given user.
    public async Task SubmitAsync(string email, int deadlineId, int year, SubjectRef subject)
    {
        await using var scope = await this.AsUserAsync(email);
        var reports = scope.ServiceProvider.GetRequiredService<UnitReportService>();
        var view = await reports.GetAsync(deadlineId, year, subject);
        view.Form.Text = "Đã tổ chức các hoạt động học tập suốt đời trong năm.";
        await reports.SubmitAsync(view.Form);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

public sealed class SmtpApp() : ClockedApp(withSmtp: true);

// An SMTP server inside the test process (the SmtpServer package) on a loopback port; it can be stopped to play an
// outage and started again on the same port.
public sealed class TestSmtpServer : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private SmtpServer.SmtpServer? _server;

    public int Port { get; }
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public TestSmtpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public bool Running => _server is not null;

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _ = _server.StartAsync(_stop.Token);
        WaitUntil(listening: true);
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }
        _server.Shutdown();
        await _stop!.CancelAsync();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        _server = null;
        WaitUntil(listening: false);
    }

    private void WaitUntil(bool listening)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                if (listening)
                {
                    return;
                }
            }
            catch (SocketException)
            {
                if (!listening)
                {
                    return;
                }
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException(listening ? "Máy chủ SMTP thử không mở cổng." : "Máy chủ SMTP thử không đóng cổng.");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
