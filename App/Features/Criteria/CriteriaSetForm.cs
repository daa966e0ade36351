using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Criteria;

// The editable shape of a criteria set for the editor: plain mutable lists, turned into the engine's immutable
// definition to validate and save.
public sealed class CriteriaSetForm
{
    public Title Title { get; set; }
    public string Name { get; set; } = "";
    public string LegalNumber { get; set; } = "";
    public string LegalIssuer { get; set; } = "";
    public DateTime? LegalIssuedOn { get; set; }
    public DateTime? LegalEffectiveOn { get; set; }
    public int FromYear { get; set; }
    public int? ToYear { get; set; }
    public bool Checked { get; set; }
    public string Note { get; set; } = "";
    public ScoringMode Mode { get; set; }
    public decimal? DeclaredTotal { get; set; }
    public List<TargetGroupForm> TargetGroups { get; set; } = [];
    public List<GroupForm> Groups { get; set; } = [];
    public decimal? TotalThreshold { get; set; }
    public bool EnforceGroupMinimums { get; set; } = true;
    public bool EnforceHardConditions { get; set; } = true;
    public int? MinimumLevel { get; set; }
    public List<BandForm> Bands { get; set; } = [];

    public static CriteriaSetForm From(CriteriaSetDefinition d) => new()
    {
        Title = d.Title, Name = d.Name, LegalNumber = d.LegalBasis.Number, LegalIssuer = d.LegalBasis.Issuer,
        LegalIssuedOn = d.LegalBasis.IssuedOn?.ToDateTime(TimeOnly.MinValue), LegalEffectiveOn = d.LegalBasis.EffectiveOn?.ToDateTime(TimeOnly.MinValue), FromYear = d.FromYear, ToYear = d.ToYear,
        Checked = d.Checked, Note = d.Note ?? "", Mode = d.Mode, DeclaredTotal = d.DeclaredTotal?.Value,
        TargetGroups = d.TargetGroups.Select(t => new TargetGroupForm { Code = t.Code, Name = t.Name }).ToList(),
        Groups = d.Groups.Select(g => new GroupForm
        {
            Code = g.Code, Name = g.Name, Max = g.Max.Value, Minimum = g.Minimum?.Value,
            Items = g.Items.Select(i => new ItemForm
            {
                Code = i.Code, Text = i.Text, Guidance = i.Guidance ?? "", Kind = i.Kind, Max = i.Max.Value, Step = i.Step?.Value,
                IsHardCondition = i.IsHardCondition, TargetGroupCodes = string.Join(", ", i.TargetGroupCodes), Level = i.Level, Unchecked = i.Unchecked,
                InputKey = i.Computed?.InputKey, MetAtPercent = i.Computed?.MetAtPercent,
                RateBands = string.Join("; ", i.Computed?.Bands.Select(b => $"{b.MinPercent.ToString(CultureInfo.InvariantCulture)}:{b.Points.ToInvariantString()}") ?? []),
            }).ToList(),
        }).ToList(),
        TotalThreshold = d.Rules.TotalThreshold?.Value, EnforceGroupMinimums = d.Rules.EnforceGroupMinimums,
        EnforceHardConditions = d.Rules.EnforceHardConditions, MinimumLevel = d.Rules.MinimumLevel,
        Bands = d.Rules.RatingBands.Select(b => new BandForm { Name = b.Name, Minimum = b.Minimum.Value, Recognised = b.Recognised }).ToList(),
    };

