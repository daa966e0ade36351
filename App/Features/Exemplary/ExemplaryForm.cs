namespace HocTapSuotDoi.Features.Exemplary;

public sealed class ExemplaryForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public StoryContent Content { get; set; } = new() { Kind = ExemplaryKind.Person };
    public int Year { get; set; }
    public int? VillageId { get; set; }
    // The register row the story is about, of its kind: the person, household, clan or unit.
    public int? RegisterRowId { get; set; }
}

public sealed class ExemplaryFormValidator : AbstractValidator<ExemplaryForm>
{
    public ExemplaryFormValidator()
    {
        RuleFor(x => x.Content.Kind).IsInEnum().WithMessage("Hãy chọn loại gương điển hình.");
        RuleFor(x => x.Content.Name).NotEmpty().WithMessage("Hãy ghi tên cá nhân, hộ, dòng họ hoặc đơn vị.")
            .MaximumLength(300).WithMessage("Tên dài quá 300 ký tự.");
        RuleFor(x => x.Content.Title).NotEmpty().WithMessage("Hãy ghi thành tích tiêu biểu.")
            .MaximumLength(500).WithMessage("Thành tích dài quá 500 ký tự.");
        RuleFor(x => x.Content.Story).MaximumLength(8000).WithMessage("Câu chuyện dài quá 8.000 ký tự.");
        RuleFor(x => x.Year).InclusiveBetween(2023, 2030).WithMessage("Năm phải trong giai đoạn 2023–2030 của Kế hoạch.");
        RuleFor(x => x.RegisterRowId).NotNull().When(x => x.Content.Kind == ExemplaryKind.Clan).WithMessage("Hãy chọn dòng họ trong sổ theo dõi.");
        RuleFor(x => x.RegisterRowId).NotNull().When(x => x.Content.Kind == ExemplaryKind.Unit).WithMessage("Hãy chọn cơ quan, đơn vị trong sổ theo dõi.");
    }
}
