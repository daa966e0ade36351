using Bunit;
using HocTapSuotDoi.Features.Registers.Excel;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static HocTapSuotDoi.Tests.Features.Registers.Excel.ExcelTestFiles;

namespace HocTapSuotDoi.Tests.Features.Registers.Excel;

// The import page rendered with the app's real import service (real SQLite database of a test app), as the administrator.
public sealed class ImportPageTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly PageTestContext _ctx = new();
    private IServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _services = await _ctx.SignInAsync(app, Admin);
    }

    private IRenderedComponent<ImportPage> Upload(string fileName, byte[] content)
    {
        _ctx.Render<MudPopoverProvider>();
        var page = _ctx.Render<ImportPage>();
        page.WaitForAssertion(() => Assert.Contains("Hộ gia đình và nhân khẩu", page.Markup));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, fileName));
        return page;
    }

    [Fact]
    public async Task The_preview_lists_every_error_with_its_row_and_column_and_offers_no_import()
    {
        var before = await app.CountsAsync();
        var lines = Enumerable.Range(0, 20).Select(_ => new Line(Code(), "Thôn Tân Hòa", Name())).ToList();
        lines[3] = lines[3] with { Sex = "Namm" };
        lines[10] = lines[10] with { Village = "Thôn Không Có" };
        lines[17] = lines[17] with { Relation = "" };

        var page = Upload("ho-gia-dinh.xlsx", Households(lines).ToArray());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#row-errors")), Wait);
        Assert.Contains("Tệp ho-gia-dinh.xlsx có 3 lỗi trong 20 dòng dữ liệu. Chưa ghi gì vào sổ", page.Find("#errors-summary").TextContent);
        var errors = page.FindAll("#row-errors tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Dòng 5, cột \"Giới tính\": \"Namm\" không phải là giá trị hợp lệ (Nam, Nữ)",
            "Dòng 12, cột \"Thôn\": \"Thôn Không Có\" không phải là thôn của xã (ghi tên thôn, ví dụ \"Thôn Tân Hòa\", hoặc mã thôn, ví dụ \"T01\").",
            "Dòng 19, cột \"Quan hệ với chủ hộ\": Hãy chọn quan hệ với chủ hộ.",
        ], errors);
        Assert.Empty(page.FindAll("#commit-import"));
        Assert.Equal(before, await app.CountsAsync());
    }

    [Fact]
    public async Task A_valid_file_is_previewed_then_imported_on_request()
    {
        var head = new Line(Code(), "T01", Name());
        var lines = new[] { head, head.Member("Trần Thị Thu", "Vợ/Chồng", "Nữ", "1983"), new Line(Code(), "T02", Name()) };
        var before = await app.CountsAsync();

        var page = Upload("ho.xlsx", Households(lines).ToArray());

        page.WaitForAssertion(() => Assert.Contains("Sẽ thêm 2 hộ, 3 nhân khẩu vào sổ.", page.Find("#preview-ok").TextContent), Wait);
        Assert.Equal(before, await app.CountsAsync());
        await page.Find("#commit-import").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Đã nhập 2 hộ, 3 nhân khẩu vào sổ từ tệp ho.xlsx.", page.Find("#import-done").TextContent), Wait);
        var after = await app.CountsAsync();
        Assert.Equal((before.Households + 2, before.People + 3), (after.Households, after.People));
        Assert.Empty(page.FindAll("#commit-import"));
    }

    [Fact]
    public void A_file_that_is_not_xlsx_gets_its_message()
    {
        var page = Upload("danh-sach.csv", "Mã hộ,Thôn\nT01-0001,Thôn Tân Hòa"u8.ToArray());

        page.WaitForAssertion(() => Assert.Equal(
            "Không nhập được tệp danh-sach.csv. Tệp không phải là tệp Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu vào đó rồi tải lên. Chưa ghi gì vào sổ.",
            page.Find("#file-error").TextContent.Trim()), Wait);
    }

    [Fact]
    public void The_template_link_follows_the_chosen_kind()
    {
        _ctx.Render<MudPopoverProvider>();
        var page = _ctx.Render<ImportPage>();
        page.WaitForAssertion(() => Assert.Equal("/mau-excel/ho-gia-dinh", page.Find("#download-template").GetAttribute("href")));
        page.InvokeAsync(() => page.FindComponent<MudSelect<ImportKind>>().Instance.ValueChanged.InvokeAsync(ImportKind.Units));
        page.WaitForAssertion(() => Assert.Equal("/mau-excel/don-vi", page.Find("#download-template").GetAttribute("href")));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
    }
}
