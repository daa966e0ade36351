namespace HocTapSuotDoi.Features.Backups;

public static class BackupEndpoints
{
    public static void MapBackupEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quan-tri/sao-luu/tai/{name}", (string name, BackupService backups) =>
                backups.PathOf(name) is { } path
                    ? Results.File(path, "application/vnd.sqlite3", name)
                    : Results.NotFound())
            .RequireAuthorization(Policies.Administration);
    }
}
