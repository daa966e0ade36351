namespace HocTapSuotDoi.Features.PlanTasks;

public sealed class PlanTaskForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Owner { get; set; } = "";
    public DateTime? DueDate { get; set; }
    public PlanTaskStatus Status { get; set; }
    public string ProgressNotes { get; set; } = "";
    // The account reminded when the task is overdue; none: the committee's accounts.
    public string? OwnerUserId { get; set; }
}

public sealed class PlanTaskFormValidator : AbstractValidator<PlanTaskForm>
{
    public PlanTaskFormValidator()
    {
        RuleFor(x => x.Owner).NotEmpty().WithMessage("Hãy ghi người hoặc bộ phận phụ trách.")
            .MaximumLength(300).WithMessage("Tên người phụ trách dài quá 300 ký tự.");
        RuleFor(x => x.Status).IsInEnum().WithMessage("Hãy chọn trạng thái.");
        RuleFor(x => x.ProgressNotes).MaximumLength(8000).WithMessage("Ghi chú tiến độ dài quá 8.000 ký tự.");
        RuleFor(x => x.DueDate).Must(d => d is null || (d.Value.Year >= 2023 && d.Value.Year <= 2030))
            .WithMessage("Hạn hoàn thành phải trong giai đoạn 2023–2030 của Kế hoạch.");
    }
}
