using System.Net;
using System.Text.RegularExpressions;

namespace HocTapSuotDoi.Tests.TestSupport;

// Signs in through the real sign-in form (antiforgery token included), as a browser would without JavaScript.
public static partial class HttpSignIn
{
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"Không thấy antiforgery token trong {path}");
        var content = new Dictionary<string, string>(fields) { ["_handler"] = handler, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(content));
    }

    // The antiforgery token a server-rendered form of `path` carries for the signed-in (or anonymous) user.
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var token = AntiforgeryToken().Match(await client.GetStringAsync(path)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"Không thấy antiforgery token trong {path}");
        return token;
    }

    // The antiforgery token in a server-rendered form's HTML ("" when there is none).
    public static string TokenIn(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/dang-nhap", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task SignInOkAsync(HttpClient client, string email, string password)
    {
        var response = await SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    // The path of a redirect, whether the server wrote it absolute or relative.
    public static string LocationPath(this HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString)
            : "";

    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
