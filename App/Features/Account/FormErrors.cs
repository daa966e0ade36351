using FluentValidation.Results;

namespace HocTapSuotDoi.Features.Account;

// Validation messages of a plain server-rendered form, by field.
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = [];

    public bool Any => _byField.Count > 0;

    public static FormErrors From(ValidationResult result)
    {
        var errors = new FormErrors();
        foreach (var failure in result.Errors)
        {
            errors.Add(failure.PropertyName, failure.ErrorMessage);
        }
        return errors;
    }

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }
        list.Add(message);
    }

    public IEnumerable<string> For(string field) => _byField.TryGetValue(field, out var list) ? list : [];
}
