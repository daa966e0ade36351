using HocTapSuotDoi.Features.Criteria;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria;

public sealed class CriteriaSetFormTests
{
    public static TheoryData<int> ShippedSets() => new(Enumerable.Range(0, ShippedCriteriaSets.All.Count));

    [Theory]
    [MemberData(nameof(ShippedSets))]
    public void The_editor_form_gives_back_exactly_the_set_it_was_made_from(int index)
    {
        var shipped = ShippedCriteriaSets.All[index];
        var (definition, problems) = CriteriaSetForm.From(shipped).ToDefinition();
        Assert.Empty(problems);
        Assert.Equal(shipped, definition);
    }

    [Fact]
    public void Points_with_two_decimals_and_malformed_bands_are_named()
    {
        var form = CriteriaSetForm.From(ShippedCriteriaSets.All[0]);
        form.Groups[0].Items[0].Max = 9.75m;
        form.Groups[0].Items[1].Kind = ItemKind.Computed;
        form.Groups[0].Items[1].InputKey = ComputedInputKeys.VillageHouseholdsFamilyLearningRate.Key;
        form.Groups[0].Items[1].RateBands = "70 điểm";
        var (definition, problems) = form.ToDefinition();
        Assert.Null(definition);
        Assert.Contains("Tiêu chí 1.1: điểm 9,75 chỉ được có một chữ số thập phân.", problems);
        Assert.Contains("Tiêu chí 1.2: mức \"70 điểm\" phải có dạng tỷ lệ:điểm, ví dụ 70:10.", problems);
    }
}
