using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring;

public enum BulkReviewAction
{
    // Đã chấm → Đã duyệt.
    Approve = 1,
    // Đã chấm → Nháp, back to the scorer.
    Return = 2,
}

// The committee's bulk review: which submitted sheets (title, year, village, meeting the criteria or not), what to do,
// and one reason written on every sheet's history.
public sealed class BulkReviewForm
{
    public Title Title { get; set; } = Title.FamilyLearning;
    public int Year { get; set; }
    public int? VillageId { get; set; }
    public bool MeetsCriteria { get; set; } = true;
    public BulkReviewAction Action { get; set; } = BulkReviewAction.Approve;
    public string Reason { get; set; } = "";
}

public sealed class BulkReviewFormValidator : AbstractValidator<BulkReviewForm>
{
    public BulkReviewFormValidator()
    {
        RuleFor(x => x.Title).IsInEnum().WithMessage("Hãy chọn danh hiệu.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm phải từ 2000 đến 2100.");
        RuleFor(x => x.Action).IsInEnum().WithMessage("Hãy chọn duyệt hoặc trả lại.");
        RuleFor(x => x.MeetsCriteria).Equal(true).When(x => x.Action == BulkReviewAction.Approve)
            .WithMessage("Chỉ duyệt hàng loạt các hồ sơ đạt tiêu chí; hồ sơ chưa đạt hãy xem từng hồ sơ hoặc trả lại.");
        RuleFor(x => x.Reason).NotEmpty().When(x => x.Action == BulkReviewAction.Return).WithMessage("Hãy ghi lý do trả lại hồ sơ.")
            .MaximumLength(1000).WithMessage("Lý do dài quá 1000 ký tự.");
    }
}
