using Bunit;
using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring.ResultsImport;
using HocTapSuotDoi.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace HocTapSuotDoi.Tests.Features.Scoring.ResultsImport;

public sealed class ResultsPreviewViewTests : IAsyncLifetime
{
    private readonly PageTestContext _ctx = new();

    private IRenderedComponent<ResultsPreviewView> Render(ResultsPreview preview, bool mayOverwrite, Action<string?> onWrite) =>
        _ctx.Render<ResultsPreviewView>(p => p.Add(x => x.Preview, preview).Add(x => x.MayOverwrite, mayOverwrite)
            .Add(x => x.OnWrite, EventCallback.Factory.Create<string?>(this, onWrite)));

    [Fact]
    public void A_file_with_errors_lists_them_and_offers_no_write()
    {
        var view = Render(new ResultsPreview
        {
            Title = Title.FamilyLearning, Year = 2026, FileName = "tan-hoa.xlsx", Rows = 40,
            Errors = ["Dòng 17, hộ Lê Văn Thử (T03-0012), tiêu chí 1.2: điểm 12 vượt quá tối đa 10."],
        }, true, _ => Assert.Fail("Không được ghi"));
        Assert.Contains("Tệp tan-hoa.xlsx có 1 lỗi trong 40 dòng. Chưa ghi gì", view.Find("#results-errors-summary").TextContent);
        Assert.Contains("Dòng 17, hộ Lê Văn Thử (T03-0012), tiêu chí 1.2: điểm 12 vượt quá tối đa 10.", view.Find("#results-errors").TextContent);
        Assert.Empty(view.FindAll("#results-write"));
    }

    [Fact]
    public async Task Overwriting_approved_sheets_must_be_ticked_and_explained()
    {
        var written = "chưa bấm";
        var preview = new ResultsPreview
        {
            Title = Title.FamilyLearning, Year = 2026, FileName = "tan-hoa.xlsx", Rows = 2, Unchanged = 1,
            ProtectedRows = ["Dòng 3, hộ Lê Văn Thử (T03-0012): hồ sơ đang ở trạng thái \"Đã duyệt\", tệp đổi 1 giá trị."],
        };
        var view = Render(preview, true, reason => written = reason);
        Assert.Contains("1 hồ sơ đã duyệt hoặc đã có quyết định", view.Find("#results-protected-summary").TextContent);
        await view.ClickOnRendererAsync("#results-write");
        Assert.Null(written);

        await view.ChangeOnRendererAsync("#results-overwrite input[type=checkbox], input#results-overwrite", true);
        Assert.True(view.Find("#results-write").HasAttribute("disabled"));
        await view.InputOnRendererAsync("#results-overwrite-reason textarea, textarea#results-overwrite-reason", "Biên bản phúc tra ngày 02/12");
        await view.ClickOnRendererAsync("#results-write");
        Assert.Equal("Biên bản phúc tra ngày 02/12", written);

        // A scorer sees the kept sheets, not the choice.
        Assert.Empty(Render(preview, false, _ => { }).FindAll("#results-overwrite"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
