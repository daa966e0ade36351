namespace HocTapSuotDoi.Features.Deadlines;

public sealed class DeadlineForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public bool ForUnits { get; set; } = true;
    public bool ForVillages { get; set; } = true;
    public bool ForCommittee { get; set; }
    public int DueDay { get; set; } = 30;
    public int DueMonth { get; set; } = 11;
    public string ReminderOffsets { get; set; } = "14, 7, 3, 1, 0";
    public int OverdueEveryDays { get; set; } = 3;
    public int OverdueMaxCount { get; set; } = 5;
    public bool EscalateToCommittee { get; set; } = true;
    public string EscalationEmails { get; set; } = "";
    public bool Active { get; set; } = true;

    public DeadlineAudience Audience =>
        (ForUnits ? DeadlineAudience.Units : 0) | (ForVillages ? DeadlineAudience.Villages : 0) | (ForCommittee ? DeadlineAudience.Committee : 0);
}

public sealed class DeadlineFormValidator : AbstractValidator<DeadlineForm>
{
    public DeadlineFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Name).NotEmpty().WithMessage("Hãy nhập tên hạn báo cáo.").MaximumLength(300).WithMessage("Tên dài quá 300 ký tự.");
        RuleFor(x => x.ForUnits).Must((form, _) => form.Audience != 0)
            .WithMessage("Hãy chọn ai phải nộp: các đơn vị, các thôn hoặc Ban chỉ đạo.");
        RuleFor(x => x.DueMonth).InclusiveBetween(1, 12).WithMessage("Tháng của hạn nộp phải từ 1 đến 12.");
        RuleFor(x => x.DueDay).InclusiveBetween(1, 31).WithMessage("Ngày của hạn nộp phải từ 1 đến 31.")
            .Must((form, day) => form.DueMonth is < 1 or > 12 || DeadlineDates.IsValidDayMonth(day, form.DueMonth))
            .WithMessage(form => $"Ngày {form.DueDay:00}/{form.DueMonth:00} không có trong năm.");
        RuleFor(x => x.ReminderOffsets).Must(t => DeadlineDates.ParseOffsets(t) is not null)
            .WithMessage("Số ngày nhắc trước hạn phải là các số nguyên, cách nhau bằng dấu phẩy (ví dụ: 14, 7, 3, 1, 0).")
            .Must(t => DeadlineDates.ParseOffsets(t)!.All(o => o >= 0))
            .WithMessage("Số ngày nhắc trước hạn không được âm (0 là nhắc đúng ngày hạn).")
            .Must(t => DeadlineDates.ParseOffsets(t)!.All(o => o <= 180))
            .WithMessage("Chỉ nhắc sớm nhất 180 ngày trước hạn.");
        RuleFor(x => x.OverdueEveryDays).InclusiveBetween(1, 60).WithMessage("Nhắc quá hạn cách nhau từ 1 đến 60 ngày.");
        RuleFor(x => x.OverdueMaxCount).InclusiveBetween(0, 20).WithMessage("Số lần nhắc quá hạn phải từ 0 đến 20.");
        RuleFor(x => x.EscalationEmails)
            .Must(text => DeadlineDates.ParseEmails(text).All(e => System.Net.Mail.MailAddress.TryCreate(e, out var address) && address.Address == e && e.Contains('.')))
            .WithMessage("Danh sách e-mail nhận báo cáo quá hạn có địa chỉ không hợp lệ (các địa chỉ cách nhau bằng dấu phẩy).")
            .MaximumLength(2000).WithMessage("Danh sách e-mail dài quá 2000 ký tự.");
    }
}

public sealed class ExceptionForm
{
    public int DeadlineId { get; set; }
    public int Year { get; set; }
    public ReportSubjectKind SubjectKind { get; set; }
    public int SubjectId { get; set; }
    public DateTime? AllowedUntil { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class ExceptionFormValidator : AbstractValidator<ExceptionForm>
{
    public ExceptionFormValidator()
    {
        RuleFor(x => x.AllowedUntil).NotNull().WithMessage("Hãy chọn ngày cuối cùng được nộp muộn.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Hãy ghi lý do cho phép nộp muộn.")
            .MaximumLength(1000).WithMessage("Lý do dài quá 1000 ký tự.");
    }
}
