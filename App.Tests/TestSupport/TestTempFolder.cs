using System.Runtime.CompilerServices;

namespace HocTapSuotDoi.Tests.TestSupport;

// The test process's temporary folder in memory (/dev/shm) on Linux, when the caller has not chosen one (TMPDIR) and
// there is room: every app's data folder and SQLite files, the README command's fresh copy and its build, the published
// app, Chromium's and LibreOffice's profiles. They are real files all the same; only the disk's flushes and the discards
// of deleted files are gone, which cost the machine's kernel ≈ 38 s of processor time a run on an ext4 disk mounted
// with `discard` (docs/decisions/029). Set before any test runs, for the whole process and the processes it starts.
internal static class TestTempFolder
{
    private const string Memory = "/dev/shm";
    private const long RoomNeeded = 2L * 1024 * 1024 * 1024;

#pragma warning disable CA2255 // The test assembly is the process's entry: its temporary folder is chosen once, before any test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UseMemoryWhenThereIsRoom()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TMPDIR")) || !Directory.Exists(Memory))
        {
            return;
        }
        try
        {
            if (new DriveInfo(Memory).AvailableFreeSpace < RoomNeeded)
            {
                return;
            }
            var folder = Directory.CreateDirectory(Path.Combine(Memory, "hoctap-tests-tmp")).FullName;
            Environment.SetEnvironmentVariable("TMPDIR", folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not writable: the usual temporary folder.
        }
    }
}
