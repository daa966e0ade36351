using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

public sealed class AccessibilityBrowserFixture : BrowserFixture
{
    public AccessibilityBrowserFixture() => App.Settings["DemoData:Registers"] = "true";
}

// axe-core (WCAG 2.1 A/AA rules) inside Chromium on every main page, as the people who use them: no serious or
// critical violation. The lists' pagers speak vi-VN ("1–25 trong 1.986").
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityBrowserTests(AccessibilityBrowserFixture browser) : BrowserTest(browser), IClassFixture<AccessibilityBrowserFixture>
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read: axe then works out the selectors and markup of the failing nodes alone, not of every
        // node that passed (axe-core's own advice for large pages), and sends back that much less.
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task Sign_in_page_has_no_serious_violation()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/dang-nhap");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        var found = await SeriousViolationsAsync(page, "/dang-nhap");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    // The scan itself is not blind: an image without text and a button without a name, planted in the sign-in page, are
    // reported as the serious or critical violations they are.
    [Fact]
    public async Task The_scan_reports_violations_planted_in_a_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/dang-nhap");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.EvaluateAsync("""
            () => {
                const main = document.querySelector('main') ?? document.body;
                main.insertAdjacentHTML('beforeend', '<img src="/favicon.png" id="planted-image"><button id="planted-button"></button>');
            }
            """);
        var found = await SeriousViolationsAsync(page, "/dang-nhap");
        Assert.Contains(found, v => v.Contains("image-alt") && v.Contains("planted-image"));
        Assert.Contains(found, v => v.Contains("button-name") && v.Contains("planted-button"));
    }

    // Each user signs in once, lands on their first page and goes through the others; every page's serious or critical
    // violations are listed.
    [Theory]
    [InlineData("bcd@camtan.vn", new[] { "/", "/bao-cao-nam", "/quyet-dinh", "/tien-do-bao-cao" })]
    [InlineData("canbo@camtan.vn", new[] { "/", "/ho-gia-dinh", "/nhan-khau", "/cham-diem", "/dong-ho", "/thon", "/don-vi", "/so-lieu-nam" })]
    [InlineData("donvi@camtan.vn", new[] { "/bao-cao" })]
    public async Task Main_pages_have_no_serious_or_critical_violation(string user, string[] paths)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, user, AppFactory.DemoPassword, paths[0]);
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (path != paths[0])
            {
                await page.GotoAsync(browser.BaseUrl + path);
            }
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            found.AddRange(await SeriousViolationsAsync(page, path));
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Theory]
    [InlineData("/ho-gia-dinh")]
    [InlineData("/nhan-khau")]
    public async Task List_pagers_show_the_range_and_the_total_in_vi_VN(string path)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "canbo@camtan.vn", AppFactory.DemoPassword, path);
        await Expect(page.Locator(".mud-table-pagination-caption").Last).ToHaveTextAsync(PagerInfo());
    }

    private static async Task<List<string>> SeriousViolationsAsync(IPage page, string path)
    {
        // axe's run inside the page itself: RunAxe's frame-by-frame mode finishes every scan in a new browser context (a new
        // renderer and axe injected twice: ≈ 0,7 s more a page here), for frames these pages do not have. Should the
        // library drop this mode, the build fails here. The planted-violation test shows the scan still finds what it must.
#pragma warning disable CS0618
        var result = await page.RunAxeLegacy(null, Wcag21AA);
#pragma warning restore CS0618
        return result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"{path}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target) + " " + n.Html))}").ToList();
    }

    // "1–25 trong 353" or "1–25 trong 1.986": an en dash, "trong", and a total grouped with dots (never "1986", "1,986").
    [GeneratedRegex(@"^\s*1–25 trong (\d{1,3}|\d{1,3}(\.\d{3})+)\s*$")]
    private static partial Regex PagerInfo();
}
