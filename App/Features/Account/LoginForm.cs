namespace HocTapSuotDoi.Features.Account;

public sealed class LoginForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public bool RememberMe { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Hãy nhập e-mail.")
            .EmailAddress().WithMessage("E-mail không đúng định dạng.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Hãy nhập mật khẩu.");
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Hãy nhập mật khẩu hiện tại.");
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Hãy nhập mật khẩu mới.")
            .MinimumLength(10).WithMessage("Mật khẩu mới phải có ít nhất 10 ký tự.")
            .NotEqual(x => x.CurrentPassword).WithMessage("Mật khẩu mới phải khác mật khẩu hiện tại.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("Mật khẩu nhập lại không khớp.");
    }
}
