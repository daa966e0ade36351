using Microsoft.Playwright;

namespace HocTapSuotDoi.Tests.EndToEnd;

// Pictures of the screens, for a person to look at: taken only when HOCTAP_SCREENS names a folder (the README's
// commands set it to docs/screens). A CI run, where nobody looks at them, does not spend the processor on them.
public static class Screens
{
    public const string Variable = Features.Documents.LibreOffice.ScreensVariable;

    public static string? Folder => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    // The viewport (what the person sees), or the whole page; once the page is quiet and MudBlazor's fades have settled.
    public static async Task KeepAsync(IPage page, string name, bool fullPage = false)
    {
        if (Folder is not { } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(Path.GetFullPath(folder), name + ".png"),
            FullPage = fullPage,
            Animations = ScreenshotAnimations.Disabled,
        });
    }
}
