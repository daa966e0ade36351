using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Deadlines;

public sealed class FigureLine
{
    public Title Title { get; set; }
    public int Registered { get; set; }
    public int Recognised { get; set; }
}

public sealed class ReportForm
{
    public int DeadlineId { get; set; }
    public int Year { get; set; }
    public ReportSubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public int Version { get; set; }
    public List<FigureLine> Figures { get; set; } = [];
    public string Text { get; set; } = "";
    // A newly chosen file replaces the stored one; RemoveAttachment drops it.
    public string? AttachmentName { get; set; }
    public byte[]? AttachmentContent { get; set; }
    public bool RemoveAttachment { get; set; }

    public SubjectRef Subject => new(SubjectKind, SubjectId);
}

public sealed class ReportFormValidator : AbstractValidator<ReportForm>
{
    public const int MaxAttachmentBytes = 5 * 1024 * 1024;

    public ReportFormValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Hãy nhập nội dung báo cáo (kết quả, khó khăn, đề xuất).")
            .MaximumLength(20_000).WithMessage("Nội dung báo cáo dài quá 20.000 ký tự.");
        RuleForEach(x => x.Figures).ChildRules(line =>
        {
            line.RuleFor(l => l.Registered).InclusiveBetween(0, 1_000_000).WithMessage("Số đăng ký phải từ 0 trở lên.");
            line.RuleFor(l => l.Recognised).InclusiveBetween(0, 1_000_000).WithMessage("Số được công nhận phải từ 0 trở lên.")
                .LessThanOrEqualTo(l => l.Registered)
                .WithMessage(l => $"{l.Title.DisplayName()}: số được công nhận không được lớn hơn số đăng ký.");
        });
        RuleFor(x => x.AttachmentContent).Must(c => c is null || c.Length <= MaxAttachmentBytes)
            .WithMessage("Tệp đính kèm lớn quá 5 MB.");
        RuleFor(x => x.AttachmentName).MaximumLength(260).WithMessage("Tên tệp dài quá 260 ký tự.");
        RuleFor(x => x.AttachmentName).Must(StoredFiles.IsDocument).When(x => x.AttachmentContent is not null)
            .WithMessage(x => StoredFiles.NotADocument(x.AttachmentName));
    }
}
