using HocTapSuotDoi.Features.Villages;
using Microsoft.Extensions.Time.Testing;

namespace HocTapSuotDoi.Tests.Features.Villages;

// "Thành lập từ ngày" may be today in Vietnam at the latest, whatever the server's zone; "Thôn đã có từ trước khi lập
// sổ" leaves the date out. The clock is fixed: 18:00 UTC on 14/10/2026 is already 01:00 on 15/10/2026 in Vietnam.
public sealed class VillageFormValidatorTests
{
    private static readonly VillageFormValidator Validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 10, 14, 18, 0, 0, TimeSpan.Zero)));

    private static VillageForm Form(DateTime? since, bool before = false) => new() { Code = "T11", Name = "Thôn Tân Mới", SortOrder = 11, Before = before, Since = since };

    [Theory]
    [InlineData(2026, 10, 16)]
    [InlineData(2027, 1, 1)]
    public void A_founding_date_after_today_in_Vietnam_is_refused_in_Vietnamese(int year, int month, int day)
    {
        var result = Validator.Validate(Form(new DateTime(year, month, day)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((nameof(VillageForm.Since), "Ngày thành lập thôn không được sau hôm nay (15/10/2026)."), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData(2026, 10, 15)]
    [InlineData(2026, 3, 1)]
    [InlineData(1975, 4, 30)]
    public void Today_in_Vietnam_or_an_earlier_date_is_accepted(int year, int month, int day) =>
        Assert.True(Validator.Validate(Form(new DateTime(year, month, day))).IsValid);

    [Fact]
    public void No_date_is_accepted_and_a_village_there_before_the_register_ignores_the_date()
    {
        Assert.True(Validator.Validate(Form(null)).IsValid);
        Assert.True(Validator.Validate(Form(new DateTime(2030, 1, 1), before: true)).IsValid);
    }

    [Fact]
    public void A_date_before_1945_is_refused()
    {
        Assert.Equal("Ngày thành lập thôn không hợp lệ.", Assert.Single(Validator.Validate(Form(new DateTime(1900, 1, 1))).Errors).ErrorMessage);
    }
}
