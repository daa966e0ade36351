using Microsoft.Data.Sqlite;

namespace HocTapSuotDoi.Common;

public static class Saving
{
    // One context for one unit of work done by the signed-in user: every audit column and change-log line it writes
    // names them. Jobs and seeders use the overload with their own name ("hệ thống", "dữ liệu mẫu").
    public static Task<AppDbContext> CreateForAsync(this IDbContextFactory<AppDbContext> factory, UserScope scope, CancellationToken ct = default) =>
        factory.CreateForAsync(scope.Name, ct);

    public static async Task<AppDbContext> CreateForAsync(this IDbContextFactory<AppDbContext> factory, string actor, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.Actor = actor;
        return db;
    }

    // The stored row a form edits, looked up among the rows the user may see (`visible`, narrowed to that one row), and
    // marked with the version the form was loaded at, so that SaveOrConflictAsync refuses to save over a change made
    // since. A row that is not there, or not in the user's scope, is refused with `refusal` ("not in your scope").
    public static Task<T> EditedRowAsync<T>(this AppDbContext db, IQueryable<T> visible, int version, CancellationToken ct = default)
        where T : class, IAudited =>
        db.EditedRowAsync(visible, version, UserMessages.NotInScope, ct);

    public static async Task<T> EditedRowAsync<T>(this AppDbContext db, IQueryable<T> visible, int version, string refusal, CancellationToken ct = default)
        where T : class, IAudited
    {
        var row = await visible.SingleOrDefaultAsync(ct) ?? throw new ForbiddenException(refusal);
        db.Entry(row).Property(nameof(IAudited.Version)).OriginalValue = version;
        return row;
    }

    // Saves, turning a lost optimistic-concurrency race (a row's version moved since it was loaded) into the Vietnamese
    // refusal the page shows: "Hộ này vừa được người khác sửa …". `what` names the row as the subject of that sentence.
    public static async Task SaveOrConflictAsync(this AppDbContext db, string what, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleEditException($"{what} vừa được người khác sửa trong lúc bạn đang sửa. Dữ liệu của bạn chưa được lưu: hãy tải lại để xem bản mới rồi sửa lại.");
        }
    }

    // Only a unique key means "already there": SQLite's code 19 also covers foreign keys, NOT NULL and CHECK, which are
    // real failures and must not be told as a duplicate. Raised by SaveChanges (inside a DbUpdateException) or by a bulk
    // insert's own command.
    public static bool IsUniqueViolation(Exception e) =>
        (e is DbUpdateException { InnerException: { } inner } ? inner : e)
            is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey };

    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
}
