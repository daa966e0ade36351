namespace HocTapSuotDoi.Common;

public static class UserMessages
{
    // A row asked for by id that the user may not see, or that is gone: one answer for both, so ids reveal nothing.
    public const string NotInScope = "Không tìm thấy trong phạm vi của bạn (có thể đã bị xóa hoặc thuộc thôn khác).";

    // The Vietnamese text of a refused action, for the page to show: a validation failure lists its distinct messages,
    // any other refusal (ForbiddenException, StaleEditException, ...) carries its own.
    public static string Of(Exception ex) => ex switch
    {
        FluentValidation.ValidationException v when v.Errors.Any() => string.Join(" ", v.Errors.Select(e => e.ErrorMessage).Distinct()),
        _ => ex.Message,
    };
}
