using System.Net;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Features.Account;

public sealed class SignInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Wrong_password_shows_a_Vietnamese_error_and_no_cookie()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await HttpSignIn.SignInAsync(client, "xem@camtan.vn", "sai-mat-khau-123");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail hoặc mật khẩu không đúng.", await response.TextAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Empty_form_names_each_missing_field()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await HttpSignIn.SignInAsync(client, "", "");
        var html = await response.TextAsync();
        Assert.Contains("Hãy nhập e-mail.", html);
        Assert.Contains("Hãy nhập mật khẩu.", html);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_15_minutes_even_for_the_right_password()
    {
        using var client = app.CreateBrowserlikeClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await HttpSignIn.SignInAsync(client, "donvi@camtan.vn", $"sai-mat-khau-{attempt}");
        }
        var sixth = await HttpSignIn.SignInAsync(client, "donvi@camtan.vn", AppFactory.DemoPassword);
        var html = await sixth.TextAsync();
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Tài khoản tạm thời bị khóa do nhập sai mật khẩu quá 5 lần", html);
        Assert.Contains("15 phút", html);
    }

    [Fact]
    public async Task Generated_password_must_be_changed_before_anything_else()
    {
        using var client = app.CreateBrowserlikeClient();
        var signIn = await HttpSignIn.SignInAsync(client, "admin@camtan.vn", app.GeneratedAdminPassword());
        Assert.Equal("/doi-mat-khau", signIn.LocationPath());

        var home = await client.GetAsync("/");
        Assert.Equal("/doi-mat-khau", home.LocationPath());
        var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        // A path with a dot is no way around it: no backup, no document, before the password is changed.
        foreach (var download in new[] { "/quan-tri/sao-luu/tai/hoctap-20261201-0200.db", "/quyet-dinh/de-nghi.docx?title=FamilyLearning&year=2026", "/xuat/ho-gia-dinh.xlsx" })
        {
            var response = await client.GetAsync(download);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.LocationPath() == "/doi-mat-khau", $"{download}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/assets/logo.svg")).StatusCode);

        var weak = await HttpSignIn.PostFormAsync(client, "/doi-mat-khau", "change-password", new()
        {
            ["Input.CurrentPassword"] = app.GeneratedAdminPassword(),
            ["Input.NewPassword"] = "ngan",
            ["Input.ConfirmPassword"] = "khac",
        });
        var weakHtml = await weak.TextAsync();
        Assert.Contains("Mật khẩu mới phải có ít nhất 10 ký tự.", weakHtml);
        Assert.Contains("Mật khẩu nhập lại không khớp.", weakHtml);
    }

    [Fact]
    public async Task Return_url_to_another_site_is_ignored()
    {
        using var client = app.CreateBrowserlikeClient();
        var page = await client.GetStringAsync("/dang-nhap");
        Assert.Contains("Đăng nhập", page);
        var response = await HttpSignIn.PostFormAsync(client, "/dang-nhap?ReturnUrl=%2F%2Fevil.example", "login", new()
        {
            ["Input.Email"] = "bcd@camtan.vn",
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        Assert.Equal("/", response.LocationPath());
    }
}
