using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HocTapSuotDoi.Setup;

// Running behind a reverse proxy and over HTTPS: X-Forwarded-For/-Proto are believed only from the configured proxies
// (loopback when none is configured), so the scheme, the client address and with them Secure cookies are right; HSTS
// and the redirect to HTTPS when Https:Enabled is on or Kestrel listens on an https:// address. The host name is never
// taken from a forwarded header: addresses printed on documents come from App:PublicBaseUrl.
public static class HttpsSetup
{
    public static void AddReverseProxySupport(this IServiceCollection services, AppSettings settings)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (settings.ReverseProxy.KnownProxies.Length > 0 || settings.ReverseProxy.KnownNetworks.Length > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in settings.ReverseProxy.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
                foreach (var network in settings.ReverseProxy.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(settings.Https.HstsMaxAgeDays);
            o.IncludeSubDomains = false;
        });
    }

    public static bool HttpsOn(WebApplication app, AppSettings settings) =>
        settings.Https.Enabled || (app.Configuration["Urls"] ?? app.Configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    public static void UseReverseProxyAndHttps(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var settings = app.Services.GetRequiredService<AppSettings>();
        if (HttpsOn(app, settings))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        if (!settings.App.HasPublicBaseUrl)
        {
            app.Logger.LogWarning(
                "Chưa đặt App:PublicBaseUrl (địa chỉ công khai của ứng dụng): giấy công nhận chỉ in đường dẫn /xac-minh/<mã>, không có tên miền. Xem README, mục HTTPS và địa chỉ công khai.");
        }
    }
}
