using MudBlazor;

namespace HocTapSuotDoi.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#c62828",
            AppbarBackground = "#1565c0",
            // Darker than MudBlazor's defaults so white text on chips and buttons, and alert text, reach WCAG AA
            // (4,5:1): the default orange chip was about 2,2:1.
            Info = "#01579b",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Liberation Sans", "Arial", "sans-serif"] },
        },
    };
}
