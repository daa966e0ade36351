using System.Net;
using System.Reflection;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace HocTapSuotDoi.Tests.Security;

public sealed class PageAccessTests(AppAccessFixture fixture) : IClassFixture<AppAccessFixture>
{
    // Every routable page of the app, found by reflection: a new page is covered without touching this test.
    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var type in typeof(Program).Assembly.GetTypes())
        {
            var anonymous = type.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            foreach (var route in type.GetCustomAttributes<RouteAttribute>())
            {
                data.Add(SampleUrl(route.Template), anonymous);
            }
        }
        return data;
    }

    // "/ho-gia-dinh/{id:int}" → "/ho-gia-dinh/1"
    private static string SampleUrl(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", "1");

    [Fact]
    public void The_app_has_pages_to_check() => Assert.True(Pages().Count >= 7);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_request_to_a_protected_page_is_sent_to_sign_in(string url, bool allowAnonymous)
    {
        using var client = fixture.CreateBrowserlikeClient();
        var response = await client.GetAsync(url);
        if (allowAnonymous)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/dang-nhap", response.LocationPath());
        }
    }

    [Fact]
    public async Task Health_is_public_and_healthy()
    {
        using var client = fixture.CreateBrowserlikeClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.TextAsync());
    }

    [Fact]
    public async Task Hangfire_dashboard_sends_anonymous_to_sign_in()
    {
        using var client = fixture.CreateBrowserlikeClient();
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dang-nhap", response.LocationPath());
    }

    [Theory]
    [InlineData("bcd@camtan.vn")]
    [InlineData("canbo@camtan.vn")]
    [InlineData("donvi@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    public async Task Non_administrators_are_refused_user_management_backups_and_hangfire(string email)
    {
        using var client = await fixture.SignedInClientAsync(email);
        foreach (var url in new[] { "/quan-tri/nguoi-dung", "/quan-tri/sao-luu", "/quan-tri/tac-vu", "/hangfire", "/hangfire/recurring", "/quan-tri/sao-luu/tai/x.db" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/khong-co-quyen", response.LocationPath());
        }
        var denied = await (await client.GetAsync("/khong-co-quyen")).TextAsync();
        Assert.Contains("Bạn không có quyền truy cập trang này", denied);
    }

    // Every page, opened by every role with sample values in its address (another village's household, a decision the
    // role may not read, a page of another role): the page, a refusal or a redirect, never a server error.
    [Theory]
    [InlineData("admin@camtan.vn")]
    [InlineData("bcd@camtan.vn")]
    [InlineData("canbo@camtan.vn")]
    [InlineData("donvi@camtan.vn")]
    [InlineData("xem@camtan.vn")]
    public async Task Every_role_opens_every_page_without_a_server_error(string email)
    {
        using var client = fixture.CreateBrowserlikeClient();
        await (email == "admin@camtan.vn" ? fixture.SignInAsAdministratorAsync(client) : HttpSignIn.SignInOkAsync(client, email, AppFactory.DemoPassword));
        var wrong = new List<string>();
        foreach (var url in Pages().Select(row => (string)row[0]).Distinct())
        {
            using var response = await client.GetAsync(url);
            // Sent to sign in would mean the session was lost and nothing was checked.
            if ((int)response.StatusCode >= 500 || response.LocationPath().StartsWith("/dang-nhap", StringComparison.Ordinal))
            {
                wrong.Add($"{url} → {(int)response.StatusCode} {response.LocationPath()}");
            }
        }
        Assert.True(wrong.Count == 0, $"{email}: " + string.Join("; ", wrong));
    }

    [Fact]
    public async Task Administrator_opens_the_hangfire_dashboard()
    {
        using var client = fixture.CreateBrowserlikeClient();
        await fixture.SignInAsAdministratorAsync(client);
        var response = await client.GetAsync("/hangfire/recurring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sao-luu-hang-dem", await response.TextAsync());
    }

    [Fact]
    public async Task Administrator_opens_the_background_jobs_page()
    {
        using var client = fixture.CreateBrowserlikeClient();
        await fixture.SignInAsAdministratorAsync(client);
        var response = await client.GetAsync("/quan-tri/tac-vu");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signed_in_user_reaches_the_app_shell_page()
    {
        using var client = fixture.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(client, "canbo@camtan.vn", AppFactory.DemoPassword);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

// One app for the access tests; the administrator's generated password is changed once, here.
public sealed class AppAccessFixture : AppFactory
{
    public const string AdminPassword = "Mat-khau-moi-2026";
    private bool _changed;

    public async Task SignInAsAdministratorAsync(HttpClient client)
    {
        if (!_changed)
        {
            await HttpSignIn.SignInOkAsync(client, "admin@camtan.vn", GeneratedAdminPassword());
            var response = await HttpSignIn.PostFormAsync(client, "/doi-mat-khau", "change-password", new()
            {
                ["Input.CurrentPassword"] = GeneratedAdminPassword(),
                ["Input.NewPassword"] = AdminPassword,
                ["Input.ConfirmPassword"] = AdminPassword,
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            _changed = true;
            return;
        }
        await HttpSignIn.SignInOkAsync(client, "admin@camtan.vn", AdminPassword);
    }
}
