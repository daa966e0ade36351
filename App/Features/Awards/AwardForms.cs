using HocTapSuotDoi.Features.Scoring;

namespace HocTapSuotDoi.Features.Awards;

public sealed class RoundForm
{
    public AwardRoundKind Kind { get; set; } = AwardRoundKind.Yearly;
    public int Year { get; set; }
}

public sealed class RoundFormValidator : AbstractValidator<RoundForm>
{
    public const int FirstYear = 2023;
    public const int LastYear = 2030;

    public RoundFormValidator()
    {
        RuleFor(x => x.Kind).IsInEnum().WithMessage("Hãy chọn loại đợt khen thưởng.");
        RuleFor(x => x.Year).InclusiveBetween(FirstYear, LastYear)
            .WithMessage($"Năm phải trong giai đoạn {FirstYear}–{LastYear} của Phong trào thi đua.");
        RuleFor(x => x.Year).Equal(Phases.Phase.First.To).When(x => x.Kind == AwardRoundKind.MidTermReview)
            .WithMessage($"Sơ kết giai đoạn 1 tổ chức năm {Phases.Phase.First.To}.");
        RuleFor(x => x.Year).Equal(Phases.Phase.Second.To).When(x => x.Kind == AwardRoundKind.FinalReview)
            .WithMessage($"Tổng kết giai đoạn 2023–2030 tổ chức năm {Phases.Phase.Second.To}.");
    }
}

public sealed class ProposalForm
{
    public int Id { get; set; }
    public int Version { get; set; }
    public int RoundId { get; set; }
    public SubjectKind SubjectKind { get; set; } = SubjectKind.Household;
    public int SubjectId { get; set; }
    // Shown in the form only; the service takes the name from the register.
    public string SubjectName { get; set; } = "";
    public AwardForm Form { get; set; } = AwardForm.CommuneCertificate;
    public string Achievements { get; set; } = "";
}

public sealed class ProposalFormValidator : AbstractValidator<ProposalForm>
{
    public ProposalFormValidator()
    {
        RuleFor(x => x.SubjectKind).Must(k => AwardTexts.Kinds.Contains(k)).WithMessage("Hãy chọn loại đối tượng.");
        RuleFor(x => x.SubjectId).GreaterThan(0).WithMessage("Hãy chọn đối tượng trong sổ theo dõi.");
        RuleFor(x => x.Form).IsInEnum().WithMessage("Hãy chọn hình thức khen thưởng.");
        RuleFor(x => x.Achievements).NotEmpty().WithMessage("Hãy ghi tóm tắt thành tích.")
            .MaximumLength(4000).WithMessage("Thành tích dài quá 4.000 ký tự.");
    }
}

public sealed class RoundDocumentsForm
{
    public int RoundId { get; set; }
    public int Version { get; set; }
    public int? DecisionNumber { get; set; }
    public DateTime? DecisionDate { get; set; }
    public int? SubmissionNumber { get; set; }
    public DateTime? SubmissionDate { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerPosition { get; set; } = "";
    public string CouncilMeeting { get; set; } = "";
}

public sealed class RoundDocumentsFormValidator : AbstractValidator<RoundDocumentsForm>
{
    public RoundDocumentsFormValidator()
    {
        RuleFor(x => x.DecisionNumber).InclusiveBetween(1, 99999).When(x => x.DecisionNumber is not null)
            .WithMessage("Số quyết định là số từ 1 đến 99.999.");
        RuleFor(x => x.DecisionDate).NotNull().When(x => x.DecisionNumber is not null).WithMessage("Hãy chọn ngày ký quyết định.");
        RuleFor(x => x.SubmissionNumber).InclusiveBetween(1, 99999).When(x => x.SubmissionNumber is not null)
            .WithMessage("Số tờ trình là số từ 1 đến 99.999.");
        RuleFor(x => x.SubmissionDate).NotNull().When(x => x.SubmissionNumber is not null).WithMessage("Hãy chọn ngày ký tờ trình.");
        RuleFor(x => x.SignerName).NotEmpty().WithMessage("Hãy nhập họ và tên người ký.").MaximumLength(200).WithMessage("Họ và tên dài quá 200 ký tự.");
        RuleFor(x => x.SignerPosition).NotEmpty().WithMessage("Hãy nhập chức vụ người ký (ví dụ CHỦ TỊCH).")
            .MaximumLength(200).WithMessage("Chức vụ dài quá 200 ký tự.");
        RuleFor(x => x.CouncilMeeting).MaximumLength(500).WithMessage("Biên bản họp Hội đồng dài quá 500 ký tự.");
    }
}
