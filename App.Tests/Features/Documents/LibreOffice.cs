using System.Diagnostics;

namespace HocTapSuotDoi.Tests.Features.Documents;

// A document as a person sees it: converted to PDF by LibreOffice headless, read back with pdftotext -layout, page 1
// rendered with pdftoppm. .ci/run installs the tools.
//
// One LibreOffice runs for the whole test process (a listener on a named pipe with its own profile folder) and each
// conversion is a short python3-uno call to it: a cold `soffice --convert-to pdf` costs about 3,4 s of processor time, a
// conversion by the running listener about 0,1 s. Conversions go one at a time. The export filters are the ones
// `--convert-to pdf` picks (writer_pdf_Export, calc_pdf_Export), so the PDF is the same. When the listener cannot be
// used (no python3-uno), or a conversion by it fails, the document is converted the cold way, so the check still runs.
public static class LibreOffice
{
    // Set to a folder (e.g. docs/screens) to keep page 1 of every converted document as a PNG there.
    public const string ScreensVariable = "HOCTAP_SCREENS";

    // Debian's python3 has the uno module (python3-uno); a python3 earlier on PATH (pyenv) may not.
    private const string Python = "/usr/bin/python3";

    private const string ClientScript = """
        import os, sys, time, uno
        from com.sun.star.beans import PropertyValue

        def prop(name, value):
            p = PropertyValue()
            p.Name = name
            p.Value = value
            return p

        pipe, source, target = sys.argv[1:4]
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 120
        while True:
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                                (prop("Hidden", True), prop("ReadOnly", True)))
        if document is None:
            sys.exit("LibreOffice could not open " + source)
        try:
            spreadsheet = document.supportsService("com.sun.star.sheet.SpreadsheetDocument")
            export = "calc_pdf_Export" if spreadsheet else "writer_pdf_Export"
            document.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", export),))
        finally:
            document.close(True)
        # Out without the interpreter's teardown: python3-uno was seen to crash there (exit 139 after the PDF was written,
        # 1 first conversion in 4 on a loaded machine), which sent the rest of the run the cold way.
        sys.stdout.flush()
        os._exit(0)
        """;

    private static readonly object Gate = new();
    private static Process? _listener;
    private static string? _pipe;
    private static string? _script;
    private static bool _listenerUnusable;

