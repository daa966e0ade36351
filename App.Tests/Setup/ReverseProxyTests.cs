using System.Net;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Decisions;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Setup;

// Behind Caddy or nginx at 10.0.0.5, with HTTPS on and the public address set.
public sealed class ProxiedApp : AppFactory
{
    public const string Proxy = "10.0.0.5";
    public const string Stranger = "198.51.100.9";
    public const string PublicBaseUrl = "https://hoctap.camtan.gov.vn";

    public ProxiedApp()
    {
        Settings["ReverseProxy:KnownProxies:0"] = Proxy;
        Settings["App:PublicBaseUrl"] = PublicBaseUrl;
        Settings["Https:Enabled"] = "true";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromTestHeader>());
    }

    // The test server has no client address: it is taken from a test-only header before anything else runs.
    private sealed class RemoteAddressFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, call) =>
            {
                if (IPAddress.TryParse(context.Request.Headers["X-Test-Remote"], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return call(context);
            });
            next(app);
        };
    }
}

public sealed class ReverseProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private HttpClient ClientFrom(string address, string? forwardedProto = null, string? forwardedHost = null)
    {
        var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Test-Remote", address);
        client.DefaultRequestHeaders.Host = "hoctap.camtan.gov.vn";
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        }
        if (forwardedHost is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", forwardedHost);
        }
        return client;
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("HocTap.Auth=", StringComparison.Ordinal));

    [Fact]
    public async Task Https_forwarded_by_the_configured_proxy_gets_a_secure_cookie_and_hsts()
    {
        using var client = ClientFrom(ProxiedApp.Proxy, forwardedProto: "https");

        var response = await HttpSignIn.SignInAsync(client, "xem@camtan.vn", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "HSTS phải được gửi khi HTTPS bật.");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        using var client = ClientFrom(ProxiedApp.Stranger, forwardedProto: "https");

        var response = await HttpSignIn.SignInAsync(client, "xem@camtan.vn", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "Yêu cầu HTTP thường không nhận HSTS.");
    }

    [Fact]
    public async Task A_spoofed_forwarded_host_does_not_change_the_certificate_address()
    {
        var ids = await app.AddEvaluationsAsync(Title.FamilyLearning, 2024, new Scored("Hộ Lê Văn Thử (H0201)", "T01", 910));
        int id;
        await using (var scope = await app.AsUserAsync("bcd@camtan.vn"))
        {
            id = await scope.ServiceProvider.GetRequiredService<DecisionService>().IssueAsync(DecisionTestData.Form(Title.FamilyLearning, 2024, 77, [.. ids.Values]));
        }
        using var client = ClientFrom(ProxiedApp.Stranger, forwardedHost: "evil.example");
        client.DefaultRequestHeaders.Host = "evil.example";
        await HttpSignIn.SignInOkAsync(client, "xem@camtan.vn", AppFactory.DemoPassword);

        var response = await client.GetAsync($"/quyet-dinh/{id}/giay-cong-nhan.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = LibreOffice.Text(LibreOffice.ToPdf(await response.Content.ReadAsByteArrayAsync(), "giay.pdf"));
        Assert.Contains($"{ProxiedApp.PublicBaseUrl}/xac-minh/", text);
        Assert.DoesNotContain("evil.example", text);
    }
}
