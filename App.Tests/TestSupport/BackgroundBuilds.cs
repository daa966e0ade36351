using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using HocTapSuotDoi.Tests.EndToEnd;

namespace HocTapSuotDoi.Tests.TestSupport;

// The run's two builds in other processes, the README run command (`dotnet run`, which builds a fresh copy of the
// repository and starts it) and the published app's `dotnet publish` (the Dockerfile's step), start as soon as the run
// starts, one after the other, at the lowest processor priority: SCHED_IDLE with chrt (nice 19 where chrt is missing),
// inherited by every process they start. They use only the processor time the tests leave, most of it while the browser
// chain keeps a core partly idle, instead of taking a core from the other tests for two minutes (decision 031). Their
// tests run last (BuildsCollection) and wait for them; what each test checks is unchanged.
public static partial class BackgroundBuilds
{
    private static readonly Lazy<ReadmeRun> ReadmeRunning = new(ReadmeRun.Start);
    private static readonly Lazy<Task<Published>> PublishRunning = new(() => Task.Run(PublishAsync));

    static BackgroundBuilds() => AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUp();

    // The README command, started on a fresh copy.
    public static ReadmeRun Readme => ReadmeRunning.Value;

    // The app published as the Dockerfile publishes it.
    public static Task<Published> Publish => PublishRunning.Value;

    // Called by the collection orderer when the run has tests of BuildsCollection; a test that asks first starts them too.
    public static void Start()
    {
        _ = Readme;
        _ = Publish;
    }

    public sealed record Published(int ExitCode, string Output, string Directory);

    [GeneratedRegex(@"\*\*Run the app\*\*[^|]*\|\s*`([^`]+)`")]
    private static partial Regex RunCommandRow();

    // The README's run command, read from the README itself.
    public static string ReadmeRunCommand()
    {
        var readme = File.ReadAllText(Path.Combine(PublishedAppFixture.RepositoryRoot(), "README.md"));
        var match = RunCommandRow().Match(readme);
        Assert.True(match.Success, "README.md không có dòng **Run the app** với lệnh trong dấu `.");
        return match.Groups[1].Value;
    }

    private static async Task<Published> PublishAsync()
    {
        // After the README copy's build, so that two builds never run at once (but not after a build that hangs).
        await Task.WhenAny(Readme.BuiltOrEnded, Task.Delay(TimeSpan.FromMinutes(10)));
        var directory = Path.Combine(Path.GetTempPath(), "hoctap-publish", Guid.NewGuid().ToString("N"));
        var info = AtIdlePriority("dotnet", ["publish", "App/HocTapSuotDoi.csproj", "-c", "Release", "-o", directory, "--nologo"]);
        info.WorkingDirectory = PublishedAppFixture.RepositoryRoot();
        var (code, output) = await RunAsync(info, TimeSpan.FromMinutes(15));
        return new Published(code, output, directory);
    }

    // The program at SCHED_IDLE priority (or nice 19), with the compiler in the build's own processes (not a compiler
    // server another build may have started at normal priority).
    public static ProcessStartInfo AtIdlePriority(string program, IEnumerable<string> arguments)
    {
        var info = File.Exists("/usr/bin/chrt") ? new ProcessStartInfo("/usr/bin/chrt", ["--idle", "0", program])
            : File.Exists("/usr/bin/nice") ? new ProcessStartInfo("/usr/bin/nice", ["-n", "19", program])
            : new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return info;
    }

    // Runs a program to its end (killed after the timeout) and returns its exit code with what it wrote.
    public static async Task<(int Code, string Output)> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{info.FileName} {string.Join(' ', info.ArgumentList)}: quá {timeout.TotalMinutes} phút.\n" + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    // Whatever a test did not get to: the README app stopped, the copies removed.
    private static void CleanUp()
    {
        if (ReadmeRunning.IsValueCreated)
        {
            ReadmeRunning.Value.Stop();
        }
        if (PublishRunning.IsValueCreated && PublishRunning.Value is { IsCompletedSuccessfully: true, Result.Directory: var directory })
        {
            DeleteFolder(directory);
        }
    }

    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held: left in the temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

// The README's run command running on a fresh copy of the repository (the files git knows, as a clone has them).
public sealed class ReadmeRun
{
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource _builtOrEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReadmeRun(string clone) => Clone = clone;

    public string Clone { get; }

    public Process Process { get; private set; } = default!;

    // Done when the host has started ("Content root path" is the last line it writes) or the command has ended.
    public Task BuiltOrEnded => _builtOrEnded.Task;

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    // The address the app listens on, as it logged it (it is given port 0: the copy builds for minutes, and a port chosen
    // free at the start could be taken by then).
    public string? Url => Regex.Match(Log(), @"Now listening on: (http://\S+)") is { Success: true } m ? m.Groups[1].Value : null;

    public static ReadmeRun Start()
    {
        var run = new ReadmeRun(Path.Combine(Path.GetTempPath(), "hoctap-readme", Guid.NewGuid().ToString("N")));
        CopyRepository(PublishedAppFixture.RepositoryRoot(), run.Clone);
        var info = BackgroundBuilds.AtIdlePriority("bash", ["-c", BackgroundBuilds.ReadmeRunCommand()]);
        info.WorkingDirectory = run.Clone;
        // Only the port differs from a user's machine (the suite may run next to an app on 5080).
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        run.Process = Process.Start(info)!;
        run.Process.OutputDataReceived += (_, e) => run.Append(e.Data);
        run.Process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        run.Process.Exited += (_, _) => run._builtOrEnded.TrySetResult();
        run.Process.EnableRaisingEvents = true;
        run.Process.BeginOutputReadLine();
        run.Process.BeginErrorReadLine();
        if (run.Process.HasExited)
        {
            run._builtOrEnded.TrySetResult();
        }
        return run;
    }

    public void Stop()
    {
        try
        {
            if (Process is { HasExited: false })
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        BackgroundBuilds.DeleteFolder(Clone);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
        if (line.Contains("Content root path:", StringComparison.Ordinal))
        {
            _builtOrEnded.TrySetResult();
        }
    }

    // What a clone has: the files git tracks plus new ones it would add (so uncommitted work is tested too), no bin/obj/data.
    private static void CopyRepository(string root, string target)
    {
        var list = new ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        };
        using var git = Process.Start(list)!;
        var files = git.StandardOutput.ReadToEnd().Split('\0', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        foreach (var file in files)
        {
            var source = Path.Combine(root, file);
            if (!File.Exists(source))
            {
                continue; // deleted in the work tree, not yet committed
            }
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }
    }
}
