using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Decisions;

namespace HocTapSuotDoi.Tests.Features.Decisions;

// How a certificate names whom it recognises, for every title: never the register's "Hộ … (mã hộ)".
public sealed class CertificateWordingTests
{
    [Theory]
    [InlineData(Title.FamilyLearning, "Hộ Lê Văn Thử (H0012)", "Thôn Tân Hòa", "Gia đình ông/bà Lê Văn Thử", "Thôn Tân Hòa, xã Cẩm Tân")]
    [InlineData(Title.FamilyLearning, "Lê Văn Thử", "Tân Hòa", "Gia đình ông/bà Lê Văn Thử", "Thôn Tân Hòa, xã Cẩm Tân")]
    [InlineData(Title.ClanLearning, "Họ Nguyễn Bá", "Thôn Tân Lập", "Dòng họ Nguyễn Bá", "Thôn Tân Lập, xã Cẩm Tân")]
    [InlineData(Title.ClanLearning, "Dòng họ Trịnh", "", "Dòng họ Trịnh", "Xã Cẩm Tân")]
    [InlineData(Title.VillageCommunity, "Thôn Tân Sơn", "Thôn Tân Sơn", "Thôn Tân Sơn", "Xã Cẩm Tân")]
    [InlineData(Title.UnitLearning, "Trường THCS Cẩm Tân", "Thôn Tân Thành", "Trường THCS Cẩm Tân", "Thôn Tân Thành, xã Cẩm Tân")]
    [InlineData(Title.CitizenLearning, "Phạm Thị Hường", "Thôn Tân Hòa", "Ông/Bà Phạm Thị Hường", "Thôn Tân Hòa, xã Cẩm Tân")]
    [InlineData(Title.CommuneCommunity, "Xã Cẩm Tân", "", "Xã Cẩm Tân", "Xã Cẩm Tân")]
    public void Each_title_names_its_subject_and_place(Title title, string subject, string village, string name, string place) =>
        Assert.Equal((name, place), DocumentTexts.CertificateRecipient(title, subject, village, "Cẩm Tân"));

    [Fact]
    public void Lists_print_the_head_of_household_without_the_internal_code()
    {
        Assert.Equal("Lê Văn Thử", DocumentTexts.PrintedName(Title.FamilyLearning, "Hộ Lê Văn Thử (H0012)"));
        Assert.Equal("“Cả nước thi đua” và “học tập”", DocumentTexts.CurlyQuotes("\"Cả nước thi đua\" và \"học tập\""));
    }
}
