using System.Net;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HocTapSuotDoi.Features.Scoring;

// The three questions the scoring page asks: a reason, which of two values to keep, and why a change was not saved.
public static class ScoringDialogs
{
    /// <summary>The reason typed, trimmed; null when the person cancelled.</summary>
    public static async Task<string?> AskReasonAsync(this IDialogService dialogs, string title)
    {
        var dialog = await dialogs.ShowAsync<ReasonDialog>(title);
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    /// <summary>
    /// True to keep the person's value over the sheet saved meanwhile; nothing is overwritten until they choose. The
    /// dialog lists what changed (<paramref name="changes"/>), then the person's value beside the one stored for the item.
    /// </summary>
    public static async Task<bool> KeepMineAsync(this IDialogService dialogs, ScoringConflictException conflict, IReadOnlyList<string> changes, StoredAnswer mine) =>
        await dialogs.ShowMessageBoxAsync("Hồ sơ vừa được người khác sửa",
            (MarkupString)($"Trong lúc bạn chấm, hồ sơ đã thay đổi:<ul id=\"conflict-changes\">{string.Concat(changes.Select(c => $"<li>{WebUtility.HtmlEncode(c)}</li>"))}</ul>" +
                $"Tiêu chí {WebUtility.HtmlEncode(conflict.ItemCode)}: giá trị của bạn <b id=\"conflict-mine\">{mine.Text}</b>, " +
                $"giá trị đang lưu <b id=\"conflict-theirs\">{conflict.Theirs?.Text ?? "(trống)"}</b>.<br/><br/>" +
                $"“Giữ giá trị của tôi” chỉ lưu giá trị của bạn cho tiêu chí {WebUtility.HtmlEncode(conflict.ItemCode)}; các tiêu chí khác hiện theo bản đã lưu. " +
                "Không có gì bị ghi đè nếu bạn chưa chọn."),
            yesText: "Giữ giá trị của tôi", noText: "Dùng giá trị đã lưu") == true;

    /// <summary>The sheet changed under the person (status moved, a concurrent save): what they typed stays on the page.</summary>
    public static Task NotSavedAsync(this IDialogService dialogs, Exception ex) =>
        dialogs.ShowMessageBoxAsync("Chưa lưu được thay đổi",
            (MarkupString)($"<span id=\"not-saved-reason\">{WebUtility.HtmlEncode(ex.Message)}</span><br/><br/>" +
                "Những gì bạn vừa nhập vẫn còn trên trang nhưng chưa được lưu. Hãy ghi lại nếu cần, rồi tải lại trang để xem bản mới nhất."),
            yesText: "Đã hiểu");
}
