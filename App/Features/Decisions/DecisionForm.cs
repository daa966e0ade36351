using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Decisions;

public sealed class DecisionForm
{
    public Title? Title { get; set; }
    public int Year { get; set; }
    public int? Number { get; set; }
    public string Symbol { get; set; } = DecisionDefaults.Symbol;
    public DateTime? IssuedOn { get; set; }
    public string IssuingBody { get; set; } = "";
    public string Place { get; set; } = "";
    public string SignerName { get; set; } = "";
    public string SignerPosition { get; set; } = DecisionDefaults.SignerPositions[0];
    public string Bases { get; set; } = "";
    public string Article2 { get; set; } = "";
    public string Article3 { get; set; } = "";
    public string Recipients { get; set; } = "";
    // The evaluations (in status Đã duyệt) recognised by the decision.
    public List<int> EvaluationIds { get; set; } = [];
    // Also close the reviewed evaluations of the title and year that do not meet the criteria (Không công nhận).
    public bool MarkOthersNotRecognised { get; set; }
}

public sealed class DecisionFormValidator : AbstractValidator<DecisionForm>
{
    public DecisionFormValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Title).NotNull().WithMessage("Hãy chọn danh hiệu.").IsInEnum().WithMessage("Danh hiệu không hợp lệ.");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage("Năm công nhận không hợp lệ.");
        RuleFor(x => x.Number).NotNull().WithMessage("Hãy nhập số quyết định.")
            .InclusiveBetween(1, 99999).WithMessage("Số quyết định phải từ 1 đến 99999.");
        RuleFor(x => x.Symbol).NotEmpty().WithMessage("Hãy nhập ký hiệu quyết định (ví dụ QĐ-UBND).")
            .MaximumLength(30).WithMessage("Ký hiệu dài quá 30 ký tự.")
            .Matches(@"^[\p{L}0-9.\-]+$").WithMessage("Ký hiệu chỉ gồm chữ, chữ số và dấu gạch ngang (ví dụ QĐ-UBND).");
        RuleFor(x => x.IssuedOn).NotNull().WithMessage("Hãy chọn ngày ký.")
            .Must((x, d) => d!.Value.Year >= x.Year).WithMessage(x => $"Ngày ký không được trước năm công nhận {x.Year}.")
            .Must((x, d) => d!.Value.Year <= x.Year + 1).WithMessage(x => $"Ngày ký quá xa năm công nhận {x.Year}.");
        RuleFor(x => x.IssuingBody).NotEmpty().WithMessage("Hãy nhập cơ quan ban hành.")
            .MaximumLength(200).WithMessage("Tên cơ quan ban hành dài quá 200 ký tự.");
        RuleFor(x => x.Place).NotEmpty().WithMessage("Hãy nhập địa danh ghi ở dòng ngày tháng.")
            .MaximumLength(100).WithMessage("Địa danh dài quá 100 ký tự.");
        RuleFor(x => x.SignerName).NotEmpty().WithMessage("Hãy nhập họ và tên người ký.")
            .MaximumLength(200).WithMessage("Họ và tên người ký dài quá 200 ký tự.");
        RuleFor(x => x.SignerPosition).NotEmpty().WithMessage("Hãy chọn chức vụ người ký.")
            .MaximumLength(200).WithMessage("Chức vụ người ký dài quá 200 ký tự.");
        RuleFor(x => x.Bases).Must(b => DecisionDefaults.Lines(b).Count > 0).WithMessage("Hãy nhập ít nhất một căn cứ ban hành.")
            .MaximumLength(8000).WithMessage("Phần căn cứ dài quá 8000 ký tự.");
        RuleFor(x => x.Article2).NotEmpty().WithMessage("Hãy nhập nội dung Điều 2.")
            .MaximumLength(2000).WithMessage("Điều 2 dài quá 2000 ký tự.");
        RuleFor(x => x.Article3).NotEmpty().WithMessage("Hãy nhập nội dung Điều 3.")
            .MaximumLength(2000).WithMessage("Điều 3 dài quá 2000 ký tự.");
        RuleFor(x => x.Recipients).Must(r => DecisionDefaults.Lines(r).Count > 0).WithMessage("Hãy nhập nơi nhận.")
            .MaximumLength(2000).WithMessage("Nơi nhận dài quá 2000 ký tự.");
        RuleFor(x => x.EvaluationIds).NotEmpty().WithMessage("Hãy chọn ít nhất một đối tượng được công nhận.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Một đối tượng được chọn hai lần.");
    }
}

// The usual wording of a commune's recognition decision (Nghị định 30/2020/NĐ-CP), offered on the issue page and then
// stored with the decision as typed.
public static class DecisionDefaults
{
    public const string Symbol = "QĐ-UBND";
    public const string Movement = "“Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030”";
    public static readonly IReadOnlyList<string> SignerPositions = ["CHỦ TỊCH", "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"];

    public static string IssuingBody(string commune) => $"Ủy ban nhân dân xã {commune}";

    public static string Bases(string commune, Title title, LegalBasis? criteria)
    {
        var lines = new List<string>
        {
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
            $"Căn cứ Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai Phong trào {Movement};",
        };
        if (criteria is not null)
        {
            var date = criteria.IssuedOn is { } d ? $" ngày {d:dd/MM/yyyy}" : "";
            lines.Add($"Căn cứ {DocumentKind(criteria.Number)} số {criteria.Number}{date} của {criteria.Issuer} về tiêu chí đánh giá, công nhận danh hiệu “{title.DisplayName()}”;");
        }
        lines.Add($"Căn cứ Kế hoạch của Ủy ban nhân dân xã {commune} triển khai Phong trào {Movement} trên địa bàn xã {commune};");
        lines.Add($"Xét đề nghị của Ban chỉ đạo xây dựng xã hội học tập xã {commune}.");
        return string.Join("\n", lines);
    }

    public const string Article2 = "Quyết định này có hiệu lực kể từ ngày ký.";

    public static string Article3(Title title) =>
        $"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, Ban chỉ đạo xây dựng xã hội học tập xã, Hội Khuyến học xã, " +
        $"các thôn và {Noun(title)} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.";

    public const string Recipients = "Như Điều 3;\nBan chỉ đạo xây dựng XHHT xã;\nHội Khuyến học xã;\nLưu: VT.";

    // How the list names a subject of the title: "gia đình", "dòng họ"...
    public static string Noun(Title title) => title switch
    {
        Title.FamilyLearning => "gia đình",
        Title.ClanLearning => "dòng họ",
        Title.VillageCommunity => "thôn",
        Title.UnitLearning => "đơn vị",
        Title.CitizenLearning => "công dân",
        _ => "đơn vị hành chính",
    };

    public static string NameHeader(Title title) => title switch
    {
        Title.FamilyLearning => "Họ và tên chủ hộ",
        Title.ClanLearning => "Dòng họ",
        Title.VillageCommunity => "Tên thôn",
        Title.UnitLearning => "Tên đơn vị",
        Title.CitizenLearning => "Họ và tên",
        _ => "Tên",
    };

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string DocumentKind(string number) => number switch
    {
        _ when number.Contains("/QĐ-") => "Quyết định",
        _ when number.Contains("/TT-") => "Thông tư",
        _ when number.Contains("/HD-") => "Hướng dẫn",
        _ when number.Contains("/KH-") => "Kế hoạch",
        _ => "văn bản",
    };
}
