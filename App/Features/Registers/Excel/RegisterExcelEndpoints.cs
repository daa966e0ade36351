using HocTapSuotDoi.Features.Households;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Downloads: the register lists as filtered on screen (/xuat/...) and the import templates (/mau-excel/...). They are
// plain GET requests (a link), signed in by the cookie; the services check role and scope as the lists do.
public static class RegisterExcelEndpoints
{
    public static void AddRegisterExcel(this IServiceCollection services)
    {
        services.AddScoped<RegisterExportService>();
        services.AddScoped<RegisterImportService>();
    }

    public static void MapRegisterExcelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").RequireAuthorization();
        group.MapGet("/xuat/ho-gia-dinh", (string? search, int? villageId, string? status, string? order, RegisterExportService export) =>
            Send(() => export.HouseholdsAsync(new HouseholdQuery(search, villageId, Parse<HouseholdStatus>(status), Order(order)))));
        group.MapGet("/xuat/nhan-khau", (string? search, int? villageId, string? status, string? group, string? order, RegisterExportService export) =>
            Send(() => export.PeopleAsync(new PersonQuery(search, villageId, Parse<PersonStatus>(status), Parse<CitizenGroup>(group), Order(order)))));
        group.MapGet("/xuat/dong-ho", (string? search, RegisterExportService export) => Send(() => export.ClansAsync(search)));
        group.MapGet("/xuat/don-vi", (string? search, string? kind, RegisterExportService export) =>
            Send(() => export.UnitsAsync(search, Parse<UnitKind>(kind))));
        group.MapGet("/xuat/thon", (RegisterExportService export) => Send(export.VillagesAsync));
        group.MapGet("/mau-excel/{kind}", (string kind, RegisterExportService export) =>
            Templates.TryGetValue(kind, out var k) ? Send(() => export.TemplateAsync(k)) : Task.FromResult(Results.NotFound()));
    }

    public static readonly IReadOnlyDictionary<string, ImportKind> Templates = new Dictionary<string, ImportKind>
    {
        ["ho-gia-dinh"] = ImportKind.Households, ["dong-ho"] = ImportKind.Clans, ["don-vi"] = ImportKind.Units,
    };

    public static string TemplateUrl(ImportKind kind) => "/mau-excel/" + Templates.Single(t => t.Value == kind).Key;

    // Links for the list pages' "Xuất Excel" buttons, carrying the filters shown on screen.
    public static string HouseholdsUrl(HouseholdQuery q) =>
        Url("/xuat/ho-gia-dinh", ("search", q.Search), ("villageId", q.VillageId?.ToString(CultureInfo.InvariantCulture)), ("status", q.Status?.ToString()), ("order", q.Order.ToString()));

    public static string PeopleUrl(PersonQuery q) =>
        Url("/xuat/nhan-khau", ("search", q.Search), ("villageId", q.VillageId?.ToString(CultureInfo.InvariantCulture)), ("status", q.Status?.ToString()),
            ("group", q.TargetGroup?.ToString()), ("order", q.Order.ToString()));

    public static string ClansUrl(string? search) => Url("/xuat/dong-ho", ("search", search));

    public static string UnitsUrl(string? search, UnitKind? kind) => Url("/xuat/don-vi", ("search", search), ("kind", kind?.ToString()));

    public const string VillagesUrl = "/xuat/thon";

    private static string Url(string path, params (string Name, string? Value)[] query) =>
        path + string.Concat(query.Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select((p, i) => (i == 0 ? "?" : "&") + p.Name + "=" + Uri.EscapeDataString(p.Value!)));

    private static async Task<IResult> Send(Func<Task<ExcelFile>> make)
    {
        try
        {
            var file = await make();
            return Results.File(file.Content, ExcelFile.ContentType, file.FileName);
        }
        catch (ForbiddenException)
        {
            return Results.Forbid();
        }
    }

    // "Resident" or "1"; anything else is no filter.
    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    private static NameOrder Order(string? value) => Parse<NameOrder>(value) ?? NameOrder.GivenName;
}
