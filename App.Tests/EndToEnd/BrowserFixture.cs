using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// Classes that drive Chromium run one after another, in one collection that starts first and runs beside the host-based
// classes: a browser test keeps less than one core busy (it mostly waits for Chromium and the circuit), and the other
// core runs the rest of the suite meanwhile.
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

// The app on a real port (Kestrel on 127.0.0.1) and Debian's Chromium driven by Playwright.
public class BrowserFixture : BrowserFixture<AppFactory>;

// The same for an app with its own settings or clock (ClockedApp, SmtpApp): set the clock in an InitializeAsync override
// before calling the base, so the app starts on it.
public class BrowserFixture<TApp> : IAsyncLifetime where TApp : AppFactory, new()
{
    public TApp App { get; } = new();
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

    // A new page signed in as a demo user (or any user with its password), once the app's shell is shown.
    public async Task<IPage> SignedInPageAsync(string email, string password = AppFactory.DemoPassword)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, password);
        await Expect(page.Locator(".app-title")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
