
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

    [Fact]
    public void An_emoji_or_half_of_one_in_a_name_gives_keys_instead_of_an_error()
    {
        const string name = "Nguyễn Văn An 😀";
        Assert.Equal("nguyen van an 😀", VietnameseText.SearchKey(name));
        Assert.Equal("nguyễn văn an 😀", VietnameseText.NameKey(name));
        Assert.Equal(name, VietnameseText.Clean(" " + name + " "));
        Assert.Contains("😀", VietnameseText.SortKey("An 😀 Bình"));
        Assert.StartsWith("😀", VietnameseText.GivenNameSortKey(name));
        // Built at run time: a lone surrogate does not survive in an attribute or a literal's metadata.
        var halfEmoji = "An " + (char)0xD83D;
        Assert.Equal("an \uFFFD", VietnameseText.SearchKey(halfEmoji));
        Assert.NotEmpty(VietnameseText.SortKey(halfEmoji));
        Assert.Equal("An \uFFFD", VietnameseText.Clean(halfEmoji));
        Assert.True(VietnameseText.HasHiddenCharacters(halfEmoji));
    }

    [Theory]
    [InlineData("Nguyễn Văn An", false)]
    [InlineData("Nguyễn Văn An 😀", false)]
    [InlineData("Nguyễn Văn\u200BAn", true)]  // zero-width space
    [InlineData("Nguyễn\u200D Văn An", true)] // zero-width joiner
    [InlineData("\uFEFFNguyễn Văn An", true)] // byte order mark
    [InlineData("Nguyễn Văn\tAn", true)]
    [InlineData("Nguyễn Văn An\u0007", true)]
    public void Hidden_and_control_characters_are_found(string name, bool hidden) =>
        Assert.Equal(hidden, VietnameseText.HasHiddenCharacters(name));
}
