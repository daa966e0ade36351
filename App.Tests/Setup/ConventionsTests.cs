using System.Globalization;
using System.Reflection;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Security;
using HocTapSuotDoi.Seeding;
using Microsoft.AspNetCore.Components;

namespace HocTapSuotDoi.Tests.Setup;

public sealed class ConventionsTests
{
    [Fact]
    public void No_component_injects_the_DbContext()
    {
        // A scoped DbContext in a circuit lives as long as the browser tab: components go through feature services.
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && p.PropertyType == typeof(AppDbContext))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Times_are_shown_in_Vietnam_time_as_dd_MM_yyyy()
    {
        Assert.Equal("29/11/2026 02:05", VnTime.Format(new DateTime(2026, 11, 28, 19, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("05/12/2026", VnTime.FormatDate(new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void Vietnamese_culture_uses_a_decimal_comma_and_day_first_dates()
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        Assert.Equal("84,5", 84.5m.ToString(vi));
        Assert.Equal("dd/MM/yyyy", vi.DateTimeFormat.ShortDatePattern);
    }

    [Fact]
    public void Generated_passwords_are_long_varied_and_unambiguous()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => PasswordGenerator.Generate()).ToList();
        Assert.All(passwords, p =>
        {
            Assert.Equal(14, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.True(p.Distinct().Count() >= 4);
            Assert.DoesNotContain(p, c => "0O1lI".Contains(c));
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    [Theory]
    [InlineData("Cẩm Tân", "CAM-TAN")]
    [InlineData("Thanh Hóa", "THANH-HOA")]
    [InlineData("Đông Sơn", "DONG-SON")]
    public void Codes_are_made_from_Vietnamese_names(string name, string code) => Assert.Equal(code, TextKeys.Code(name));

    [Fact]
    public void Every_role_has_a_Vietnamese_name()
    {
        Assert.Equal(["Quản trị", "Ban chỉ đạo", "Cán bộ khuyến học", "Đơn vị", "Xem"], Roles.All.Select(Roles.DisplayName));
    }
}
