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
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Liberation Sans", "Arial", "sans-serif"] },
        },
    };
}
