namespace HocTapSuotDoi.Common;

// A file a person uploaded (scoring evidence, a plan task's attachment, a story's photo): kept under the data folder
// with a generated name, never the uploaded one, and served only through an endpoint that checks the reader. Each
// feature's row adds what it belongs to (evaluation and criterion, task, story).
public abstract class StoredFile
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string StoredName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAtUtc { get; set; }
}

public static class StoredFiles
{
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    // The documents people attach: PDF, photos, Word and Excel, by extension.
    public static readonly IReadOnlyDictionary<string, string> DocumentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png",
        [".docx"] = Downloads.DocxType,
        [".xlsx"] = Downloads.XlsxType,
    };

    // The content type of an attached document, or a Vietnamese refusal; `what` names one file in the size message
    // ("mỗi tệp minh chứng tối đa 10 MB").
    public static string DocumentType(string fileName, long size, string what = "tệp")
    {
        if (!DocumentTypes.TryGetValue(Path.GetExtension(fileName), out var contentType))
        {
            throw new ValidationException(NotADocument(fileName));
        }
        if (size is <= 0 or > MaxDocumentBytes)
        {
            throw new ValidationException($"Tệp \"{fileName}\" {(size <= 0 ? "trống" : "quá lớn")}: mỗi {what} tối đa 10 MB.");
        }
        return contentType;
    }

    // For a form validator: the same accepted types and the same refusal as DocumentType.
    public static bool IsDocument(string? fileName) => DocumentTypes.ContainsKey(Path.GetExtension(fileName ?? ""));

    public static string NotADocument(string? fileName) =>
        $"Tệp \"{fileName}\" không được nhận: chỉ nhận PDF, ảnh JPG/PNG, Word (.docx) hoặc Excel (.xlsx).";

    // Writes the content under the folder with a generated name keeping the extension; returns that name.
    public static async Task<string> WriteAsync(string folder, string extension, Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var stored = Guid.NewGuid().ToString("N") + extension.ToLowerInvariant();
        await using var file = File.Create(Path.Combine(folder, stored));
        await content.CopyToAsync(file, ct);
        return stored;
    }

    // The columns every stored file has, the same lengths for every feature's table.
    public static void MapStoredFile<T>(this EntityTypeBuilder<T> e) where T : StoredFile
    {
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.StoredName).HasMaxLength(100);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}
