using System.Diagnostics;

namespace HocTapSuotDoi.Tests.Features.Documents;

// A document as a person sees it: converted to PDF by LibreOffice headless (each run with its own profile folder), read
// back with pdftotext -layout, page 1 rendered with pdftoppm. .ci/run installs the three tools.
public static class LibreOffice
{
    // Set to a folder (e.g. docs/screens) to keep page 1 of every converted document as a PNG there.
    public const string ScreensVariable = "HOCTAP_SCREENS";

    public static string ToPdf(byte[] content, string fileName)
    {
        var folder = Directory.CreateTempSubdirectory("hoctap-lo-").FullName;
        var input = Path.Combine(folder, fileName);
        File.WriteAllBytes(input, content);
        if (Path.GetExtension(fileName) == ".pdf")
        {
            return input;
        }
        var profile = new Uri(Path.Combine(folder, "profile")).AbsoluteUri;
        Run("soffice", TimeSpan.FromMinutes(3), $"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, input);
        var pdf = Path.ChangeExtension(input, ".pdf");
        Assert.True(File.Exists(pdf), $"LibreOffice không tạo được {Path.GetFileName(pdf)}.");
        return pdf;
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
        Assert.True(process.ExitCode == 0, $"{program} trả về {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
