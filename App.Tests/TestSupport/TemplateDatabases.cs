using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace HocTapSuotDoi.Tests.TestSupport;

// Databases migrated and seeded once per test run, one per kind of start (settings and clock), copied into each app's
// fresh data folder so that no test class pays for the demo commune again and none sees another's rows. Templates are
// plain files in a folder of this process, made by this build's migrations: never one left by an earlier run.
public static class TemplateDatabases
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "hoctap-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");
    private static readonly ConcurrentDictionary<string, Template> Made = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Making = new();
    private static readonly ConcurrentDictionary<string, System.Diagnostics.Stopwatch> Started = new();

    static TemplateDatabases() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean with the rest of the temp folder.
            }
        };

    // A database file made by a first start, with what that start wrote to the log and where its clock stood.
    public sealed record Template(string DatabaseFile, IReadOnlyList<string> StartLog, DateTimeOffset ClockAtEnd);

    public static Template? Find(string key) => Made.GetValueOrDefault(key);

    // Waits while another app with the same key is making the template, so that it is made once; the caller that gets
    // no template makes it and must call Release (after Save, or after failing).
    public static Template? FindOrStartMaking(string key)
    {
        var gate = Making.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        if (Made.TryGetValue(key, out var template))
        {
            gate.Release();
            return template;
        }
        Started[key] = System.Diagnostics.Stopwatch.StartNew();
        return null;
    }

    public static void Release(string key) => Making[key].Release();

    // A consistent copy of a live database (VACUUM INTO reads one snapshot, WAL or not) becomes the key's template.
    public static void Save(string key, string databasePath, IReadOnlyList<string> startLog, DateTimeOffset clockAtEnd)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{Made.Count:000}-{Guid.NewGuid():N}.db");
        using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $path";
            command.Parameters.AddWithValue("$path", path);
            command.ExecuteNonQuery();
        }
        Made[key] = new Template(path, startLog, clockAtEnd);
        File.AppendAllText("/tmp/templates.log", $"{Started[key].ElapsedMilliseconds} ms {key.Replace("\n", " | ")}\n");
    }

    public static void CopyTo(Template template, string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(template.DatabaseFile, databasePath);
    }
}
