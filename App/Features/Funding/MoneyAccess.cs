namespace HocTapSuotDoi.Features.Funding;

// Who may see and who may change money records. Reading: administrators, the committee, viewers and anyone holding
// the Kế toán permission. Changing: administrators and holders of the Kế toán permission only, read from the database
// on every call (decision 018).
public sealed class MoneyAccess(CurrentUser currentUser, IDbContextFactory<AppDbContext> dbFactory)
{
    public const string ReadOnlyMessage = "Chỉ quản trị viên hoặc người có quyền Kế toán được thay đổi số liệu tài chính.";
    public static readonly string[] ReaderRoles = [Roles.Administrator, Roles.Committee, Roles.Viewer];

    public async Task<(UserScope Scope, bool CanEdit)> ReadAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        var canEdit = await CanEditAsync(scope, ct);
        if (!canEdit && !scope.HasRole(ReaderRoles))
        {
            throw new ForbiddenException();
        }
        return (scope, canEdit);
    }

    public async Task<UserScope> EditAsync(CancellationToken ct = default)
    {
        var scope = await currentUser.RequireScopeAsync();
        return await CanEditAsync(scope, ct) ? scope : throw new ForbiddenException(ReadOnlyMessage);
    }

    private async Task<bool> CanEditAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope.IsAdministrator)
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserClaims.AnyAsync(c => c.UserId == scope.UserId && c.ClaimType == Permissions.ClaimType && c.ClaimValue == Permissions.Accounting, ct);
    }
}
