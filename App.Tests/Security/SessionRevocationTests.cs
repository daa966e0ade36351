using System.Net;
using HocTapSuotDoi.Tests.TestSupport;

namespace HocTapSuotDoi.Tests.Security;

// A password change ends the user's other sessions at their very next request (the security stamp is checked each time).
public sealed class SessionRevocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Changing_the_password_in_one_browser_signs_the_other_one_out_at_its_next_request()
    {
        using var phone = app.CreateBrowserlikeClient();
        using var office = app.CreateBrowserlikeClient();
        await HttpSignIn.SignInOkAsync(phone, "xem@camtan.vn", AppFactory.DemoPassword);
        await HttpSignIn.SignInOkAsync(office, "xem@camtan.vn", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);

        var change = await HttpSignIn.PostFormAsync(office, "/doi-mat-khau", "change-password", new()
        {
            ["Input.CurrentPassword"] = AppFactory.DemoPassword,
            ["Input.NewPassword"] = "Mat-khau-moi-2026",
            ["Input.ConfirmPassword"] = "Mat-khau-moi-2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/")).StatusCode);
        var stale = await phone.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/dang-nhap", stale.LocationPath());
    }
}