    // The definition, or the list of what cannot even be read (a point with two decimals, a malformed band).
    public (CriteriaSetDefinition? Definition, IReadOnlyList<string> Problems) ToDefinition()
    {
        var problems = new List<string>();
        Points P(decimal value, string where)
        {
            try
            {
                return Points.FromDecimal(value);
            }
            catch (ArgumentException)
            {
                problems.Add($"{where}: điểm {value.ToString(CultureInfo.GetCultureInfo("vi-VN"))} chỉ được có một chữ số thập phân.");
                return Points.Zero;
            }
        }

        var groups = Groups.Select(g => new CriteriaGroup
        {
            Code = g.Code.Trim(), Name = g.Name.Trim(), Max = P(g.Max, $"Nhóm {g.Code}"),
            Minimum = g.Minimum is { } min ? P(min, $"Nhóm {g.Code}") : null,
            Items = ValueList.Create(g.Items.Select(i => new CriteriaItem
            {
                Code = i.Code.Trim(), Text = i.Text.Trim(), Guidance = string.IsNullOrWhiteSpace(i.Guidance) ? null : i.Guidance.Trim(),
                Kind = i.Kind, Max = P(i.Max, $"Tiêu chí {i.Code}"), Step = i.Step is { } s ? P(s, $"Tiêu chí {i.Code}") : null,
                IsHardCondition = i.IsHardCondition, Level = i.Level, Unchecked = i.Unchecked,
                TargetGroupCodes = ValueList.Create(i.TargetGroupCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).AsSpan()),
                Computed = i.Kind == ItemKind.Computed
                    ? new ComputedRule { InputKey = i.InputKey ?? "", MetAtPercent = i.MetAtPercent, Bands = ValueList.Create(ParseBands(i, problems, P).AsSpan()) }
                    : null,
            }).ToArray().AsSpan()),
        }).ToArray();

        var definition = new CriteriaSetDefinition
        {
            Title = Title, Name = Name.Trim(),
            LegalBasis = new LegalBasis(LegalNumber.Trim(), LegalIssuer.Trim(), LegalIssuedOn is { } on ? DateOnly.FromDateTime(on) : null,
                LegalEffectiveOn is { } effective ? DateOnly.FromDateTime(effective) : null),
            FromYear = FromYear, ToYear = ToYear, Checked = Checked, Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), Mode = Mode,
            DeclaredTotal = DeclaredTotal is { } declared ? P(declared, "Tổng điểm") : null,
            TargetGroups = ValueList.Create(TargetGroups.Select(t => new TargetGroup(t.Code.Trim(), t.Name.Trim())).ToArray().AsSpan()),
            Groups = ValueList.Create(groups.AsSpan()),
            Rules = new RecognitionRules
            {
                TotalThreshold = TotalThreshold is { } t ? P(t, "Ngưỡng công nhận") : null,
                EnforceGroupMinimums = EnforceGroupMinimums, EnforceHardConditions = EnforceHardConditions, MinimumLevel = MinimumLevel,
                RatingBands = ValueList.Create(Bands.Select(b => new RatingBand(b.Name.Trim(), P(b.Minimum, $"Mức xếp loại {b.Name}"), b.Recognised)).ToArray().AsSpan()),
            },
        };
        return problems.Count > 0 ? (null, problems) : (definition, []);
    }

    // "70:10; 50:5" → from 70 % 10 points, from 50 % 5 points.
    private static RateBand[] ParseBands(ItemForm item, List<string> problems, Func<decimal, string, Points> points)
    {
        var bands = new List<RateBand>();
        foreach (var part in item.RateBands.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2
                || !decimal.TryParse(pieces[0].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent)
                || !decimal.TryParse(pieces[1].Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add($"Tiêu chí {item.Code}: mức \"{part}\" phải có dạng tỷ lệ:điểm, ví dụ 70:10.");
                continue;
            }
            bands.Add(new RateBand(percent, points(value, $"Tiêu chí {item.Code}")));
        }
        return [.. bands];
    }
}

public sealed class TargetGroupForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class GroupForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Max { get; set; }
    public decimal? Minimum { get; set; }
    public List<ItemForm> Items { get; set; } = [];
}

public sealed class ItemForm
{
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public string Guidance { get; set; } = "";
    public ItemKind Kind { get; set; }
    public decimal Max { get; set; }
    public decimal? Step { get; set; }
    public bool IsHardCondition { get; set; }
    public bool Unchecked { get; set; }
    public string TargetGroupCodes { get; set; } = "";
    public int? Level { get; set; }
    public string? InputKey { get; set; }
    public decimal? MetAtPercent { get; set; }
    public string RateBands { get; set; } = "";
}

public sealed class BandForm
{
    public string Name { get; set; } = "";
    public decimal Minimum { get; set; }
    public bool Recognised { get; set; } = true;
}
