namespace HocTapSuotDoi.Features.Registers;

public static class RegisterErrors
{
    // The Vietnamese text of a refused save, for the page to show.
    public static string Message(Exception ex) => ex switch
    {
        FluentValidation.ValidationException v when v.Errors.Any() => string.Join(" ", v.Errors.Select(e => e.ErrorMessage).Distinct()),
        _ => ex.Message,
    };
}
