using HocTapSuotDoi.Setup;
using Microsoft.Extensions.Configuration;

namespace HocTapSuotDoi.Tests.Setup;

public sealed class AppSettingsTests
{
    private static AppSettings Load(params (string Key, string? Value)[] values) =>
        AppSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:Email"] = "admin@camtan.vn" })
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Defaults_are_valid()
    {
        var settings = Load();
        Assert.Equal(30, settings.Backup.Keep);
        Assert.Equal("0 2 * * *", settings.Backup.Cron);
        Assert.EndsWith(Path.Combine("data", "hoctap.db"), settings.DatabasePath);
        Assert.EndsWith(Path.Combine("data", "hangfire.db"), settings.HangfireDatabasePath);
        Assert.Equal(TimeSpan.FromHours(7), settings.TimeZone.BaseUtcOffset);
    }

    [Theory]
    [InlineData("Backup:Keep", "abc", "Cài đặt Backup:Keep không hợp lệ: giá trị \"abc\" không đúng kiểu dữ liệu.")]
    [InlineData("Backup:Keep", "0", "Cài đặt Backup:Keep không hợp lệ: số bản sao lưu giữ lại phải từ 1 đến 1000.")]
    [InlineData("Backup:Cron", "mỗi đêm", "Cài đặt Backup:Cron không hợp lệ: \"mỗi đêm\" không phải biểu thức cron hợp lệ")]
    [InlineData("Admin:Email", "admin", "Cài đặt Admin:Email không hợp lệ: \"admin\" không phải là địa chỉ e-mail.")]
    [InlineData("Admin:Email", "", "Cài đặt Admin:Email không hợp lệ: cần địa chỉ e-mail")]
    [InlineData("Admin:Password", "ngan", "Cài đặt Admin:Password không hợp lệ: mật khẩu phải có ít nhất 10 ký tự")]
    [InlineData("Clock:TimeZone", "Sao Hỏa/Thủ đô", "Cài đặt Clock:TimeZone không hợp lệ: không tìm thấy múi giờ \"Sao Hỏa/Thủ đô\".")]
    [InlineData("DemoData:Enabled", "có", "Cài đặt DemoData:Enabled không hợp lệ: giá trị \"có\" không đúng kiểu dữ liệu.")]
    [InlineData("Hangfire:WorkerCount", "0", "Cài đặt Hangfire:WorkerCount không hợp lệ")]
    [InlineData("Commune:Name", "", "Cài đặt Commune:Name không hợp lệ: cần tên xã.")]
    public void A_bad_setting_stops_with_one_line_naming_it(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Load((key, value)));
        Assert.StartsWith(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
