using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Features.Households;

public sealed class HouseholdForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public string Code { get; set; } = "";
    public int? VillageId { get; set; }
    public string HeadName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Note { get; set; } = "";
    // Since when the household is in the commune (founded, split off, moved in): a year's figures count it from then.
    // Before: it was there before the app's register began (the usual case when a commune types in its register).
    public bool Before { get; set; }
    public DateTime? Since { get; set; }
    // The head's name as it was when the user answered "Vẫn lưu" to a household of a near-identical name in the village;
    // it confirms that name only, so a name changed afterwards is checked again.
    public string? ConfirmedSimilarName { get; set; }
}

public sealed class HouseholdFormValidator : AbstractValidator<HouseholdForm>
{
    public HouseholdFormValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var vn = new VnClock(clock);
        RuleFor(x => x.VillageId).NotNull().WithMessage("Hãy chọn thôn.");
        RuleFor(x => x.HeadName).NotEmpty().WithMessage("Hãy nhập họ và tên chủ hộ.")
            .MaximumLength(200).WithMessage("Họ và tên chủ hộ dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Họ và tên chủ hộ");
        RuleFor(x => x.Code).MaximumLength(30).WithMessage("Mã hộ dài quá 30 ký tự.")
            .Matches("^[A-Za-z0-9-]*$").WithMessage("Mã hộ chỉ gồm chữ không dấu, chữ số và dấu gạch ngang.");
        RuleFor(x => x.Address).MaximumLength(300).WithMessage("Địa chỉ dài quá 300 ký tự.");
        RuleFor(x => x.Phone).Matches(@"^(\+?[0-9][0-9 .]{7,14})?$").WithMessage("Số điện thoại không hợp lệ (8–15 chữ số).");
        RuleFor(x => x.Note).MaximumLength(1000).WithMessage("Ghi chú dài quá 1000 ký tự.");
        RuleFor(x => x.Since).Must(d => d is null || DateOnly.FromDateTime(d.Value) <= vn.Today)
            .WithMessage(_ => $"Ngày vào sổ không được sau hôm nay ({VnTime.FormatDate(vn.Today)}).")
            .Must(d => d is null || d.Value.Year >= 1945).WithMessage("Ngày vào sổ không hợp lệ.")
            .When(x => !x.Before);
    }
}

public sealed class PersonForm
{
    public int? Id { get; set; }
    public int Version { get; set; }
    public int HouseholdId { get; set; }
    public string FullName { get; set; } = "";
    public DateTime? BirthDate { get; set; }
    public int? BirthYear { get; set; }
    public Sex? Sex { get; set; }
    public Relation? Relation { get; set; }
    public EducationLevel Education { get; set; } = EducationLevel.NotEntered;
    public Literacy Literacy { get; set; }
    public string Occupation { get; set; } = "";
    public CitizenGroup TargetGroup { get; set; }
    public SchoolAttendance School { get; set; }
    public string NationalId { get; set; } = "";
}

public sealed class PersonFormValidator : AbstractValidator<PersonForm>
{
    public PersonFormValidator(TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var vn = new VnClock(clock);
        var thisYear = () => vn.Year;
        RuleFor(x => x.FullName).NotEmpty().WithMessage("Hãy nhập họ và tên.")
            .MaximumLength(200).WithMessage("Họ và tên dài quá 200 ký tự.")
            .WithoutHiddenCharacters("Họ và tên")
            .Must(n => n.Trim().Contains(' ')).WithMessage("Hãy nhập đủ họ và tên (ví dụ: Nguyễn Văn An).");
        RuleFor(x => x).Must(x => x.BirthDate is not null || x.BirthYear is not null)
            .WithName(nameof(PersonForm.BirthYear)).OverridePropertyName(nameof(PersonForm.BirthYear))
            .WithMessage("Hãy nhập ngày sinh hoặc năm sinh.");
        RuleFor(x => x.BirthYear).InclusiveBetween(1900, 2100).When(x => x.BirthYear is not null)
            .WithMessage("Năm sinh phải từ 1900 đến năm nay.")
            .Must(y => y <= thisYear()).When(x => x.BirthYear is not null).WithMessage("Năm sinh không được sau năm nay.");
        RuleFor(x => x.BirthDate).Must(d => d!.Value.Date <= vn.Now.Date).When(x => x.BirthDate is not null)
            .WithMessage("Ngày sinh không được sau hôm nay.")
            .Must((x, d) => x.BirthYear is null || x.BirthYear == d!.Value.Year).When(x => x.BirthDate is not null)
            .WithMessage("Năm sinh không khớp với ngày sinh.");
        RuleFor(x => x.Sex).NotNull().WithMessage("Hãy chọn giới tính.").NotEqual(global::HocTapSuotDoi.Features.Households.Sex.NotEntered).WithMessage("Hãy chọn giới tính.").IsInEnum().WithMessage("Giới tính không hợp lệ.");
        RuleFor(x => x.Relation).NotNull().WithMessage("Hãy chọn quan hệ với chủ hộ.").IsInEnum().WithMessage("Quan hệ với chủ hộ không hợp lệ.");
        RuleFor(x => x.Education).IsInEnum().WithMessage("Trình độ học vấn không hợp lệ.");
        RuleFor(x => x.Literacy).IsInEnum().WithMessage("Mức biết chữ không hợp lệ.");
        RuleFor(x => x.TargetGroup).IsInEnum().WithMessage("Nhóm đối tượng không hợp lệ.");
        RuleFor(x => x.School).IsInEnum().WithMessage("Tình trạng đi học không hợp lệ.")
            .Must((x, s) => s is SchoolAttendance.NotApplicable or SchoolAttendance.Completed || Age(x, thisYear()) is null or <= 25)
            .WithMessage("Chỉ ghi tình trạng đi học cho người từ 25 tuổi trở xuống.");
        RuleFor(x => x.Occupation).MaximumLength(200).WithMessage("Nghề nghiệp dài quá 200 ký tự.");
        RuleFor(x => x.NationalId).Matches(@"^([0-9]{9}|[0-9]{12})?$")
            .WithMessage("Số CCCD/CMND phải gồm 12 (hoặc 9) chữ số.");
    }

    private static int? Age(PersonForm x, int thisYear) => x.BirthDate?.Year is { } y ? thisYear - y : x.BirthYear is { } by ? thisYear - by : null;
}

public sealed class StatusForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int Status { get; set; }
    public DateTime? Date { get; set; }
}

public sealed class StatusFormValidator : AbstractValidator<StatusForm>
{
    public StatusFormValidator(TimeProvider clock)
    {
        RuleFor(x => x.Date).NotNull().WithMessage("Hãy nhập ngày thay đổi tình trạng.")
            .Must(d => d!.Value.Date <= new VnClock(clock).Now.Date).When(x => x.Date is not null)
            .WithMessage("Ngày thay đổi không được sau hôm nay.");
    }
}
