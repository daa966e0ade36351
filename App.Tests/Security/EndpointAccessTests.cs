using System.Net;
using System.Text.RegularExpressions;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Security;

// Every address the app maps besides its pages (file downloads, exports, templates, sign-out), found in the app's own
// routing table: a new endpoint is covered without touching this test. Nobody signed out gets a file; a signed-in user
// gets a file or a Vietnamese refusal, never a server error or an exception's English text.
public sealed partial class EndpointAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Signed-out requests that may answer: the health check and sign-out (which refuses a post without the form's token).
    private static readonly string[] Public = ["/health", "/dang-xuat"];

    [GeneratedRegex(@"\{(?<name>[^}:]+)(?<constraints>[^}]*)\}")]
    private static partial Regex Parameter();

    private List<(string Method, string Url)> Endpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var list = new List<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // Pages are PageAccessTests' part; static files, the circuit and Hangfire's dashboard have their own guards.
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || pattern.StartsWith("/_", StringComparison.Ordinal)
                || pattern.StartsWith("/hangfire", StringComparison.Ordinal) || IsStaticAsset(endpoint))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                list.Add((method, SampleUrl(pattern)));
            }
        }
        return list;
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || (endpoint.DisplayName ?? "").Contains("StaticAsset", StringComparison.OrdinalIgnoreCase);

    // "/quyet-dinh/{id:int}/quyet-dinh.docx" → "/quyet-dinh/1/quyet-dinh.docx"; years and ranges get a value they allow.
    private static string SampleUrl(string pattern) => Parameter().Replace(pattern, m =>
    {
        var constraints = m.Groups["constraints"].Value;
        var range = Regex.Match(constraints, @"range\((\d+),");
        return range.Success ? (range.Groups[1].Value == "2000" ? "2026" : range.Groups[1].Value)
            : constraints.Contains("int", StringComparison.Ordinal) ? "1" : "x";
    });

    [Fact]
    public void The_routing_table_has_the_download_endpoints_to_check()
    {
        var urls = Endpoints().Select(e => e.Url).ToList();
        Assert.Contains("/quyet-dinh/1/quyet-dinh.docx", urls);
        Assert.Contains("/bao-cao-nam/2026/docx", urls);
        Assert.Contains("/quan-tri/sao-luu/tai/x", urls);
        Assert.True(urls.Count >= 25, $"Chỉ thấy {urls.Count} địa chỉ: {string.Join(", ", urls)}");
    }

    [Fact]
    public async Task Signed_out_requests_get_no_file_and_no_server_error()
    {
        using var client = app.CreateBrowserlikeClient();
        var wrong = new List<string>();
        foreach (var (method, url) in Endpoints())
        {
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
            var status = (int)response.StatusCode;
            var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.LocationPath().StartsWith("/dang-nhap", StringComparison.Ordinal);
            // A HEAD answer has no body to read the refusal in.
            var refused = status is 400 or 401 or 403 or 404 or 405
                && (method == "HEAD" || VietnameseLetter().IsMatch(await response.Content.ReadAsStringAsync()));
            if (Public.Any(p => url.StartsWith(p, StringComparison.Ordinal)) ? status >= 500 : !(toSignIn || refused))
            {
                wrong.Add($"{method} {url} → {status} {response.Headers.Location}");
            }
        }
        Assert.True(wrong.Count == 0, "Người chưa đăng nhập nhận được (cần chuyển đến trang đăng nhập hoặc lời từ chối tiếng Việt): " + string.Join("; ", wrong));
    }

    [GeneratedRegex("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetter();

    // Each signed-in role with narrower rights than the committee, asking every address with sample values (a missing
    // query parameter, another village's file, a role's refusal): a file, or a refusal that says why in Vietnamese.
    [Theory]
    [InlineData("donvi@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    [InlineData("canbo@camtan.vn")]
    public async Task A_signed_in_user_gets_a_file_or_a_Vietnamese_refusal_never_a_server_error(string email)
    {
        using var client = await app.SignedInClientAsync(email);
        var wrong = new List<string>();
        foreach (var (_, url) in Endpoints().Where(e => e.Method == "GET"))
        {
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            var body = status is >= 400 and < 500 ? await response.Content.ReadAsStringAsync() : "";
            if (status >= 500 || (status >= 400 && !VietnameseLetter().IsMatch(body)))
            {
                wrong.Add($"{url} → {status} {body[..Math.Min(body.Length, 100)]}");
            }
        }
        Assert.True(wrong.Count == 0, $"{email} nhận được: " + string.Join("; ", wrong));
    }
}
