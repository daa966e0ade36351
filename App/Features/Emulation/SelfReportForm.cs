namespace HocTapSuotDoi.Features.Emulation;

public sealed class SelfReportLineForm
{
    public int CriterionId { get; set; }
    public int Position { get; set; }
    public string CriterionText { get; set; } = "";
    public CriterionOutcome? Outcome { get; set; }
    public string Evidence { get; set; } = "";
    public string Note { get; set; } = "";
}

public sealed class SelfReportForm
{
    public int UnitReportId { get; set; }
    public int CriteriaListId { get; set; }
    public int Version { get; set; }
    // Submitting asks more than saving a draft: every criterion judged, and evidence for what is claimed.
    public bool Submit { get; set; }
    public List<SelfReportLineForm> Lines { get; set; } = [];
}

public sealed class SelfReportFormValidator : AbstractValidator<SelfReportForm>
{
    public SelfReportFormValidator()
    {
        RuleFor(x => x.Lines).NotEmpty().WithMessage("Danh sách tiêu chí trống: hãy báo quản trị viên.");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Evidence).MaximumLength(4000).WithMessage(l => $"Tiêu chí {l.Position}: minh chứng dài quá 4.000 ký tự.");
            line.RuleFor(l => l.Note).MaximumLength(1000).WithMessage(l => $"Tiêu chí {l.Position}: ghi chú dài quá 1.000 ký tự.");
        });
        When(x => x.Submit, () => RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Outcome).NotNull()
                .WithMessage(l => $"Tiêu chí {l.Position}: hãy chọn Đạt, Đạt một phần hoặc Chưa đạt.");
            line.RuleFor(l => l.Evidence).NotEmpty().When(l => l.Outcome is CriterionOutcome.Met or CriterionOutcome.Partly)
                .WithMessage(l => $"Tiêu chí {l.Position}: hãy ghi minh chứng cho kết quả đã tự đánh giá.");
        }));
    }
}
