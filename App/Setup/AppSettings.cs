using System.Text.RegularExpressions;

namespace HocTapSuotDoi.Setup;

public sealed class StorageSettings
{
    public string DataDirectory { get; set; } = "data";
}

public sealed class AdminSettings
{
    public string Email { get; set; } = "";
    public string? Password { get; set; }
    public string FullName { get; set; } = "Quản trị hệ thống";
}

public sealed class CommuneSettings
{
    public string ProvinceName { get; set; } = "Thanh Hóa";
    public string Name { get; set; } = "Cẩm Tân";
}

public sealed class BackupSettings
{
    public string Cron { get; set; } = "0 2 * * *";
    public int Keep { get; set; } = 30;
}

public sealed class HangfireSettings
{
    public bool ServerEnabled { get; set; } = true;
    public int WorkerCount { get; set; } = 2;
}

public sealed class DemoDataSettings
{
    public bool Enabled { get; set; }
    // With the demo commune, also the generated registers and three years of evaluations (about 9.000 rows).
    public bool Registers { get; set; } = true;
    public string Password { get; set; } = "HocTap@2026";
}

public sealed class ScoringSettings
{
    // The last day of registration each year, "dd/MM" (default 31/03).
    public string RegistrationCloses { get; set; } = "31/03";

    // The first working year: years before the app are entered as figures (default 2016, the start of QĐ 448's titles).
    public int FirstYear { get; set; } = 2016;

