namespace HocTapSuotDoi.Features.Emulation;

public sealed class CriterionLine
{
    public string Text { get; set; } = "";
}

public sealed class EmulationCriteriaForm
{
    public int ListId { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Source { get; set; } = "";
    public List<CriterionLine> Criteria { get; set; } = [];
}

public sealed class EmulationCriteriaFormValidator : AbstractValidator<EmulationCriteriaForm>
{
    public EmulationCriteriaFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên danh sách tiêu chí.")
            .MaximumLength(300).WithMessage("Tên danh sách dài quá 300 ký tự.");
        RuleFor(x => x.Source).MaximumLength(300).WithMessage("Căn cứ dài quá 300 ký tự.");
        RuleFor(x => x.Criteria).NotEmpty().WithMessage("Danh sách phải có ít nhất một tiêu chí.");
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(l => l.Text).NotEmpty().WithMessage("Nội dung tiêu chí không được để trống.")
                .MaximumLength(2000).WithMessage("Nội dung một tiêu chí dài quá 2.000 ký tự.");
        });
    }
}
