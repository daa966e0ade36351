namespace HocTapSuotDoi.Features.Users;

public sealed class UserForm
{
    public string? Id { get; set; }
    public string Email { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Role { get; set; } = Roles.Scorer;
    public ScopeKind ScopeKind { get; set; } = ScopeKind.Villages;
    public IReadOnlyCollection<int> VillageIds { get; set; } = [];
    public int? UnitId { get; set; }
    // The Kế toán permission (decision 018): may change money records, whatever the role.
    public bool IsAccountant { get; set; }
    public bool GeneratePassword { get; set; } = true;
    public string? Password { get; set; }
    public string? ConcurrencyStamp { get; set; }

    public bool IsNew => Id is null;
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Hãy nhập e-mail.")
            .EmailAddress().WithMessage("E-mail không đúng định dạng.")
            .MaximumLength(256).WithMessage("E-mail dài quá 256 ký tự.");
        RuleFor(x => x.FullName).NotEmpty().WithMessage("Hãy nhập họ và tên.")
            .MaximumLength(200).WithMessage("Họ và tên dài quá 200 ký tự.");
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage("Hãy chọn vai trò.");
        // Separate rules: a When in one chain would also guard the rules before it.
        RuleFor(x => x.ScopeKind).IsInEnum().WithMessage("Hãy chọn phạm vi.");
        RuleFor(x => x.ScopeKind).Equal(ScopeKind.Commune).When(x => x.Role is Roles.Administrator or Roles.Committee)
            .WithMessage("Quản trị và Ban chỉ đạo làm việc trên toàn xã: phạm vi phải là \"Toàn xã\".");
        RuleFor(x => x.ScopeKind).Equal(ScopeKind.Unit).When(x => x.Role == Roles.UnitReporter)
            .WithMessage("Người báo cáo của đơn vị phải có phạm vi là một đơn vị.");
        RuleFor(x => x.VillageIds).NotEmpty().When(x => x.ScopeKind == ScopeKind.Villages)
            .WithMessage("Hãy chọn ít nhất một thôn.");
        RuleFor(x => x.UnitId).NotNull().When(x => x.ScopeKind == ScopeKind.Unit)
            .WithMessage("Hãy chọn đơn vị.");
        RuleFor(x => x.Password).NotEmpty().When(x => x.IsNew && !x.GeneratePassword)
            .WithMessage("Hãy nhập mật khẩu, hoặc chọn để hệ thống tự tạo.")
            .MinimumLength(10).When(x => x.IsNew && !x.GeneratePassword)
            .WithMessage("Mật khẩu phải có ít nhất 10 ký tự.");
    }
}
