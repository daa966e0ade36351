using HocTapSuotDoi.Features.Deadlines;
using HocTapSuotDoi.Setup;

namespace HocTapSuotDoi.Tests.Features.Deadlines;

public sealed class DeadlineFormValidatorTests
{
    private static List<string> Errors(Action<DeadlineForm> change)
    {
        var form = new DeadlineForm { Name = "Báo cáo năm" };
        change(form);
        return new DeadlineFormValidator().Validate(form).Errors.Select(e => e.ErrorMessage).ToList();
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(_ => { }));

    [Theory]
    [InlineData(30, 2, "Ngày 30/02 không có trong năm.")]
    [InlineData(31, 11, "Ngày 31/11 không có trong năm.")]
    [InlineData(5, 13, "Tháng của hạn nộp phải từ 1 đến 12.")]
    public void Impossible_dates_are_refused_with_a_clear_message(int day, int month, string message) =>
        Assert.Contains(message, Errors(f => (f.DueDay, f.DueMonth) = (day, month)));

    [Fact]
    public void The_29th_of_February_is_accepted() => Assert.Empty(Errors(f => (f.DueDay, f.DueMonth) = (29, 2)));

    [Theory]
    [InlineData("14, 7, -3", "Số ngày nhắc trước hạn không được âm (0 là nhắc đúng ngày hạn).")]
    [InlineData("14, bảy", "Số ngày nhắc trước hạn phải là các số nguyên, cách nhau bằng dấu phẩy (ví dụ: 14, 7, 3, 1, 0).")]
    public void Reminder_offsets_must_be_whole_numbers_not_below_zero(string offsets, string message) =>
        Assert.Contains(message, Errors(f => f.ReminderOffsets = offsets));

    [Fact]
    public void Audience_overdue_rules_and_escalation_addresses_are_checked()
    {
        Assert.Contains("Hãy chọn ai phải nộp: các đơn vị, các thôn hoặc Ban chỉ đạo.", Errors(f => (f.ForUnits, f.ForVillages) = (false, false)));
        Assert.Contains("Nhắc quá hạn cách nhau từ 1 đến 60 ngày.", Errors(f => f.OverdueEveryDays = 0));
        Assert.Contains("Danh sách e-mail nhận báo cáo quá hạn có địa chỉ không hợp lệ (các địa chỉ cách nhau bằng dấu phẩy).",
            Errors(f => f.EscalationEmails = "chutich@camtan.vn, khong-phai-email"));
        Assert.Empty(Errors(f => f.EscalationEmails = "chutich@camtan.vn; pho.chutich@camtan.vn"));
    }

    [Fact]
    public void Reminder_and_SMTP_settings_are_validated_at_start()
    {
        var settings = new AppSettings
        {
            Reminders = new ReminderSettings { TimeOfDay = "25:00", BaseUrl = "khong-phai-url" },
            Smtp = new SmtpSettings { Host = "smtp.camtan.vn", Port = 0, Security = "Ssl", FromAddress = "" },
        };
        var errors = new AppSettingsValidator().Validate(settings).Errors.Select(e => e.PropertyName).Where(p => p.StartsWith("Reminders") || p.StartsWith("Smtp")).ToList();
        Assert.Equal(["Reminders:TimeOfDay", "Reminders:BaseUrl", "Smtp:Port", "Smtp:Security", "Smtp:FromAddress"], errors);
        Assert.False(new SmtpSettings().Enabled);
        Assert.Equal("30 7 * * *", new ReminderSettings().Cron);
    }
}
