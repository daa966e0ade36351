using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HocTapSuotDoi.Tests.TestSupport;
using Xunit.Abstractions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The Dockerfile's steps, run for real: publish, start the published output, hit /health (no Docker engine here). The
// publish starts with the run, at the lowest priority (BackgroundBuilds); the fixture waits for it.
public sealed class PublishedAppFixture : IAsyncLifetime
{
    public string PublishDirectory { get; private set; } = "";

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HocTapSuotDoi.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Không tìm thấy thư mục gốc của mã nguồn.");
    }

    public async Task InitializeAsync()
    {
        // A publish that never ends fails the class instead of holding the run.
        var published = await BackgroundBuilds.Publish.WaitAsync(TimeSpan.FromMinutes(30));
        Assert.True(published.ExitCode == 0, published.Output);
        PublishDirectory = published.Directory;
    }

    public static Task<(int Code, string Output)> RunAsync(string file, string arguments, string workingDirectory,
        Dictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return BackgroundBuilds.RunAsync(info, timeout);
    }

    public Task DisposeAsync()
    {
        BackgroundBuilds.DeleteFolder(PublishDirectory);
        return Task.CompletedTask;
    }
}

[Collection(BuildsCollection.Name)]
public sealed class PublishedAppTests(PublishedAppFixture published, ITestOutputHelper testOutput) : IClassFixture<PublishedAppFixture>
{
    // Docker (the Dockerfile's HEALTHCHECK) gives a container its 20 s start period and then three checks 30 s apart
    // before calling it unhealthy. How much sooner the app is up depends on how busy the machine is, so the test waits
    // for the app to say it has started rather than for a number of seconds; the time is reported, not asserted.
    private static readonly TimeSpan DockerGivesUpAfter = TimeSpan.FromSeconds(20 + 3 * 30);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Published_app_starts_on_a_fresh_data_folder_and_serves_health_and_sign_in()
    {
        var data = Path.Combine(published.PublishDirectory, "data-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet", "HocTapSuotDoi.dll")
        {
            WorkingDirectory = published.PublishDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Urls"] = url;
        info.Environment["Storage__DataDirectory"] = data;
        info.Environment["DemoData__Enabled"] = "true";
        var log = new StringBuilder();
        string Log()
        {
            lock (log)
            {
                return log.ToString();
            }
        }
        // Logged by the host once migrations, seeding and the hosted services are done and Kestrel listens.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }
            if (e.Data?.Contains("Application started.") == true)
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(started.Task, process.WaitForExitAsync(), Task.Delay(DockerGivesUpAfter));
            Assert.True(started.Task.IsCompleted, $"Ứng dụng không khởi động xong (đã thoát: {(process.HasExited ? process.ExitCode.ToString() : "chưa")}). Nhật ký:\n{Log()}");
            testOutput.WriteLine($"Khởi động xong sau {clock.Elapsed.TotalSeconds:N1} s.");

            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

            var signIn = WebUtility.HtmlDecode(await http.GetStringAsync("/dang-nhap"));
            Assert.Contains("<html lang=\"vi\">", signIn);
            Assert.Contains("Đăng nhập", signIn);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/assets/logo.svg")).StatusCode);
            // On a commune's slow link every stylesheet and script of the page goes compressed (publish writes .br/.gz
            // copies, the app sends them to a browser that accepts them); MudBlazor's stylesheet alone is 627 KB plain.
            var assets = System.Text.RegularExpressions.Regex.Matches(signIn, "(?:href|src)=\"([^\"/][^\"]*\\.(?:css|js))\"").Select(m => m.Groups[1].Value).ToList();
            Assert.Contains(assets, a => a.Contains("MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/" + asset);
                request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
                using var compressed = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
                Assert.True(compressed.Content.Headers.ContentEncoding.SequenceEqual(["br"]), $"{asset} không được nén ({string.Join(",", compressed.Content.Headers.ContentEncoding)}).");
            }
            Assert.True(File.Exists(Path.Combine(data, "hoctap.db")));
            Assert.True(File.Exists(Path.Combine(data, "hangfire.db")));
            Assert.Contains("admin@camtan.vn với mật khẩu tạm thời", Log());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Theory]
    [InlineData("Backup__Keep", "abc", "Cài đặt Backup:Keep không hợp lệ: giá trị \"abc\" không đúng kiểu dữ liệu.")]
    [InlineData("Admin__Email", "khong-phai-email", "Cài đặt Admin:Email không hợp lệ: \"khong-phai-email\" không phải là địa chỉ e-mail.")]
    public async Task A_bad_setting_stops_the_published_app_with_one_line_naming_it(string variable, string value, string line)
    {
        var (code, output) = await PublishedAppFixture.RunAsync("dotnet", "HocTapSuotDoi.dll", published.PublishDirectory,
            new() { [variable] = value, ["Storage__DataDirectory"] = Path.Combine(published.PublishDirectory, "bad") }, TimeSpan.FromSeconds(30));
        Assert.Equal(1, code);
        Assert.Equal(line, output.Trim());
    }
}
