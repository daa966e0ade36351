using System.Net;
using System.Text.RegularExpressions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The README's run command, taken from the README itself and run as written in a fresh copy of the repository (the files
// git knows, as a clone has them), then used in Chromium as a new user would: sign in with the password from the log,
// change it, and open a menu (which needs the interactive circuit, MudBlazor's JS and blazor.web.js). The command starts
// with the run, at the lowest priority (BackgroundBuilds); this test waits for it.
[Collection(BuildsCollection.Name)]
public sealed partial class ReadmeRunCommandTests : IAsyncLifetime
{
    // A freshly started app answers its first requests slowly on a busy 2-core machine (JIT, the first password hash):
    // every wait here says its own limit instead of Playwright's 5 s default or a value another test class set.
    private const int Patience = 30_000;
    private ReadmeRun? _run;

    [GeneratedRegex(@"mật khẩu tạm thời: (\S+) —")]
    private static partial Regex GeneratedPassword();

    public static string ReadmeRunCommand() => BackgroundBuilds.ReadmeRunCommand();

    [Fact]
    public void The_README_names_the_run_command_the_app_documents()
    {
        Assert.Equal("dotnet run --project App -- --DemoData:Enabled=true", ReadmeRunCommand());
    }

    [Fact]
    public async Task The_README_run_command_on_a_fresh_clone_serves_a_working_app_a_new_user_can_sign_in_to()
    {
        _run = BackgroundBuilds.Readme;
        // dotnet run builds the fresh copy first: minutes on a busy 2-core machine, and it started with the run.
        await Task.WhenAny(_run.BuiltOrEnded, Task.Delay(TimeSpan.FromMinutes(8)));
        Assert.True(_run.BuiltOrEnded.IsCompleted, $"Ứng dụng không khởi động sau 8 phút. Nhật ký:\n{_run.Log()}");
        Assert.False(_run.Process.HasExited, $"Lệnh chạy của README đã dừng với mã {(_run.Process.HasExited ? _run.Process.ExitCode : 0)}. Nhật ký:\n{_run.Log()}");
        var log = _run.Log();
        Assert.Contains("Hosting environment: Production", log);
        var password = GeneratedPassword().Match(log).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), $"Không thấy mật khẩu tạm thời trong nhật ký:\n{log}");
        Assert.True(File.Exists(Path.Combine(_run.Clone, "App", "data", "hoctap.db")));
        var url = _run.Url ?? throw new Xunit.Sdk.XunitException($"Không thấy địa chỉ ứng dụng trong nhật ký:\n{log}");

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

        var browser = await SharedChromium.GetAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
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

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _run?.Stop();
        return Task.CompletedTask;
    }
}
