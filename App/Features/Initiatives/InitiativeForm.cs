namespace HocTapSuotDoi.Features.Initiatives;

public sealed class InitiativeForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public InitiativeContent Content { get; set; } = new() { Kind = InitiativeKind.Initiative, AuthorKind = InitiativeAuthorKind.Person };
    public int? VillageId { get; set; }
    public int? UnitId { get; set; }
    public int Year { get; set; }
    public InitiativeStatus Status { get; set; } = InitiativeStatus.Proposed;
    // A date picker's type; the row keeps a DateOnly.
    public DateTime? DecisionDate { get; set; }
}

public sealed class InitiativeFormValidator : AbstractValidator<InitiativeForm>
{
    public const int FirstYear = 2023;
    public const int LastYear = 2030;

    public InitiativeFormValidator()
    {
        RuleFor(x => x.Content.Title).NotEmpty().WithMessage("Hãy nhập tên sáng kiến, mô hình.")
            .MaximumLength(500).WithMessage("Tên dài quá 500 ký tự.");
        RuleFor(x => x.Content.AuthorName).NotEmpty().WithMessage("Hãy nhập tác giả (cá nhân, hộ, đơn vị hoặc thôn).")
            .MaximumLength(300).WithMessage("Tên tác giả dài quá 300 ký tự.");
        RuleFor(x => x.Year).InclusiveBetween(FirstYear, LastYear)
            .WithMessage($"Năm phải trong giai đoạn {FirstYear}–{LastYear} của Phong trào thi đua.");
        RuleFor(x => x.Content.Kind).IsInEnum().WithMessage("Hãy chọn loại.");
        RuleFor(x => x.Content.AuthorKind).IsInEnum().WithMessage("Hãy chọn loại tác giả.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Hãy chọn trạng thái.");
        RuleFor(x => x.Content.Description).MaximumLength(8000).WithMessage("Mô tả dài quá 8.000 ký tự.");
        RuleFor(x => x.Content.ApplicationScope).MaximumLength(1000).WithMessage("Phạm vi áp dụng dài quá 1.000 ký tự.");
        RuleFor(x => x.Content.Evidence).MaximumLength(4000).WithMessage("Minh chứng dài quá 4.000 ký tự.");
        RuleFor(x => x.Content.DecisionNumber).MaximumLength(100).WithMessage("Số quyết định dài quá 100 ký tự.");
        When(x => x.Status == InitiativeStatus.Recognised, () =>
        {
            RuleFor(x => x.Content.DecisionNumber).NotEmpty().WithMessage("Sáng kiến được công nhận phải có số quyết định công nhận.");
            RuleFor(x => x.DecisionDate).NotNull().WithMessage("Sáng kiến được công nhận phải có ngày quyết định.");
            RuleFor(x => x.DecisionDate).Must((f, d) => d is null || d.Value.Year >= f.Year)
                .WithMessage("Ngày quyết định không được trước năm của sáng kiến.");
        });
    }
}
