using System.Text.Json;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Tests.Features.Criteria.Engine;

public class ValueListTests
{
    [Fact]
    public void Lists_with_the_same_elements_are_equal_and_hash_alike()
    {
        ValueList<string> a = ["1", "2"];
        var b = new List<string> { "1", "2" }.ToValueList();
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Order_and_content_matter()
    {
        ValueList<string> a = ["1", "2"];
        Assert.NotEqual(a, ["2", "1"]);
        Assert.NotEqual(a, ["1"]);
        Assert.True(a != ValueList<string>.Empty);
    }

    [Fact]
    public void Records_holding_lists_compare_by_value()
    {
        var first = new CriteriaItem { Code = "1.1", Text = "x", TargetGroupCodes = ["1", "2"] };
        var second = new CriteriaItem { Code = "1.1", Text = "x", TargetGroupCodes = ["1", "2"] };
        Assert.Equal(first, second);
        Assert.NotEqual(first, second with { TargetGroupCodes = ["1"] });
    }

    [Fact]
    public void Json_round_trips_as_a_plain_array()
    {
        ValueList<int> list = [3, 1, 2];
        var json = JsonSerializer.Serialize(list);
        Assert.Equal("[3,1,2]", json);
        Assert.Equal(list, JsonSerializer.Deserialize<ValueList<int>>(json));
    }

    [Fact]
    public void ToString_lists_the_elements()
    {
        ValueList<string> list = ["a", "b"];
        Assert.Equal("[a, b]", list.ToString());
    }
}
