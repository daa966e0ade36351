using System.Net;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Security;

// Careful-attacker and clumsy-user requests answer a Vietnamese 400/403/404, never a 500 or an empty page.
public sealed class RefusalAnswerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/ho-gia-dinh/khong-co/trang-nay")]
    public async Task An_unknown_address_shows_a_Vietnamese_not_found_page(string url)
    {
        using var client = await app.SignedInClientAsync("xem@camtan.vn");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.TextAsync());

        using var anonymous = app.CreateBrowserlikeClient();
        var signedOut = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, signedOut.StatusCode);
        Assert.Contains("Không tìm thấy trang", await signedOut.TextAsync());
    }

    [Theory]
    [InlineData("/bao-cao/tep/987654", HttpStatusCode.Forbidden, "Không tìm thấy")]
    [InlineData("/bao-cao-nam/ban-da-phat-hanh/987654/docx", HttpStatusCode.Forbidden, "Không tìm thấy bản báo cáo này.")]
    [InlineData("/bao-cao-nam/ban-da-phat-hanh/987654/xlsx", HttpStatusCode.Forbidden, "Không tìm thấy bản báo cáo này.")]
    [InlineData("/bao-cao-nam/0/docx", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    [InlineData("/bao-cao-nam/99999/xlsx", HttpStatusCode.NotFound, "Không tìm thấy trang")]
    public async Task Missing_or_out_of_scope_files_answer_a_Vietnamese_refusal_not_a_server_error(string url, HttpStatusCode status, string text)
    {
        using var client = await app.SignedInClientAsync("bcd@camtan.vn");
        var response = await client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(text, await response.TextAsync());
    }

    [Fact]
    public async Task A_return_address_with_Vietnamese_letters_is_followed_percent_encoded()
    {
        using var client = app.CreateBrowserlikeClient();
        var response = await HttpSignIn.PostFormAsync(client, "/dang-nhap?ReturnUrl=%2Fh%E1%BB%99-gia-%C4%91%C3%ACnh%3Ftim%3D%C4%90%E1%BB%97", "login", new()
        {
            ["Input.Email"] = "xem@camtan.vn",
            ["Input.Password"] = AppFactory.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/h%E1%BB%99-gia-%C4%91%C3%ACnh?tim=%C4%90%E1%BB%97", response.LocationPath());
    }

    [Fact]
    public async Task Signing_out_needs_the_forms_antiforgery_token()
    {
        using var client = await app.SignedInClientAsync("canbo@camtan.vn");
        var forged = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Yêu cầu đăng xuất không hợp lệ", await forged.TextAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var token = await HttpSignIn.TokenAsync(client, "/doi-mat-khau");
        var signOut = await client.PostAsync("/dang-xuat", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/dang-nhap", signOut.LocationPath());
        Assert.StartsWith("/dang-nhap", (await client.GetAsync("/")).LocationPath());
    }

    [Fact]
    public async Task An_e_mail_without_an_account_gets_the_same_answers_as_an_account_up_to_the_lock_out()
    {
        async Task<List<string>> FiveWrongAsync(string email)
        {
            using var client = app.CreateBrowserlikeClient();
            var messages = new List<string>();
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                var html = await (await HttpSignIn.SignInAsync(client, email, $"sai-mat-khau-{attempt}")).TextAsync();
                messages.Add(html.Contains("Tài khoản tạm thời bị khóa") ? "khóa"
                    : html.Contains("Còn 2 lần thử") ? "còn 2" : html.Contains("Còn 1 lần thử") ? "còn 1"
                    : html.Contains("E-mail hoặc mật khẩu không đúng.") ? "sai" : html);
            }
            return messages;
        }

        var unknown = await FiveWrongAsync("khong-co-ai@camtan.vn");
        Assert.Equal(["sai", "sai", "còn 2", "còn 1", "khóa"], unknown);
        Assert.Equal(unknown, await FiveWrongAsync("donvi@camtan.vn"));
    }
}
