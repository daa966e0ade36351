using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// Classes that drive Chromium run one after another and alone, after the classes that run two at a time. Beside them
// (tried again on 02/12/2026 with three runners) the run was 40 s shorter, not more: the suite is bound by the processor,
// and Chromium alone keeps a core busy for the whole chain. The published app's first start, which must end within
// Docker's 110 s, then took 84 s instead of 34 s, so they stay alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}

// What a browser test class needs of its fixture to close the pages each test opened.
public interface IBrowserPages
{
    Task CloseContextsAsync();
}

// A class of browser tests: every page a test opened is closed when the test ends.
public abstract class BrowserTest(IBrowserPages browser) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => browser.CloseContextsAsync();
}

// One Playwright driver and one Chromium for every browser class of the test process (the classes run one after another,
// each with its own app and its own browser contexts): starting them for each of about twenty classes cost a driver and
// a browser start each time. Closed when the process exits; started again if Chromium went away.
internal static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(LaunchOptions());
            AppDomain.CurrentDomain.ProcessExit -= CloseOnExit;
            AppDomain.CurrentDomain.ProcessExit += CloseOnExit;
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    // Debian's full Chromium in headless mode still builds a browser window for every context, and since Chromium 15x
    // each window loads the omnibox's WebUI popups (chrome://omnibox-popup.top-chrome, two renderers per context):
    // measured 14,4–15,2 s of Chromium's processor time for ten contexts with them, 6,2–6,6 s without, 5,1–5,2 s with
    // site isolation off too (one origin under test, nothing to isolate). Chromium keeps only the last
    // --disable-features it is given, so Playwright's own list (1.64) is repeated before ours.
    private static readonly string[] DisabledFeatures =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider", "GlobalMediaControls",
        "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding", "ThirdPartyStoragePartitioning",
        "BlockOriginHeaderModificationOnRedirect", "AvoidCorsURLLoaderRestartOnRedirect", "Translate", "AutoDeElevate",
        "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled",
        "WebUIOmniboxPopup", "WebUIOmniboxAimPopup",
    ];

    // The Chromium of every browser test, and of the README run-command test, which starts its own.
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-site-isolation-trials",
                "--disable-features=" + string.Join(',', DisabledFeatures)],
    };

    private static void CloseOnExit(object? sender, EventArgs e)
    {
        try
        {
            _browser?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Chromium already gone: nothing to close.
        }
        catch (PlaywrightException)
        {
        }
        _playwright?.Dispose();
    }
}

// The app on a real port (Kestrel on 127.0.0.1) and Debian's Chromium driven by Playwright.
public class BrowserFixture : BrowserFixture<AppFactory>;

// The same for an app with its own settings or clock (ClockedApp, SmtpApp): set the clock in an InitializeAsync override
// before calling the base, so the app starts on it.
public class BrowserFixture<TApp> : IAsyncLifetime, IBrowserPages where TApp : AppFactory, new()
{
    public TApp App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    private readonly List<IBrowserContext> _contexts = [];

    public virtual async Task InitializeAsync()
    {
        App.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // CI machines have 2 cores shared by the app, the browser and the tests: be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
        Browser = await SharedChromium.GetAsync();
    }

    public async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    // A browser context as a person's browser has it (vi-VN, Vietnam's time zone), or with the given window; closed when
    // the test that opened it ends (BrowserTest).
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.Locale ??= "vi-VN";
        options.TimezoneId ??= "Asia/Ho_Chi_Minh";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        lock (_contexts)
        {
            _contexts.Add(context);
        }
        return context;
    }

    // A page left open keeps its circuit on the server and its rendering in Chromium for the rest of the class.
    public async Task CloseContextsAsync()
    {
        List<IBrowserContext> open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in open)
        {
            await context.CloseAsync();
        }
    }

    // Signs in as the sign-in form does, without drawing it: the form's GET (antiforgery token and cookie) and its POST go
    // through the page's own cookie jar (the browser context's APIRequest), then the page opens where the app sent the
    // user (home, the page named by `then` as a ReturnUrl, or the forced password change). Loading the sign-in page in
    // Chromium was one more cold Blazor page for every test, and home before the page a test is about is another; the
    // form itself is driven by SignInThroughFormAsync (SignInFlowTests) and the README test.
    public async Task SignInAsync(IPage page, string email, string password, string? then = null)
    {
        var request = page.Context.APIRequest;
        var form = await request.GetAsync(BaseUrl + "/dang-nhap");
        var token = HttpSignIn.TokenIn(await form.TextAsync());
        Assert.False(string.IsNullOrEmpty(token), "Không thấy antiforgery token trong /dang-nhap");
        var fields = request.CreateFormData();
        fields.Set("_handler", "login");
        fields.Set("__RequestVerificationToken", token);
        fields.Set("Input.Email", email);
        fields.Set("Input.Password", password);
        var returnUrl = then is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(then);
        var response = await request.PostAsync(BaseUrl + "/dang-nhap" + returnUrl, new() { Form = fields, MaxRedirects = 0 });
        Assert.True(response.Status == 302, $"Đăng nhập {email} không thành công ({response.Status}).");
        var location = response.Headers["location"];
        await page.GotoAsync(location.StartsWith('/') ? BaseUrl + location : location);
    }

    // The sign-in form as a person fills it in.
    public async Task SignInThroughFormAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(BaseUrl + "/dang-nhap");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
    }

    // A new page signed in as a demo user (or any user with its password), on home or the page `then` names, once the
    // app's shell is shown.
    public async Task<IPage> SignedInPageAsync(string email, string password = AppFactory.DemoPassword, string? then = null)
    {
        var page = await NewPageAsync();
        await SignInAsync(page, email, password, then);
        await Expect(page.Locator(".app-title")).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        // The shared Chromium stays for the next class; this class's contexts go.
        await CloseContextsAsync();
        await App.DisposeAsync();
    }
}
