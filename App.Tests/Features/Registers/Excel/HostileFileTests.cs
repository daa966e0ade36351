using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using HocTapSuotDoi.Features.Registers.Excel;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// Small files made to hurt the server: each is refused quickly with a Vietnamese message,
// before MiniExcel reads it. The files are built here, byte by byte, as an attacker would.
public sealed class HostileFileTests
{
    private static readonly string[] Headers = [.. RegisterColumns.Units];

    private static Task<SheetContent> ReadAsync(Stream file, CancellationToken ct = default) =>
        ExcelSheetReader.ReadAsync(file, Headers, "đơn vị", null, ct);

    [Fact]
    public async Task A_sheet_declaring_every_row_and_column_of_Excel_is_refused_at_once()
    {
        var bomb = Workbook("""<dimension ref="A1:XFD1048576"/>""", Row(1, Headers) + Row(1_048_576, ["CB"]));
        Assert.True(bomb.Length < 4096, "the attack file is a few KB");

        var (content, elapsed) = await TimedAsync(() => ReadAsync(bomb));

        Assert.Equal(XlsxGuard.TooManyColumns, content.Error);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"refused in {elapsed}");
    }

    [Fact]
    public async Task A_row_far_below_a_harmless_dimension_is_refused_the_dimension_is_not_trusted()
    {
        var bomb = Workbook("""<dimension ref="A1:H2"/>""", Row(1, Headers) + Row(1_048_576, ["CB"]));

        var (content, elapsed) = await TimedAsync(() => ReadAsync(bomb));

        Assert.Equal("Tệp có hơn 150.000 dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.", content.Error);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"refused in {elapsed}");
    }

    [Fact]
    public void A_district_sized_sheet_passes_and_one_row_more_is_refused()
    {
        var header = Row(1, Headers);
        Assert.Null(XlsxGuard.Check(Workbook("", header + Row(ImportLimits.MaxRows + 1, ["CB"])), CancellationToken.None));
        Assert.Equal(XlsxGuard.TooManyRows, XlsxGuard.Check(Workbook("", header + Row(ImportLimits.MaxRows + 2, ["CB"])), CancellationToken.None));
    }

    [Fact]
    public async Task A_cell_far_to_the_right_is_refused()
    {
        var wide = Workbook("", Row(1, Headers) + """<row r="2"><c r="ZZZ2" t="inlineStr"><is><t>x</t></is></c></row>""");
        Assert.Equal(XlsxGuard.TooManyColumns, (await ReadAsync(wide)).Error);
    }

    [Fact]
    public async Task A_huge_shared_string_is_refused_without_being_read_into_memory()
    {
        // 40 million characters compress to a few KB; the guard stops after 32.767 of them.
        var strings = new MemoryStream();
        using (var zip = new ZipArchive(strings, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddParts(zip, "", Row(1, Headers) + """<row r="2"><c r="A2" t="s"><v>0</v></c></row>""");
            using var part = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Fastest).Open());
            part.Write("""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>""");
            var block = new string('a', 1 << 20);
            for (var i = 0; i < 40; i++)
            {
                part.Write(block);
            }
            part.Write("</t></si></sst>");
        }
        strings.Position = 0;
        Assert.True(strings.Length < 400 * 1024, $"the attack file is {strings.Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var (content, elapsed) = await TimedAsync(() => ReadAsync(strings));

        Assert.Equal(XlsxGuard.CellTooLong, content.Error);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"refused in {elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 40_000_000, "the string was never built");
    }

    [Fact]
    public void A_part_larger_than_allowed_once_unpacked_is_refused_whatever_its_header_says()
    {
        var big = new MemoryStream();
        using (var zip = new ZipArchive(big, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddParts(zip, "", Row(1, Headers) + "<row r=\"2\">" + new string(' ', 3 * 1024 * 1024) + "</row>");
        }
        big.Position = 0;

        Assert.Equal(XlsxGuard.PartTooLarge, XlsxGuard.Check(big, CancellationToken.None, maxPartBytes: 2 * 1024 * 1024));
        big.Position = 0;
        Assert.Null(XlsxGuard.Check(big, CancellationToken.None));
    }

    [Fact]
    public async Task Leaving_the_page_stops_reading_even_on_empty_rows()
    {
        var rows = Row(1, Headers) + string.Concat(Enumerable.Range(2, 50_000).Select(r => $"<row r=\"{r}\"/>"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAsync(Workbook("", rows), cancelled.Token));
    }

    [Fact]
    public async Task Reading_stops_with_a_message_when_it_takes_too_long()
    {
        var rows = Row(1, Headers) + string.Concat(Enumerable.Range(2, 50_000).Select(r => $"<row r=\"{r}\"/>"));

        var content = await ExcelSheetReader.ReadAsync(Workbook("", rows), Headers, "đơn vị", null, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(ExcelSheetReader.TooSlow, content.Error);
    }

    [Fact]
    public async Task A_password_protected_workbook_is_not_called_an_old_xls()
    {
        var encrypted = await ReadAsync(new MemoryStream(EncryptedCompoundFile()));
        Assert.Equal(XlsxGuard.Encrypted, encrypted.Error);
        Assert.StartsWith("Tệp được đặt mật khẩu", encrypted.Error);

        var oldXls = await ReadAsync(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));
        Assert.StartsWith("Đây là tệp Excel 97–2003 (.xls).", oldXls.Error);
    }

    private static async Task<(SheetContent Content, TimeSpan Elapsed)> TimedAsync(Func<Task<SheetContent>> read)
    {
        var watch = Stopwatch.StartNew();
        var content = await read();
        return (content, watch.Elapsed);
    }

    private static string Row(int number, IEnumerable<string> texts) =>
        $"<row r=\"{number}\">" + string.Concat(texts.Select((t, i) => $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{t}</t></is></c>")) + "</row>";

    private static MemoryStream Workbook(string dimension, string rows)
    {
        var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddParts(zip, dimension, rows);
        }
        file.Position = 0;
        return file;
    }

    private static void AddParts(ZipArchive zip, string dimension, string rows)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Add(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Add(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Add(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Add(zip, "xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">{dimension}<sheetData>{rows}</sheetData></worksheet>""");
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    // What Excel writes for "Encrypt with password": an OLE compound file (header, then a directory sector) whose
    // directory names the streams EncryptionInfo and EncryptedPackage.
    private static byte[] EncryptedCompoundFile()
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BitConverter.GetBytes((ushort)0x003E).CopyTo(file, 24);
        BitConverter.GetBytes((ushort)0x0003).CopyTo(file, 26);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(file, 28);
        BitConverter.GetBytes((ushort)9).CopyTo(file, 30);
        string[] names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"];
        for (var i = 0; i < names.Length; i++)
        {
            var entry = 512 + i * 128;
            var name = Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(file, entry);
            BitConverter.GetBytes((ushort)name.Length).CopyTo(file, entry + 64);
            file[entry + 66] = (byte)(i == 0 ? 5 : 2);
        }
        return file;
    }
}
