namespace HocTapSuotDoi.Common;

public static class UserMessages
{
    // The Vietnamese text of a refused action, for the page to show: a validation failure lists its distinct messages,
    // any other refusal (ForbiddenException, StaleEditException, ...) carries its own.
    public static string Of(Exception ex) => ex switch
    {
        FluentValidation.ValidationException v when v.Errors.Any() => string.Join(" ", v.Errors.Select(e => e.ErrorMessage).Distinct()),
        _ => ex.Message,
    };
}
