using Microsoft.AspNetCore.Identity;

namespace HocTapSuotDoi.Features.Account;

public sealed record SignInOutcome(bool Succeeded, bool MustChangePassword, string? Message);

// Sign-in and password change run inside an HTTP request (plain server-rendered forms): the cookie is set there.
public sealed class AccountService(SignInManager<AppUser> signIn, UserManager<AppUser> users, UnknownAccountSignIns unknown, TimeProvider clock)
{
    public const string WrongCredentials = "E-mail hoặc mật khẩu không đúng.";

    public async Task<SignInOutcome> SignInAsync(LoginForm form)
    {
        var user = await users.FindByEmailAsync(form.Email.Trim());
        var lockout = users.Options.Lockout;
        if (user is null)
        {
            // The same answers as for an account: the warning, then the lock-out (on the system clock, as Identity's).
            var (failed, lockedUntil) = unknown.Fail(form.Email, lockout.MaxFailedAccessAttempts, lockout.DefaultLockoutTimeSpan, DateTimeOffset.UtcNow);
            return new(false, false, lockedUntil is { } end ? LockedOutMessage(end) : WrongCredentials + Warning(lockout.MaxFailedAccessAttempts - failed));
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            return new(true, user.MustChangePassword, null);
        }
        if (result.IsLockedOut)
        {
            return new(false, false, await LockedOutMessageAsync(user));
        }

        var left = lockout.MaxFailedAccessAttempts - await users.GetAccessFailedCountAsync(user);
        return new(false, false, WrongCredentials + Warning(left));
    }

    private static string Warning(int left) => left is > 0 and <= 2 ? $" Còn {left} lần thử, sau đó tài khoản bị tạm khóa 15 phút." : "";

    private async Task<string> LockedOutMessageAsync(AppUser user)
    {
        var end = await users.GetLockoutEndDateAsync(user);
        if (end is null || end.Value.Year > 9000)
        {
            return "Tài khoản của bạn đã bị quản trị viên khóa. Hãy liên hệ quản trị viên của xã.";
        }
        return LockedOutMessage(end.Value);
    }

    // Identity sets the lockout end from the system clock (UserManager takes no TimeProvider): count on that clock.
    private static string LockedOutMessage(DateTimeOffset end)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((end - DateTimeOffset.UtcNow).TotalMinutes));
        return $"Tài khoản tạm thời bị khóa do nhập sai mật khẩu quá 5 lần. Hãy thử lại sau {minutes} phút " +
               $"(từ {VnTime.ToLocal(end.UtcDateTime):HH:mm}).";
    }

    public async Task<IReadOnlyList<string>> ChangePasswordAsync(System.Security.Claims.ClaimsPrincipal principal, ChangePasswordForm form)
    {
        var validation = await new ChangePasswordFormValidator().ValidateAsync(form);
        if (!validation.IsValid)
        {
            return validation.Errors.Select(e => e.ErrorMessage).ToList();
        }
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return ["Tài khoản không còn tồn tại."];
        }
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.Select(e => e.Description).ToList();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return [];
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}
