using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class ShippedCriteriaSetsTests
{
    public static TheoryData<string> SetNames => new(ShippedCriteriaSets.All.Select(s => s.Name));

    private static CriteriaSetDefinition Named(string name) => ShippedCriteriaSets.All.Single(s => s.Name == name);

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Every_shipped_set_passes_the_set_validator(string name)
    {
        Assert.Empty(CriteriaSetValidator.Validate(Named(name)));
    }
}
