using FluentValidation;
using HocTapSuotDoi.Features.Decisions;
using HocTapSuotDoi.Features.Exemplary;
using HocTapSuotDoi.Features.Funding;
using HocTapSuotDoi.Tests.Features.Documents;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HocTapSuotDoi.Tests.Features.Funding;

// The settlement summary (.xlsx) and the honour list (.docx) of the demo year 2026, converted by LibreOffice and read
// back as a person reads them; with HOCTAP_SCREENS set, page 1 of each is kept as a PNG (docs/screens). Also the
// exemplary stories' photo checks.
public sealed class MoneyDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_settlement_summary_converts_with_vietnamese_money_and_every_source()
    {
        await using var scope = await app.AsUserAsync("xem@camtan.vn");
        var (content, name) = await scope.ServiceProvider.GetRequiredService<FundingService>().SettlementXlsxAsync(2026);
        Assert.Equal("quyet-toan-kinh-phi-2026.xlsx", name);

        var pdf = LibreOffice.ToPdf(content, name);
        LibreOffice.KeepFirstPage(pdf, "quyet-toan-kinh-phi");
        var lines = LibreOffice.Lines(pdf);
        Assert.Contains(lines, l => l.Contains("ỦY BAN NHÂN DÂN XÃ CẨM TÂN"));
        Assert.Contains(lines, l => l.Contains("Tổng hợp quyết toán kinh phí năm 2026 theo nguồn"));
        foreach (var source in Enum.GetValues<FundingSource>())
        {
            Assert.Contains(lines, l => l.Contains(FundingTexts.Source(source)));
        }
        // Ngân sách nhà nước 2026: dự toán 36.000.000, đã chi 25.800.000; the fund's closing balance of all sources 63.800.000.
        Assert.Contains(lines, l => l.Contains("36.000.000") && l.Contains("25.800.000"));
        Assert.Contains(lines, l => l.Contains("Cộng") && l.Contains("63.800.000"));
        Assert.Contains(lines, l => l.Contains("Em Nguyễn Thị Mai") && l.Contains("2.400.000"));
        Assert.Contains(lines, l => l.Contains("15/01/2026"));
    }

    [Fact]
    public async Task The_honour_list_converts_with_the_nation_on_one_line_stories_scholarships_and_the_signer()
    {
        await using var scope = await app.AsUserAsync("canbo@camtan.vn");
        var (content, name) = await scope.ServiceProvider.GetRequiredService<ExemplaryService>().HonourListDocxAsync(2026, "Trịnh Văn Chủ");

        var pdf = LibreOffice.ToPdf(content, name);
        LibreOffice.KeepFirstPage(pdf, "bang-vinh-danh");
        var lines = LibreOffice.Lines(pdf);
        Assert.True(lines.Any(l => l.Contains(DocumentTexts.Nation, StringComparison.Ordinal)), string.Join('\n', lines.Take(12)));
        Assert.Contains(lines, l => l.Contains(DocumentTexts.Motto));
        LibreOffice.AssertCommitteeHeader(lines);
        Assert.Contains(lines, l => l.Contains("BẢNG VINH DANH"));
        Assert.Contains(lines, l => l.Contains("Bà Hoàng Thị Lụa"));
        Assert.Contains(lines, l => l.Contains("Trường THCS Cẩm Tân"));
        Assert.Contains(lines, l => l.Contains("Em Nguyễn Thị Mai"));
        Assert.Contains(lines, l => l.Contains("2.400.000 đ"));
        Assert.Contains(lines, l => l.Contains("Cộng") && l.Contains("4 người") && l.Contains("7.800.000 đ"));
        Assert.Contains(lines, l => l.Contains("TRƯỞNG BAN"));
        Assert.Contains(lines, l => l.Contains("Trịnh Văn Chủ"));
        Assert.DoesNotContain(lines, l => l.Contains('{') || l.Contains('}'));
    }

    [Fact]
    public async Task Story_photos_must_be_real_jpg_or_png_images_of_at_most_5_MB()
    {
        await using var scope = await app.AsUserAsync("bcd@camtan.vn");
        var stories = scope.ServiceProvider.GetRequiredService<ExemplaryService>();
        var story = (await stories.ListAsync(2026)).Rows.First();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

        var id = await stories.AddPhotoAsync(story.Id, "lop-hoc.png", png.Length, new MemoryStream(png));
        Assert.Contains(id, (await stories.ListAsync(2026)).Rows.Single(s => s.Id == story.Id).PhotoIds);
        var (path, type) = await stories.PhotoAsync(id);
        Assert.Equal("image/png", type);
        Assert.Equal(png, File.ReadAllBytes(path));

        var renamed = await Assert.ThrowsAsync<ValidationException>(() => stories.AddPhotoAsync(story.Id, "anh.jpg", 20, new MemoryStream("đây không phải ảnh"u8.ToArray())));
        Assert.Equal("Tệp \"anh.jpg\" không phải ảnh JPG hợp lệ.", renamed.Message);
        var wrongType = await Assert.ThrowsAsync<ValidationException>(() => stories.AddPhotoAsync(story.Id, "bai-viet.pdf", 20, new MemoryStream(png)));
        Assert.Equal("Tệp \"bai-viet.pdf\" không được nhận: ảnh phải là JPG hoặc PNG.", wrongType.Message);
        var tooLarge = await Assert.ThrowsAsync<ValidationException>(() => stories.AddPhotoAsync(story.Id, "lon.png", ExemplaryService.MaxPhotoBytes + 1, new MemoryStream(png)));
        Assert.Equal("Ảnh \"lon.png\" quá lớn: mỗi ảnh tối đa 5 MB.", tooLarge.Message);

        await using var viewer = await app.AsUserAsync("xem@camtan.vn");
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            viewer.ServiceProvider.GetRequiredService<ExemplaryService>().AddPhotoAsync(story.Id, "lop-hoc.png", png.Length, new MemoryStream(png)));
    }
}
