using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.YearData.PastLists;

// What the page asks before a list of a past year is read: the year, the title and the recognition decision.
public sealed class PastListForm
{
    public int Year { get; set; }
    public Title Title { get; set; } = Title.FamilyLearning;
    // "15/QĐ-UBND" or "15": the number, then the symbol if given.
    public string DecisionNumber { get; set; } = "";
    public DateTime? DecisionDate { get; set; }

    public (int Number, string? Symbol)? ParsedNumber()
    {
        var parts = DecisionNumber.Trim().Split('/', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, VnTime.Culture, out var number) || number <= 0)
        {
            return null;
        }
        return (number, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }
}

public sealed class PastListFormValidator : AbstractValidator<PastListForm>
{
    public PastListFormValidator()
    {
        RuleFor(x => x.Title).Must(t => PastListService.Titles.Contains(t)).WithMessage("Hãy chọn danh hiệu.");
        RuleFor(x => x.DecisionNumber).NotEmpty().WithMessage("Hãy ghi số quyết định công nhận.")
            .Must((form, _) => form.ParsedNumber() is not null).When(x => !string.IsNullOrWhiteSpace(x.DecisionNumber))
            .WithMessage("Số quyết định phải bắt đầu bằng một số, ví dụ 15/QĐ-UBND.");
        RuleFor(x => x.DecisionNumber).MaximumLength(40).WithMessage("Số quyết định dài quá 40 ký tự.");
        RuleFor(x => x.DecisionDate).NotNull().WithMessage("Hãy chọn ngày ký quyết định.");
        RuleFor(x => x.DecisionDate).Must((form, date) => date!.Value.Year >= form.Year && date.Value.Year <= form.Year + 1)
            .When(x => x.DecisionDate is not null)
            .WithMessage(x => $"Ngày ký quyết định phải trong năm {x.Year} hoặc năm {x.Year + 1}.");
    }
}

// A subject the file names and that is not yet recognised by the decision: it will be.
public sealed record PastListSubject(int Row, int SubjectId, int? VillageId, string Name, string Village);

// The checked file: errors row by row (nothing is written while there is one), the subjects to add, and how many
// rows are already in the decision (a file imported again changes nothing).
public sealed class PastListPreview
{
    public required int Year { get; init; }
    public required Title Title { get; init; }
    public required int Number { get; init; }
    public required string Symbol { get; init; }
    public required DateOnly IssuedOn { get; init; }
    public required string FileName { get; init; }
    public List<string> Errors { get; } = [];
    public List<PastListSubject> New { get; } = [];
    public int Unchanged { get; set; }
    // Set when the year has figures entered from its reports: once the year has records, they replace those figures.
    public string? Notice { get; set; }
    public bool Written { get; set; }
    public bool CanWrite => Errors.Count == 0;
    public string FullNumber => $"{Number}/{Symbol}";
}