    public (int Day, int Month) RegistrationClosesDayMonth
    {
        get
        {
            var parts = RegistrationCloses.Split('/');
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

public sealed class ClockSettings
{
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}

// The daily reminder job: when it runs, in which time zone deadlines are counted, who "the level above" is.
public sealed class ReminderSettings
{
    public string TimeOfDay { get; set; } = "07:30";
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
    // The level above the commune's steering committee, one name everywhere (deadlines, reminders, the yearly report's
    // "Kính gửi"); {Tinh} stands for the commune's province.
    public string LevelAboveName { get; set; } = "Ban Chỉ đạo xây dựng xã hội học tập tỉnh {Tinh}";

    public string LevelAbove(string province) => LevelAboveName.Replace("{Tinh}", province);
    // The address people open the app at, for links in e-mails.
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public string Cron => TimeOnly.TryParseExact(TimeOfDay, "HH:mm", out var t) ? $"{t.Minute} {t.Hour} * * *" : "30 7 * * *";
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

// Outgoing e-mail. No host: e-mail is off and reminders go only to the in-app bell.
public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    // None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).
    public string Security { get; set; } = "StartTls";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "Ban chỉ đạo xây dựng xã hội học tập";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

// The app's public address, printed on certificates for verification ("https://hoctap.camtan.gov.vn"). Empty: only the
// path is printed, never an address taken from a request.
public sealed class PublicSiteSettings
{
    public string PublicBaseUrl { get; set; } = "";

    public bool HasPublicBaseUrl => !string.IsNullOrWhiteSpace(PublicBaseUrl);
}

// The reverse proxies (Caddy, nginx) whose X-Forwarded-For/-Proto headers are believed; any other sender's are ignored.
public sealed class ReverseProxySettings
{
    public string[] KnownProxies { get; set; } = [];
    // CIDR ranges, e.g. "172.18.0.0/16" for a Docker network.
    public string[] KnownNetworks { get; set; } = [];
}

// HTTPS served by this app or by the proxy in front: redirect plain HTTP and send HSTS.
public sealed class HttpsSettings
{
    public bool Enabled { get; set; }
    public int HstsMaxAgeDays { get; set; } = 365;
}

// Every setting the app reads, bound and validated once at start: a bad value stops the app with a line naming it.
public sealed class AppSettings
{
    public StorageSettings Storage { get; set; } = new();
    public AdminSettings Admin { get; set; } = new();
    public CommuneSettings Commune { get; set; } = new();
    public BackupSettings Backup { get; set; } = new();
    public HangfireSettings Hangfire { get; set; } = new();
    public DemoDataSettings DemoData { get; set; } = new();
    public ClockSettings Clock { get; set; } = new();
    public ScoringSettings Scoring { get; set; } = new();
    public ReminderSettings Reminders { get; set; } = new();
    public SmtpSettings Smtp { get; set; } = new();
    public PublicSiteSettings App { get; set; } = new();
    public ReverseProxySettings ReverseProxy { get; set; } = new();
    public HttpsSettings Https { get; set; } = new();

    public string DataDirectory => Path.GetFullPath(Storage.DataDirectory);
    public string DatabasePath => Path.Combine(DataDirectory, "hoctap.db");
    public string HangfireDatabasePath => Path.Combine(DataDirectory, "hangfire.db");
    public string BackupDirectory => Path.Combine(DataDirectory, "backups");
    public string ConnectionString => $"Data Source={DatabasePath};Foreign Keys=True;Pooling=True";
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(Clock.TimeZone);

    public static AppSettings Load(IConfiguration configuration)
    {
        var settings = new AppSettings();
        var sections = new (string Name, object Target)[]
        {
            ("Storage", settings.Storage), ("Admin", settings.Admin), ("Commune", settings.Commune),
            ("Backup", settings.Backup), ("Hangfire", settings.Hangfire), ("DemoData", settings.DemoData),
            ("Clock", settings.Clock), ("Scoring", settings.Scoring), ("Reminders", settings.Reminders), ("Smtp", settings.Smtp),
            ("App", settings.App), ("ReverseProxy", settings.ReverseProxy), ("Https", settings.Https),
        };
        foreach (var (name, target) in sections)
        {
            try
            {
                configuration.GetSection(name).Bind(target);
            }
            catch (InvalidOperationException ex)
            {
                var key = Regex.Match(ex.Message, "at '([^']+)'").Groups[1].Value;
                if (key.Length == 0)
                {
                    key = name;
                }
                throw new InvalidSettingsException(
                    $"Cài đặt {key} không hợp lệ: giá trị \"{configuration[key]}\" không đúng kiểu dữ liệu.");
            }
        }

        var result = new AppSettingsValidator().Validate(settings);
        if (!result.IsValid)
        {
            throw new InvalidSettingsException(string.Join(Environment.NewLine,
                result.Errors.Select(e => $"Cài đặt {e.PropertyName} không hợp lệ: {e.ErrorMessage}")));
        }
        return settings;
    }
}

public sealed class InvalidSettingsException(string message) : Exception(message);

public sealed class AppSettingsValidator : AbstractValidator<AppSettings>
{
    public AppSettingsValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Storage.DataDirectory).NotEmpty().WithMessage("cần đường dẫn thư mục dữ liệu.")
            .Must(BeAUsablePath).WithMessage("đường dẫn thư mục dữ liệu không dùng được.")
            .OverridePropertyName("Storage:DataDirectory");
        RuleFor(x => x.Admin.Email).NotEmpty().WithMessage("cần địa chỉ e-mail của quản trị viên đầu tiên.")
            .EmailAddress().WithMessage("\"{PropertyValue}\" không phải là địa chỉ e-mail.")
            .OverridePropertyName("Admin:Email");
        RuleFor(x => x.Admin.Password).MinimumLength(10).When(x => !string.IsNullOrEmpty(x.Admin.Password))
            .WithMessage("mật khẩu phải có ít nhất 10 ký tự (để trống để hệ thống tự tạo).")
            .OverridePropertyName("Admin:Password");
        RuleFor(x => x.Commune.Name).NotEmpty().WithMessage("cần tên xã.").OverridePropertyName("Commune:Name");
        RuleFor(x => x.Commune.ProvinceName).NotEmpty().WithMessage("cần tên tỉnh.")
            .OverridePropertyName("Commune:ProvinceName");
        RuleFor(x => x.Backup.Cron).Must(BeACron)
            .WithMessage("\"{PropertyValue}\" không phải biểu thức cron hợp lệ (ví dụ \"0 2 * * *\" là 2 giờ sáng hằng ngày).")
            .OverridePropertyName("Backup:Cron");
        RuleFor(x => x.Backup.Keep).InclusiveBetween(1, 1000)
            .WithMessage("số bản sao lưu giữ lại phải từ 1 đến 1000.").OverridePropertyName("Backup:Keep");
        RuleFor(x => x.Hangfire.WorkerCount).InclusiveBetween(1, 20)
            .WithMessage("số luồng xử lý phải từ 1 đến 20.").OverridePropertyName("Hangfire:WorkerCount");
        RuleFor(x => x.DemoData.Password).MinimumLength(10).When(x => x.DemoData.Enabled)
            .WithMessage("mật khẩu tài khoản mẫu phải có ít nhất 10 ký tự.").OverridePropertyName("DemoData:Password");
        RuleFor(x => x.Scoring.FirstYear).InclusiveBetween(2000, 2030)
            .WithMessage("năm bắt đầu {PropertyValue} phải từ 2000 đến 2030.").OverridePropertyName("Scoring:FirstYear");
        RuleFor(x => x.Scoring.RegistrationCloses).Must(BeADayAndMonth)
            .WithMessage("\"{PropertyValue}\" không phải ngày/tháng hợp lệ (ví dụ 31/03).").OverridePropertyName("Scoring:RegistrationCloses");
        RuleFor(x => x.Clock.TimeZone).Must(BeATimeZone)
            .WithMessage("không tìm thấy múi giờ \"{PropertyValue}\".").OverridePropertyName("Clock:TimeZone");
        RuleFor(x => x.Reminders.TimeOfDay).Must(t => TimeOnly.TryParseExact(t, "HH:mm", out _))
            .WithMessage("\"{PropertyValue}\" không phải giờ hợp lệ (dạng HH:mm, ví dụ \"07:30\").").OverridePropertyName("Reminders:TimeOfDay");
        RuleFor(x => x.Reminders.TimeZone).Must(BeATimeZone)
            .WithMessage("không tìm thấy múi giờ \"{PropertyValue}\".").OverridePropertyName("Reminders:TimeZone");
        RuleFor(x => x.Reminders.LevelAboveName).NotEmpty()
            .WithMessage("cần tên cơ quan cấp trên nhận báo cáo của Ban chỉ đạo.").OverridePropertyName("Reminders:LevelAboveName");
        RuleFor(x => x.Reminders.BaseUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("\"{PropertyValue}\" không phải địa chỉ web đầy đủ (ví dụ \"https://hoctap.camtan.gov.vn\").").OverridePropertyName("Reminders:BaseUrl");
        RuleFor(x => x.App.PublicBaseUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .When(x => x.App.HasPublicBaseUrl)
            .WithMessage("\"{PropertyValue}\" không phải địa chỉ web đầy đủ (ví dụ \"https://hoctap.camtan.gov.vn\").").OverridePropertyName("App:PublicBaseUrl");
        RuleForEach(x => x.ReverseProxy.KnownProxies).Must(p => System.Net.IPAddress.TryParse(p, out _))
            .WithMessage("\"{PropertyValue}\" không phải địa chỉ IP (ví dụ \"127.0.0.1\").").OverridePropertyName("ReverseProxy:KnownProxies");
        RuleForEach(x => x.ReverseProxy.KnownNetworks).Must(n => System.Net.IPNetwork.TryParse(n, out _))
            .WithMessage("\"{PropertyValue}\" không phải dải địa chỉ dạng CIDR (ví dụ \"172.18.0.0/16\").").OverridePropertyName("ReverseProxy:KnownNetworks");
        RuleFor(x => x.Https.HstsMaxAgeDays).InclusiveBetween(1, 730)
            .WithMessage("thời hạn HSTS phải từ 1 đến 730 ngày.").OverridePropertyName("Https:HstsMaxAgeDays");
        RuleFor(x => x.Smtp.Port).InclusiveBetween(1, 65535)
            .WithMessage("cổng SMTP phải từ 1 đến 65535.").OverridePropertyName("Smtp:Port");
        RuleFor(x => x.Smtp.Security).Must(s => s is "None" or "StartTls" or "SslOnConnect" or "Auto")
            .WithMessage("chế độ bảo mật SMTP phải là None, StartTls, SslOnConnect hoặc Auto.").OverridePropertyName("Smtp:Security");
        RuleFor(x => x.Smtp.FromAddress).NotEmpty().When(x => x.Smtp.Enabled)
            .WithMessage("cần địa chỉ gửi đi khi đã đặt máy chủ SMTP.").OverridePropertyName("Smtp:FromAddress");
        RuleFor(x => x.Smtp.FromAddress).EmailAddress().When(x => x.Smtp.Enabled && !string.IsNullOrEmpty(x.Smtp.FromAddress))
            .WithMessage("\"{PropertyValue}\" không phải là địa chỉ e-mail.").OverridePropertyName("Smtp:FromAddress");
    }

    private static bool BeAUsablePath(string path)
    {
        try
        {
            _ = Path.GetFullPath(path);
            return path.IndexOfAny(Path.GetInvalidPathChars()) < 0;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static bool BeACron(string cron)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return false;
        }
        try
        {
            Cronos.CronExpression.Parse(cron);
            return true;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }

    private static bool BeADayAndMonth(string text) =>
        DateTime.TryParseExact(text + "/2024", "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out _);

    private static bool BeATimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