    // Every conversion has a folder of its own under one folder of the test process, which goes when the process exits
    // (a run used to leave about twenty folders behind in the temporary folder).
    private static readonly Lazy<string> Conversions = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("hoctap-lo-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held: the folder stays in the temporary folder.
            }
        };
        return root;
    });

    public static string ToPdf(byte[] content, string fileName)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Conversions.Value, Guid.NewGuid().ToString("N"))).FullName;
        var input = Path.Combine(folder, fileName);
        File.WriteAllBytes(input, content);
        if (Path.GetExtension(fileName) == ".pdf")
        {
            return input;
        }
        var pdf = Path.ChangeExtension(input, ".pdf");
        lock (Gate)
        {
            if (!ConvertByListener(input, pdf))
            {
                var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
                Run("soffice", TimeSpan.FromMinutes(3), $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, input);
            }
        }
        Assert.True(File.Exists(pdf), $"LibreOffice không tạo được {Path.GetFileName(pdf)}.");
        return pdf;
    }

    // Called under Gate. False when the document must be converted the cold way.
    private static bool ConvertByListener(string input, string pdf)
    {
        if (_listenerUnusable || !File.Exists(Python))
        {
            return false;
        }
        // A failed conversion is tried once more on a new listener before the rest of the run goes the cold way.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            try
            {
                StartListener();
                File.Delete(pdf);
                var (exitCode, error) = TryRun(Python, TimeSpan.FromMinutes(2), _script!, _pipe!, input, pdf);
                if (exitCode == 0 && File.Exists(pdf))
                {
                    return true;
                }
                Console.Error.WriteLine($"LibreOffice (listener) could not convert {Path.GetFileName(input)} (exit {exitCode}): {error}");
            }
            catch (TimeoutException e)
            {
                Console.Error.WriteLine($"LibreOffice (listener) timed out on {Path.GetFileName(input)}: {e.Message}");
            }
            StopListener();
        }
        _listenerUnusable = true;
        return false;
    }

    private static void StartListener()
    {
        if (_listener is { HasExited: false })
        {
            return;
        }
        var folder = Directory.CreateTempSubdirectory("hoctap-lo-listener-").FullName;
        _script = Path.Combine(folder, "convert.py");
        File.WriteAllText(_script, ClientScript);
        _pipe = $"hoctap-tests-{Environment.ProcessId}-{Path.GetFileName(folder)}";
        var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
        // A watchdog outside the test process's tree (started by a subshell that exits at once, in its own session): when
        // the test process is gone, however it ended, it ends LibreOffice by its profile, which no other LibreOffice has.
        // Without it a listener was seen left behind, idle and holding ≈ 200 MB, after several runs: the exit handler does
        // not always get to finish.
        var watchdog = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; pkill -KILL -f 'soffice[.]bin -env:UserInstallation={profile}'";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"(setsid sh -c \"{watchdog}\" </dev/null >/dev/null 2>&1 &); exec soffice \"$@\"");
        start.ArgumentList.Add("sh");
        foreach (var argument in new[] { $"-env:UserInstallation={profile}", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck", $"--accept=pipe,name={_pipe};urp;" })
        {
            start.ArgumentList.Add(argument);
        }
        _listener = Process.Start(start) ?? throw new InvalidOperationException("Không chạy được soffice.");
        _listener.OutputDataReceived += (_, _) => { };
        _listener.ErrorDataReceived += (_, _) => { };
        _listener.BeginOutputReadLine();
        _listener.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    private static void StopOnExit(object? sender, EventArgs e)
    {
        lock (Gate)
        {
            StopListener();
        }
    }

    private static void StopListener()
    {
        if (_listener is null)
        {
            return;
        }
        try
        {
            if (!_listener.HasExited)
            {
                _listener.Kill(entireProcessTree: true);
                _listener.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _listener.Dispose();
        _listener = null;
        try
        {
            Directory.Delete(Path.GetDirectoryName(_script!)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the folder stays in the temporary folder.
        }
    }

    public static string Text(string pdf) => Run("pdftotext", TimeSpan.FromMinutes(1), "-layout", "-enc", "UTF-8", pdf, "-");

    public static string[] Lines(string pdf) => Text(pdf).Split('\n').Select(l => l.TrimEnd()).ToArray();

    // The text as one line of single spaces (the non-breaking space before % too), so a sentence reads whole wherever
    // the page wrapped or justified it.
    public static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00A0', ' '), @"\s+", " ");

    // The steering committee's own papers: the commune above it, its name in full on three lines, each line whole
    // (a word pushed to a line of its own means the column is too narrow), never "XHHT".
    public static void AssertCommitteeHeader(string[] lines)
    {
        // pdftotext -layout puts the two header columns on one line, three or more spaces apart.
        var left = lines.Take(8).Select(l => System.Text.RegularExpressions.Regex.Split(l.Trim(), @"\s{3,}")[0]).ToList();
        var shown = string.Join('\n', lines.Take(8));
        Assert.True(left.Any(l => l.StartsWith("UBND XÃ ", StringComparison.Ordinal)), shown);
        var at = left.IndexOf("BAN CHỈ ĐẠO");
        Assert.True(at >= 0 && at + 2 < left.Count, shown);
        Assert.Equal(["XÂY DỰNG XÃ HỘI", "HỌC TẬP"], left.Skip(at + 1).Take(2));
        Assert.DoesNotContain(lines, l => l.Contains("XHHT", StringComparison.Ordinal));
    }

    public static int Pages(string pdf) => Text(pdf).Count(c => c == '\f');

    // Page 1 as <name>.png in the folder named by HOCTAP_SCREENS, when it is set.
    public static void KeepFirstPage(string pdf, string name)
    {
        var folder = Environment.GetEnvironmentVariable(ScreensVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }
        Directory.CreateDirectory(folder);
        Run("pdftoppm", TimeSpan.FromMinutes(1), "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(Path.GetFullPath(folder), name));
    }

    private static string Run(string program, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, error, output) = Execute(program, timeout, arguments);
        Assert.True(exitCode == 0, $"{program} trả về {exitCode}: {error}");
        return output;
    }

    private static (int ExitCode, string Error) TryRun(string program, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, error, _) = Execute(program, timeout, arguments);
        return (exitCode, error);
    }

    private static (int ExitCode, string Error, string Output) Execute(string program, TimeSpan timeout, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Không chạy được {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} chạy quá {timeout.TotalSeconds} giây.");
        }
        return (process.ExitCode, error.Result, output.Result);
    }
}
