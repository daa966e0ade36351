using Bunit;
using Microsoft.AspNetCore.Components;

namespace HocTapSuotDoi.Tests.TestSupport;

// An element found and its event fired in one step on the renderer's own thread. MudBlazor's fields validate after a
// change and re-render when that ends, on the renderer's thread, while the test goes on: an element found before such a
// re-render has lost its handler by the time the event is fired (seen in CI: "There is no event handler with ID '45'").
// On the renderer's thread no re-render can come between the two.
public static class RendererEvents
{
    public static Task ClickOnRendererAsync<TComponent>(this IRenderedComponent<TComponent> rendered, string selector)
        where TComponent : IComponent =>
        rendered.InvokeAsync(() => rendered.Find(selector).ClickAsync(new()));

    public static Task ChangeOnRendererAsync<TComponent>(this IRenderedComponent<TComponent> rendered, string selector, object value)
        where TComponent : IComponent =>
        rendered.InvokeAsync(() => rendered.Find(selector).ChangeAsync(new ChangeEventArgs { Value = value }));

    public static Task InputOnRendererAsync<TComponent>(this IRenderedComponent<TComponent> rendered, string selector, string value)
        where TComponent : IComponent =>
        rendered.InvokeAsync(() => rendered.Find(selector).InputAsync(new ChangeEventArgs { Value = value }));
}
