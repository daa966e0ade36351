namespace HocTapSuotDoi.Features.Funding;

public sealed class BudgetLineForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int Year { get; set; }
    public FundingSource Source { get; set; } = FundingSource.StateBudget;
    public string Content { get; set; } = "";
    public long Estimate { get; set; }
    public long Spent { get; set; }
    public string Note { get; set; } = "";
}

public sealed class FundEntryForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public FundEntryKind Kind { get; set; } = FundEntryKind.Payment;
    public FundEntryDetails Details { get; set; } = new() { Purpose = FundPurpose.Scholarship, Source = FundingSource.Sponsorship };
    public int Year { get; set; }
    // A date picker's type; the row keeps a DateOnly.
    public DateTime? Date { get; set; }
    // The register row linked (one at most): a person, a household or a unit; its village comes from the register.
    public int? PersonId { get; set; }
    public int? HouseholdId { get; set; }
    public int? UnitId { get; set; }
    public int? VillageId { get; set; }
}

public static class FundingYears
{
    public const int First = 2023;
    public const int Last = 2030;
    public const string Message = "Năm phải trong giai đoạn 2023–2030 của Kế hoạch.";
}

public sealed class BudgetLineFormValidator : AbstractValidator<BudgetLineForm>
{
    public BudgetLineFormValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(FundingYears.First, FundingYears.Last).WithMessage(FundingYears.Message);
        RuleFor(x => x.Source).IsInEnum().WithMessage("Hãy chọn nguồn kinh phí.");
        RuleFor(x => x.Content).NotEmpty().WithMessage("Hãy ghi nội dung khoản kinh phí.")
            .MaximumLength(500).WithMessage("Nội dung dài quá 500 ký tự.");
        RuleFor(x => x.Estimate).GreaterThan(0).WithMessage("Số dự toán phải lớn hơn 0 đồng.");
        RuleFor(x => x.Spent).GreaterThanOrEqualTo(0).WithMessage("Số đã chi không được âm.");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Ghi chú dài quá 1.000 ký tự.");
    }
}

public sealed class FundEntryFormValidator : AbstractValidator<FundEntryForm>
{
    public FundEntryFormValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(FundingYears.First, FundingYears.Last).WithMessage(FundingYears.Message);
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Hãy chọn thu hay chi.");
        RuleFor(x => x.Details.Source).IsInEnum().WithMessage("Hãy chọn nguồn.");
        RuleFor(x => x.Details.Purpose).Equal(FundPurpose.Receipt).When(x => x.Kind == FundEntryKind.Receipt)
            .WithMessage("Khoản thu không có mục chi.");
        RuleFor(x => x.Details.Purpose).NotEqual(FundPurpose.Receipt).IsInEnum().When(x => x.Kind == FundEntryKind.Payment)
            .WithMessage("Hãy chọn mục chi (học bổng, khen thưởng, hỗ trợ người học, chi khác).");
        RuleFor(x => x.Date).NotNull().WithMessage("Hãy nhập ngày thu, chi.");
        RuleFor(x => x.Date).Must((f, d) => d is null || d.Value.Year == f.Year)
            .WithMessage(f => $"Ngày thu, chi phải trong năm {f.Year}.");
        RuleFor(x => x.Details.Party).NotEmpty().WithMessage(f => f.Kind == FundEntryKind.Receipt ? "Hãy ghi người, đơn vị nộp tiền." : "Hãy ghi người nhận.")
            .MaximumLength(300).WithMessage("Tên dài quá 300 ký tự.");
        RuleFor(x => x.Details.Content).NotEmpty().WithMessage("Hãy ghi nội dung thu, chi.")
            .MaximumLength(500).WithMessage("Nội dung dài quá 500 ký tự.");
        RuleFor(x => x.Details.Amount).GreaterThan(0).WithMessage("Số tiền phải lớn hơn 0 đồng.");
        RuleFor(x => x.Details.VoucherNumber).MaximumLength(50).WithMessage("Số chứng từ dài quá 50 ký tự.");
        RuleFor(x => x).Must(x => new[] { x.PersonId, x.HouseholdId, x.UnitId }.Count(id => id is not null) <= 1)
            .WithName(nameof(FundEntryForm.PersonId)).OverridePropertyName(nameof(FundEntryForm.PersonId))
            .WithMessage("Mỗi khoản thu, chi chỉ liên kết với một người, một hộ hoặc một đơn vị trong sổ theo dõi.");
    }
}
