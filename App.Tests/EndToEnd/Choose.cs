using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HocTapSuotDoi.Tests.EndToEnd;

// A choice in a MudSelect made as a person makes it: open the list, pick, and see the list close before the next step.
// The select takes the pick only after a round trip to the page, and Blazor runs the next event meanwhile: a save
// clicked at once, on a slow link or a busy server, validated the form without the pick and did nothing (a browser test
// lost a new member that way under two builds). A person sees the list still open and waits; so do the tests.
public static class Choose
{
    public static async Task OptionAsync(IPage page, string select, string option, bool exact = true)
    {
        await page.ClickAsync(select);
        await PickAsync(page, option, exact);
    }

    // The same where the select is found by the input it wraps (MudBlazor puts the id on an inner element).
    public static async Task OptionAsync(IPage page, ILocator select, string option, bool exact = true)
    {
        await select.ClickAsync();
        await PickAsync(page, option, exact);
    }

    // A multiple choice: every option, then Escape on the select closes the list.
    public static async Task OptionsAsync(IPage page, string select, params string[] options)
    {
        await page.ClickAsync(select);
        foreach (var option in options)
        {
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        }
        await page.Locator(select).PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = options[^1], Exact = true })).ToBeHiddenAsync();
    }

    private static async Task PickAsync(IPage page, string option, bool exact)
    {
        var item = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = exact });
        await item.ClickAsync();
        await Expect(item).ToBeHiddenAsync();
    }
}
