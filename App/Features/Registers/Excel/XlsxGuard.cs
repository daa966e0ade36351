using System.IO.Compression;
using System.Text;
using System.Xml;

namespace HocTapSuotDoi.Features.Registers.Excel;

// Looks inside an uploaded .xlsx before MiniExcel reads it, so that a small hostile file cannot keep a core busy or
// fill the memory: every part is read through a counting stream (the declared sizes are not trusted), every string is
// measured in chunks before it is ever built, and the sheets' rows and columns (declared in <dimension> and actual)
// are bounded. Cancellation is checked on every row, empty ones included.
internal static class XlsxGuard
{
    public const long MaxPartBytes = 256L * 1024 * 1024;
    public const int MaxColumns = 256;
    public const int MaxCellChars = 32_767;
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static string TooManyRows => string.Create(VnTime.Culture,
        $"Tệp có hơn {ImportLimits.MaxRows:N0} dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn rồi nhập lần lượt.");

    public static readonly string TooManyColumns =
        $"Trang tính có cột vượt quá giới hạn {MaxColumns} cột. Hãy tải tệp mẫu, chép dữ liệu vào đó rồi tải lên lại.";

    public static readonly string PartTooLarge =
        "Nội dung tệp sau khi giải nén quá lớn (có thể tệp bị hỏng hoặc cố ý làm sai). Hãy chép dữ liệu sang tệp mẫu mới rồi tải lên lại.";

    public static readonly string CellTooLong =
        $"Tệp có ô chứa hơn {MaxCellChars:N0} ký tự, quá giới hạn của Excel. Hãy kiểm tra lại tệp rồi tải lên lại.";

    public const string Encrypted =
        "Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel hoặc LibreOffice, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu lại rồi tải lên.";

    // An encrypted .xlsx is an OLE compound file (like an old .xls) holding the streams EncryptionInfo and EncryptedPackage.
    public static bool IsEncrypted(ReadOnlySpan<byte> file) => file.IndexOf(EncryptedPackage) >= 0;

    // Null when the package is safe to hand to MiniExcel; otherwise the Vietnamese reason it is refused.
    public static string? Check(Stream package, CancellationToken ct, long maxPartBytes = MaxPartBytes)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
        var buffer = new char[4096];
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > maxPartBytes)
            {
                return PartTooLarge;
            }
            var name = entry.FullName.Replace('\\', '/').TrimStart('/');
            var isSheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
            var isStrings = name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
            if (!isSheet && !isStrings)
            {
                continue;
            }
            try
            {
                using var stream = new BoundedStream(entry.Open(), maxPartBytes);
                var problem = isSheet ? CheckSheet(stream, buffer, ct) : CheckStrings(stream, buffer, ct);
                if (problem is not null)
                {
                    return problem;
                }
            }
            catch (BoundedStream.LimitException)
            {
                return PartTooLarge;
            }
        }
        return null;
    }

    private static XmlReader Reader(Stream stream) =>
        XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = false });

    private static string? CheckSheet(Stream stream, char[] buffer, CancellationToken ct)
    {
        using var xml = Reader(stream);
        var rowNumber = 0;
        var cells = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (xml.LocalName)
            {
                case "dimension" when xml.GetAttribute("ref") is { } range:
                    var last = range.Split(':')[^1];
                    if (Column(last) > MaxColumns)
                    {
                        return TooManyColumns;
                    }
                    if (Row(last) > ImportLimits.MaxRows + 1)
                    {
                        return TooManyRows;
                    }
                    break;
                case "row":
                    ct.ThrowIfCancellationRequested();
                    rowNumber = int.TryParse(xml.GetAttribute("r"), out var r) ? r : rowNumber + 1;
                    cells = 0;
                    if (rowNumber > ImportLimits.MaxRows + 1)
                    {
                        return TooManyRows;
                    }
                    break;
                case "c" when ++cells > MaxColumns || (xml.GetAttribute("r") is { } cell && Column(cell) > MaxColumns):
                    return TooManyColumns;
                case "v" or "t" or "f" when TextTooLong(xml, buffer):
                    return CellTooLong;
            }
        }
        return null;
    }

    private static string? CheckStrings(Stream stream, char[] buffer, CancellationToken ct)
    {
        using var xml = Reader(stream);
        var count = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t")
            {
                if (++count % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                if (TextTooLong(xml, buffer))
                {
                    return CellTooLong;
                }
            }
        }
        return null;
    }

    // Reads the element's text in chunks, stopping as soon as it is longer than a cell may be: nothing is allocated
    // beyond one small buffer, however long the text.
    private static bool TextTooLong(XmlReader xml, char[] buffer)
    {
        if (xml.IsEmptyElement || !xml.Read() || xml.NodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
        {
            return false;
        }
        var total = 0;
        int read;
        while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > MaxCellChars)
            {
                return true;
            }
        }
        return false;
    }

    // "XFD1048576" → column 16384; "B" → 2. Letters beyond three are treated as beyond any bound.
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
            {
                column = column > 100_000 ? column : column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
            }
            else
            {
                break;
            }
        }
        return column;
    }

    private static long Row(string reference)
    {
        var digits = new string(reference.SkipWhile(char.IsLetter).TakeWhile(char.IsDigit).ToArray());
        return digits.Length is > 0 and < 12 ? long.Parse(digits, CultureInfo.InvariantCulture) : digits.Length == 0 ? 0 : long.MaxValue;
    }

    // A read-only stream that throws once more than the limit has come through it, whatever the zip entry declared.
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public sealed class LimitException : Exception;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            return _read > limit ? throw new LimitException() : n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
