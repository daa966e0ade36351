using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;

namespace HocTapSuotDoi.Tests.EndToEnd;

// The app on a real port (Kestrel on 127.0.0.1) and Debian's Chromium driven by Playwright.
public class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;

    public virtual async Task InitializeAsync()
    {
        App.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // CI machines have 2 cores shared by the app, the browser and the tests: be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/dang-nhap");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
