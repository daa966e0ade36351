using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The README's run command, taken from the README itself and run as written in a fresh copy of the repository (the files
// git knows, as a clone has them), then used in Chromium as a new user would: sign in with the password from the log,
// change it, and open a menu (which needs the interactive circuit, MudBlazor's JS and blazor.web.js).
[Collection(BuildsCollection.Name)]
public sealed partial class ReadmeRunCommandTests : IAsyncLifetime
{
    private readonly string _clone = Path.Combine(Path.GetTempPath(), "hoctap-readme", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _log = new();
    // A freshly started app answers its first requests slowly on a busy 2-core machine (JIT, the first password hash):
    // every wait here says its own limit instead of Playwright's 5 s default or a value another test class set.
    private const int Patience = 30_000;
    private Process? _app;

    [GeneratedRegex(@"\*\*Run the app\*\*[^|]*\|\s*`([^`]+)`")]
    private static partial Regex RunCommandRow();

    [GeneratedRegex(@"mật khẩu tạm thời: (\S+) —")]
    private static partial Regex GeneratedPassword();

    public static string ReadmeRunCommand()
    {
        var readme = File.ReadAllText(Path.Combine(PublishedAppFixture.RepositoryRoot(), "README.md"));
        var match = RunCommandRow().Match(readme);
        Assert.True(match.Success, "README.md không có dòng **Run the app** với lệnh trong dấu `.");
        return match.Groups[1].Value;
    }

    [Fact]
    public void The_README_names_the_run_command_the_app_documents()
    {
        Assert.Equal("dotnet run --project App -- --DemoData:Enabled=true", ReadmeRunCommand());
    }

    [Fact]
    public async Task The_README_run_command_on_a_fresh_clone_serves_a_working_app_a_new_user_can_sign_in_to()
    {
        CopyRepository(PublishedAppFixture.RepositoryRoot(), _clone);
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("bash", ["-c", ReadmeRunCommand()])
        {
            WorkingDirectory = _clone,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Only the port differs from a user's machine (the suite may run next to an app on 5080); no build server lingers.
        info.Environment["Urls"] = url;
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        _app = Process.Start(info)!;
        _app.OutputDataReceived += (_, e) => Append(e.Data);
        _app.ErrorDataReceived += (_, e) => Append(e.Data);
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        // dotnet run builds the fresh copy first: minutes on a busy 2-core machine.
        var started = Stopwatch.StartNew();
        // "Content root path" is the last line the host writes once it has started (after "Now listening on").
        while (!Log().Contains("Content root path:"))
        {
            Assert.False(_app.HasExited, $"Lệnh chạy của README đã dừng với mã {(_app.HasExited ? _app.ExitCode : 0)}. Nhật ký:\n{Log()}");
            Assert.True(started.Elapsed < TimeSpan.FromMinutes(8), $"Ứng dụng không khởi động sau 8 phút. Nhật ký:\n{Log()}");
            await Task.Delay(250);
        }
        Assert.Contains("Hosting environment: Production", Log());
        var password = GeneratedPassword().Match(Log()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), $"Không thấy mật khẩu tạm thời trong nhật ký:\n{Log()}");
        Assert.True(File.Exists(Path.Combine(_clone, "App", "data", "hoctap.db")));

        // The page's own assets answer 200 (they answered 500 when the README command ran as Production).
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            var signIn = await http.GetStringAsync("/dang-nhap");
            foreach (Match asset in Regex.Matches(signIn, "(?:href|src)=\"([^\"]+\\.(?:css|js))\""))
            {
                var path = asset.Groups[1].Value;
                var response = await http.GetAsync(path.StartsWith('/') ? path : "/" + path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} trả {(int)response.StatusCode}.");
            }
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(SharedChromium.LaunchOptions());
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        context.SetDefaultTimeout(Patience);
        var page = await context.NewPageAsync();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (failed) { failed.Add($"{response.Status} {response.Url}"); }
            }
        };

        await page.GotoAsync(url + "/");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap"), new() { Timeout = Patience });
        // MudBlazor's stylesheet is loaded and parsed (a 500 leaves a bare, unstyled page).
        var mudRules = await page.EvaluateAsync<int>(
            "() => [...document.styleSheets].filter(s => (s.href || '').includes('MudBlazor')).reduce((n, s) => n + s.cssRules.length, 0)");
        Assert.True(mudRules > 100, $"MudBlazor CSS có {mudRules} quy tắc.");
        await Expect(page.Locator("#components-reconnect-modal, .components-reconnect-show")).Not.ToBeVisibleAsync(new() { Timeout = Patience });

        await page.FillAsync("#email", "admin@camtan.vn");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await Expect(page).ToHaveURLAsync(new Regex("/doi-mat-khau$"), new() { Timeout = Patience });
        await page.FillAsync("#current", password);
        await page.FillAsync("#new", "Mat-khau-rieng-2026");
        await page.FillAsync("#confirm", "Mat-khau-rieng-2026");
        await page.ClickAsync("#change-password");
        await Expect(page.Locator("#password-changed")).ToContainTextAsync("Đã đổi mật khẩu.", new() { Timeout = Patience });
        await Expect(page.Locator(".app-title")).ToContainTextAsync("Xã Cẩm Tân", new() { Timeout = Patience });

        // One interactive control: the user menu opens only through the SignalR circuit.
        await page.ClickAsync(".user-menu-button button, button.user-menu-button");
        await Expect(page.Locator("#sign-out-form button")).ToBeVisibleAsync(new() { Timeout = Patience });
        await Screens.KeepAsync(page, "readme-command");
        lock (failed)
        {
            Assert.True(failed.Count == 0, "Có yêu cầu lỗi: " + string.Join(", ", failed));
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log) { _log.AppendLine(line); }
        }
    }

    private string Log()
    {
        lock (_log) { return _log.ToString(); }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // What a clone has: the files git tracks plus new ones it would add (so uncommitted work is tested too), no bin/obj/data.
    private static void CopyRepository(string root, string target)
    {
        var list = new ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        };
        using var git = Process.Start(list)!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        foreach (var file in files)
        {
            var source = Path.Combine(root, file);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        if (Directory.Exists(_clone))
        {
            Directory.Delete(_clone, recursive: true);
        }
    }
}
