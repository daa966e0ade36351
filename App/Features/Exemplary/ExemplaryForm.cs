namespace HocTapSuotDoi.Features.Exemplary;

public sealed class ExemplaryForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public ExemplaryKind Kind { get; set; } = ExemplaryKind.Person;
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public string Story { get; set; } = "";
    public int? VillageId { get; set; }
    public int? PersonId { get; set; }
    public int? HouseholdId { get; set; }
    public int? ClanId { get; set; }
    public int? UnitId { get; set; }
}

public sealed class ExemplaryFormValidator : AbstractValidator<ExemplaryForm>
{
    public ExemplaryFormValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Hãy chọn loại gương điển hình.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy ghi tên cá nhân, hộ, dòng họ hoặc đơn vị.")
            .MaximumLength(300).WithMessage("Tên dài quá 300 ký tự.");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Hãy ghi thành tích tiêu biểu.")
            .MaximumLength(500).WithMessage("Thành tích dài quá 500 ký tự.");
        RuleFor(x => x.Story).MaximumLength(8000).WithMessage("Câu chuyện dài quá 8.000 ký tự.");
        RuleFor(x => x.Year).InclusiveBetween(2023, 2030).WithMessage("Năm phải trong giai đoạn 2023–2030 của Kế hoạch.");
        RuleFor(x => x.ClanId).NotNull().When(x => x.Kind == ExemplaryKind.Clan).WithMessage("Hãy chọn dòng họ trong sổ theo dõi.");
        RuleFor(x => x.UnitId).NotNull().When(x => x.Kind == ExemplaryKind.Unit).WithMessage("Hãy chọn cơ quan, đơn vị trong sổ theo dõi.");
    }
}
