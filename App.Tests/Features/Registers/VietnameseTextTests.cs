using HocTapSuotDoi.Features.Registers;

namespace HocTapSuotDoi.Tests.Features.Registers;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("  NGUYỄN   văn  AN ", "nguyen van an")]
    [InlineData("Đặng Thị Đào", "dang thi dao")]
    [InlineData("Lê Thị Hương", "le thi huong")]
    [InlineData("Võ Ưng Ửng", "vo ung ung")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Search_key_ignores_case_diacritics_and_d_stroke(string? text, string key) =>
        Assert.Equal(key, VietnameseText.SearchKey(text));

    [Fact]
    public void Given_name_order_sorts_by_the_last_word_then_family_name()
    {
        string[] names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn An", "Phạm Đức Đạt", "Hoàng Văn Dũng"];
        var sorted = names.OrderBy(VietnameseText.GivenNameSortKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["Lê Văn An", "Trần Thị An", "Nguyễn Văn Bình", "Hoàng Văn Dũng", "Phạm Đức Đạt"], sorted);
    }

    [Fact]
    public void Letters_follow_the_Vietnamese_alphabet_a_ă_â_and_d_đ_and_o_ô_ơ()
    {
        string[] words = ["Đào", "Dung", "Ân", "Ăn", "An", "Ơn", "Ôn", "On", "Bình"];
        var sorted = words.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["An", "Ăn", "Ân", "Bình", "Dung", "Đào", "On", "Ôn", "Ơn"], sorted);
    }

    [Fact]
    public void Tones_only_break_ties_between_the_same_letters()
    {
        string[] words = ["Anh", "Ánh", "Ảnh", "Ba", "Àn"];
        var sorted = words.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["Àn", "Anh", "Ánh", "Ảnh", "Ba"], sorted);
    }

    [Fact]
    public void Family_name_order_sorts_by_the_whole_name()
    {
        string[] names = ["Trần Văn An", "Nguyễn Văn Bình", "Đỗ Thị Cúc", "Dương Văn Em"];
        var sorted = names.OrderBy(VietnameseText.SortKey, StringComparer.Ordinal).ToList();
        Assert.Equal(["Dương Văn Em", "Đỗ Thị Cúc", "Nguyễn Văn Bình", "Trần Văn An"], sorted);
    }
}
