namespace HocTapSuotDoi.Security;

// Permissions granted on top of a role, stored as Identity user claims (AspNetUserClaims): a user keeps one role and
// may hold a permission besides. Services read them from the database on every change, so a revoked one stops at once.
public static class Permissions
{
    public const string ClaimType = "hoctap:permission";

    // Kế toán: may record and change money records (budget lines, the khuyến học fund). Administrators always may.
    public const string Accounting = "ke-toan";

    public static string DisplayName(string permission) => permission switch
    {
        Accounting => "Kế toán",
        _ => permission,
    };
}
