using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HocTapSuotDoi.Data;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// One row of a households-and-members file, with sensible values to vary with `with`.
public sealed record Line(string Code, string Village, string Head)
{
    public string Address { get; init; } = "Xóm 1";
    public string Phone { get; init; } = "0912345678";
    public string HouseholdStatus { get; init; } = "Đang cư trú";
    public string? FullName { get; init; }
    public string Birth { get; init; } = "15/03/1980";
    public string Sex { get; init; } = "Nam";
    public string Relation { get; init; } = "Chủ hộ";
    public string Education { get; init; } = "THPT";
    public string Literacy { get; init; } = "Biết chữ mức 2";
    public string Occupation { get; init; } = "Làm ruộng";
    public string TargetGroup { get; init; } = "Nông dân, lao động nông thôn";
    public string School { get; init; } = "Không áp dụng";
    public string NationalId { get; init; } = "";
    public string Status { get; init; } = "Đang cư trú";

    public object?[] Cells => [Code, Village, Head, Address, Phone, HouseholdStatus, FullName ?? Head, Birth, Sex, Relation, Education,
        Literacy, Occupation, TargetGroup, School, NationalId, Status];

    // A member row that leaves the household columns empty except the code, as people often fill them in.
    public Line Member(string name, string relation, string sex, string birth) => this with
    {
        Village = Code.Length > 0 ? "" : Village, Head = Code.Length > 0 ? "" : Head, Address = "", Phone = "", HouseholdStatus = "",
        FullName = name, Relation = relation, Sex = sex, Birth = birth, Occupation = "", Education = "Tiểu học", NationalId = "",
    };
}

public static class ExcelTestFiles
{
    public const string Admin = "admin@camtan.vn";
    public const string Scorer = "canbo@camtan.vn";
    private static int _counter;
    private static int _names;
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    private static readonly string[] Middles = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Quang", "Thu", "Hữu", "Xuân", "Thanh", "Kim", "Bá"];
    private static readonly string[] Givens = ["An", "Bình", "Chi", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh",
        "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tú", "Vân", "Việt", "Yến"];

    public static int Next() => Interlocked.Increment(ref _counter);

    // Codes of test households start with XL, so an export filtered by "XL" holds only test data.
    public static string Code() => $"XL{Next():00000}";

    public static string NationalId() => $"0991{Next():00000000}";

    // A head-of-household name not used before in this test run (2 880 combinations).
    public static string Name()
    {
        var n = Interlocked.Increment(ref _names);
        return $"{Families[n % 8]} {Middles[n / 8 % 12]} {Givens[n / 96 % 30]}";
    }

    public static MemoryStream Xlsx(IReadOnlyList<string> headers, IEnumerable<object?[]> rows)
    {
        var sheet = new ExcelSheet("Tệp thử", headers);
        foreach (var row in rows)
        {
            sheet.Add(row);
        }
        return new MemoryStream(sheet.ToBytes());
    }

    public static MemoryStream Households(IEnumerable<Line> lines) => Xlsx(RegisterColumns.Households, lines.Select(l => l.Cells));

    // Every row of the first sheet as the texts a person sees, header included.
    public static List<string[]> ReadCells(byte[] xlsx) =>
        MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(Cells.Text).ToArray())
            .ToList();

    public static List<string> ValidationErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Description} ({e.Path?.XPath})").ToList();
    }

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<AppDbContext, Task<T>> read)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    public static Task<(int Households, int People, int Clans, int Units, int Logs)> CountsAsync(this AppFactory app) =>
        app.WithDbAsync(async db => (await db.Households.CountAsync(), await db.People.CountAsync(), await db.Clans.CountAsync(),
            await db.Units.CountAsync(), await db.ChangeLogs.CountAsync()));

    public static async Task<(AsyncServiceScope Scope, T Service)> ServiceAsync<T>(this AppFactory app, string email) where T : notnull
    {
        var scope = await app.AsUserAsync(email);
        return (scope, scope.ServiceProvider.GetRequiredService<T>());
    }
}
