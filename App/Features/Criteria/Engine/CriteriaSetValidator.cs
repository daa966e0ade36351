namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// Checks that a criteria set is coherent before it is used: totals add up, codes are unique, steps divide maxima,
/// rules exist and make sense. Returns Vietnamese messages; an empty list means the set is valid.
/// A plain function rather than a FluentValidation validator: the checks span the whole tree (sums per target group,
/// codes across groups), and the admin form can show the list as it is.
/// </summary>
public static partial class CriteriaSetValidator
{
    public static IReadOnlyList<string> Validate(CriteriaSetDefinition set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var messages = new List<string>();
        CheckHeader(set, messages);
        CheckCodes(set, messages);
        CheckTotals(set, messages);
        foreach (var item in set.Items)
        {
            CheckItem(set, item, messages);
        }

        CheckRules(set, messages);
        return messages;
    }

    public static bool IsValid(CriteriaSetDefinition set) => Validate(set).Count == 0;

    private static void CheckHeader(CriteriaSetDefinition set, List<string> messages)
    {
        if (string.IsNullOrWhiteSpace(set.Name))
        {
            messages.Add("Hãy nhập tên bộ tiêu chí");
        }

        if (string.IsNullOrWhiteSpace(set.LegalBasis.Number))
        {
            messages.Add("Hãy nhập số văn bản căn cứ");
        }

        if (set.ToYear is { } to && to < set.FromYear)
        {
            messages.Add($"Năm hết hiệu lực {to} trước năm bắt đầu áp dụng {set.FromYear}");
        }

        if (set.Groups.Count == 0)
        {
            messages.Add("Bộ tiêu chí chưa có nhóm tiêu chí nào");
        }
    }

    private static void CheckCodes(CriteriaSetDefinition set, List<string> messages)
    {
        foreach (var code in Duplicates(set.TargetGroups.Select(t => t.Code)))
        {
            messages.Add($"Mã nhóm đối tượng {code} bị trùng");
        }

        foreach (var code in Duplicates(set.Groups.Select(g => g.Code)))
        {
            messages.Add($"Mã nhóm {code} bị trùng");
        }

        foreach (var code in Duplicates(set.Items.Select(i => i.Code)))
        {
            messages.Add($"Mã tiêu chí {code} bị trùng");
        }

        foreach (var group in set.Groups)
        {
            if (string.IsNullOrWhiteSpace(group.Code))
            {
                messages.Add($"Nhóm \"{group.Name}\" chưa có mã");
            }

            if (group.Items.Count == 0)
            {
                messages.Add($"Nhóm {group.Code} chưa có tiêu chí nào");
            }

            if (group.Items.Any(i => string.IsNullOrWhiteSpace(i.Code)))
            {
                messages.Add($"Nhóm {group.Code} có tiêu chí chưa có mã");
            }
        }
    }

    private static void CheckTotals(CriteriaSetDefinition set, List<string> messages)
    {
        if (set.DeclaredTotal is { } declared && declared != set.Total)
        {
            messages.Add($"Tổng điểm khai báo {declared} khác tổng điểm tối đa các nhóm {set.Total}");
        }

        foreach (var group in set.Groups)
        {
            if (group.Max < Points.Zero)
            {
                messages.Add($"Nhóm {group.Code}: điểm tối đa không được âm");
            }

            if (group.Minimum is { } min && min > group.Max)
            {
                messages.Add($"Nhóm {group.Code}: mức tối thiểu {min} lớn hơn điểm tối đa {group.Max}");
            }

            if (group.Minimum is { } negative && negative < Points.Zero)
            {
                messages.Add($"Nhóm {group.Code}: mức tối thiểu không được âm");
            }

            CheckGroupSum(set, group, messages);
        }
    }

    /// <summary>With target groups, every target group must find the same maximum in each group.</summary>
    private static void CheckGroupSum(CriteriaSetDefinition set, CriteriaGroup group, List<string> messages)
    {
        if (set.TargetGroups.Count == 0)
        {
            var sum = group.Items.Sum(i => i.Max);
            if (sum != group.Max)
            {
                messages.Add($"Nhóm {group.Code}: tổng điểm các tiêu chí {sum} khác điểm tối đa của nhóm {group.Max}");
            }

            return;
        }

        foreach (var target in set.TargetGroups)
        {
            var sum = group.Items.Where(i => i.AppliesTo(target.Code)).Sum(i => i.Max);
            if (sum != group.Max)
            {
                messages.Add($"Nhóm {group.Code}, nhóm đối tượng {target.Code}: tổng điểm các tiêu chí {sum} " +
                    $"khác điểm tối đa của nhóm {group.Max}");
            }
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> codes) =>
        codes.Where(c => !string.IsNullOrWhiteSpace(c)).GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key);
}
