using HocTapSuotDoi.Features.Criteria.Engine;
using HocTapSuotDoi.Features.Scoring.Rules;
using MudBlazor;

namespace HocTapSuotDoi.Features.Scoring;

// How the scoring page saves one value: shown at once, saved, and on a refusal either asked about (a reason, which
// value to keep) or put back with the message under the criterion. Each value is saved when it is entered, so a dropped
// connection loses at most the field being typed (decision 005). `save` calls the service with the version current
// when it runs, so the retries (reason given, conflict resolved) reuse it.
public sealed class SheetSaving(SheetEditor editor, IDialogService dialogs, ISnackbar snackbar, Func<Task> reload, VnClock clock)
{
    public string State { get; private set; } = "";

    /// <summary>Why the last status change was refused, shown in the summary bar.</summary>
    public string? Error { get; private set; }

    /// <summary>A status change is running: its buttons wait (no double submit).</summary>
    public bool Busy { get; private set; }

    /// <summary>A status change: the reason asked first when the workflow needs one, then the sheet reloaded.</summary>
    public async Task ActAsync(SheetAction action, Func<string?, Task<int>> transition)
    {
        string? reason = null;
        if (ScoringWorkflow.NeedsReason(action) && (reason = await dialogs.AskReasonAsync(ScoringWorkflow.ReasonPrompt(action))) is null)
        {
            return;
        }
        Busy = true;
        Error = null;
        try
        {
            editor.Version = await transition(reason);
            snackbar.Add($"Hồ sơ {ScoringWorkflow.Done(action)}.", MudBlazor.Severity.Success);
            await reload();
        }
        catch (Exception ex) when (ex is ValidationException or StaleEditException or ForbiddenException)
        {
            Error = UserMessages.Of(ex);
        }
        finally
        {
            Busy = false;
        }
    }

    public void Refused() => State = "Chưa lưu giá trị không hợp lệ";

    public async Task SaveAsync(CriteriaItem item, StoredAnswer answer, Func<string?, Task<int>> save, string? reason = null)
    {
        var previous = editor.Apply(item.Code, answer);
        State = "Đang lưu…";
        try
        {
            editor.Version = await save(reason);
            State = $"Đã lưu lúc {clock.TimeOfDay}";
        }
        catch (ScoringConflictException conflict)
        {
            var keepMine = await dialogs.KeepMineAsync(conflict, conflict.ChangesFrom(editor.SavedBefore(item.Code, previous)), answer);
            // Either way the page takes the sheet as stored now; keeping mine then saves only this value on that version,
            // so the other person's values show and the stored total is the one on the screen.
            await reload();
            if (keepMine)
            {
                await SaveAsync(item, answer, save);
                return;
            }
            State = "Đã tải lại bản mới nhất";
        }
        catch (ReasonRequiredException) when (editor.Sheet.CanReview)
        {
            if (await dialogs.AskReasonAsync($"Lý do đổi điểm tiêu chí {item.Code}") is { } why)
            {
                await SaveAsync(item, answer, save, why);
                return;
            }
            editor.Restore(item.Code, previous);
        }
        catch (ValidationException ex)
        {
            editor.SetError(item.Code, UserMessages.Of(ex));
            editor.Restore(item.Code, previous);
            Refused();
        }
        catch (Exception ex) when (ex is ForbiddenException or StaleEditException)
        {
            // The sheet changed under the scorer (status moved by the committee, or a concurrent save): what they typed
            // stays on the page, unsaved, and a dialog says why instead of the page being replaced by the error notice.
            editor.SetError(item.Code, $"Chưa lưu giá trị {answer.Text}.");
            State = "Chưa lưu";
            await dialogs.NotSavedAsync(ex);
        }
    }

    public async Task TargetGroupAsync(string? code, Func<Task<int>> save)
    {
        editor.SetTargetGroup(code);
        try
        {
            editor.Version = await save();
        }
        catch (Exception ex) when (ex is ForbiddenException or StaleEditException)
        {
            State = "Chưa lưu";
            await dialogs.NotSavedAsync(ex);
        }
    }
}
