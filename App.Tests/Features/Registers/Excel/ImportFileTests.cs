using System.IO.Compression;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// Files that cannot be imported at all get one clear Vietnamese message, and nothing is written.
public sealed class ImportFileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string?> FileErrorAsync(ImportKind kind, Stream file)
    {
        var before = await app.CountsAsync();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var preview = await import.PreviewAsync(kind, file);
        Assert.False(preview.CanCommit);
        Assert.Empty(preview.Errors);
        Assert.Equal(before, await app.CountsAsync());
        return preview.FileError;
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        Assert.Equal("Tệp rỗng (0 byte): không có gì để nhập.", await FileErrorAsync(ImportKind.Households, new MemoryStream()));
    }

    [Fact]
    public async Task A_file_that_is_not_an_Excel_workbook_is_refused()
    {
        var text = new MemoryStream("Mã hộ;Thôn;Chủ hộ\nT01-0001;Thôn Tân Hòa;Nguyễn Văn An"u8.ToArray());
        Assert.Equal("Tệp không phải là tệp Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu vào đó rồi tải lên.",
            await FileErrorAsync(ImportKind.Households, text));
    }

    [Fact]
    public async Task An_old_xls_file_is_refused_with_a_hint_to_save_as_xlsx()
    {
        var xls = new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        Assert.StartsWith("Đây là tệp Excel 97–2003 (.xls).", await FileErrorAsync(ImportKind.Units, xls));
    }

    [Fact]
    public async Task A_corrupt_workbook_is_refused()
    {
        var truncated = Households([new Line(Code(), "Thôn Tân Hòa", Name())]).ToArray()[..600];
        Assert.StartsWith("Tệp Excel bị hỏng hoặc không đọc được.", await FileErrorAsync(ImportKind.Households, new MemoryStream(truncated)));

        var zipWithoutWorkbook = new MemoryStream();
        using (var zip = new ZipArchive(zipWithoutWorkbook, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            writer.Write("không phải bảng tính");
        }
        zipWithoutWorkbook.Position = 0;
        Assert.StartsWith("Tệp Excel bị hỏng hoặc không đọc được.", await FileErrorAsync(ImportKind.Clans, zipWithoutWorkbook));
    }

    [Fact]
    public async Task A_file_larger_than_30_MB_is_refused()
    {
        var bytes = new byte[ImportLimits.MaxBytes + 1];
        "PK\u0003\u0004"u8.CopyTo(bytes);
        var huge = new MemoryStream(bytes);
        Assert.Equal("Tệp lớn quá 30 MB. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.", await FileErrorAsync(ImportKind.Households, huge));
    }

    [Fact]
    public async Task A_file_with_only_the_header_row_is_refused()
    {
        Assert.Equal("Tệp chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào.", await FileErrorAsync(ImportKind.Clans, Xlsx(RegisterColumns.Clans, [])));
    }

    [Fact]
    public async Task Another_template_is_refused_naming_the_missing_and_unknown_columns()
    {
        var headers = RegisterColumns.Households.Where(h => h is not (RegisterColumns.Sex or RegisterColumns.NationalId)).Append("Dân tộc").ToList();
        var file = Xlsx(headers, [headers.Select(_ => (object?)"x").ToArray()]);

        Assert.Equal("Tệp không đúng mẫu hộ gia đình và nhân khẩu. Thiếu cột: \"Giới tính\", \"Số CCCD\". Cột không có trong mẫu: \"Dân tộc\". "
            + "Hãy tải tệp mẫu và giữ nguyên dòng tiêu đề (dòng 1).", await FileErrorAsync(ImportKind.Households, file));
    }

    [Fact]
    public async Task A_units_file_uploaded_as_clans_is_refused()
    {
        var file = Xlsx(RegisterColumns.Units, [["CB", "Chi bộ", "Khác", "", "", "", 3, ""]]);
        var error = await FileErrorAsync(ImportKind.Clans, file);
        Assert.StartsWith("Tệp không đúng mẫu dòng họ. Thiếu cột: \"Tên dòng họ\", \"Trưởng họ\", \"Ghi chú\", \"Mã hộ thành viên\".", error);
    }

    [Fact]
    public async Task Headers_are_matched_without_regard_to_case_or_diacritics()
    {
        var headers = RegisterColumns.Clans.Select(h => VietnameseText.SearchKey(h).ToUpperInvariant()).ToList();
        var (scope, import) = await app.ServiceAsync<RegisterImportService>(Admin);
        await using var _ = scope;
        var preview = await import.PreviewClansAsync(Xlsx(headers, [["Họ Đinh Thử", "Đinh Văn Một", "", "", ""]]));
        Assert.True(preview.CanCommit, preview.FileError);
    }
}
