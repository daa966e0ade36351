namespace HocTapSuotDoi.Security;

// Role names as stored by Identity (English identifiers); the Vietnamese names are what people read.
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Committee = "Committee";
    public const string Scorer = "Scorer";
    public const string UnitReporter = "UnitReporter";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Administrator, Committee, Scorer, UnitReporter, Viewer];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Quản trị",
        Committee => "Ban chỉ đạo",
        Scorer => "Cán bộ khuyến học",
        UnitReporter => "Đơn vị",
        Viewer => "Xem",
        _ => role,
    };
}

// Policies used by pages ([Authorize(Policy = ...)]) and endpoints. Services check again with CurrentUser.
public static class Policies
{
    public const string Administration = "Administration";
    public const string Committee = "Committee";

    public static void Configure(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Administrator));
        options.AddPolicy(Committee, p => p.RequireRole(Roles.Administrator, Roles.Committee));
    }
}

public static class AppClaims
{
    public const string FullName = "hoctap:full_name";
    public const string MustChangePassword = "hoctap:must_change_password";
}
