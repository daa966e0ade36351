using FluentValidation.Results;

namespace HocTapSuotDoi.Features.Registers.Excel;

// The errors of one file, at most one per cell (the first found is the most precise), listed in reading order.
internal sealed class ImportErrors(IReadOnlyList<string> columns)
{
    private readonly Dictionary<(int Row, string Column), string> _errors = [];

    public int Count => _errors.Count;

    public void Add(int row, string column, string message) => _errors.TryAdd((row, column), message);

    public bool Has(int row, string column) => _errors.ContainsKey((row, column));

    // Validator failures, each put on the column of the property it is about.
    public void Add(int row, ValidationResult result, IReadOnlyDictionary<string, string> columnOf)
    {
        foreach (var failure in result.Errors)
        {
            Add(row, columnOf.GetValueOrDefault(failure.PropertyName, columns[0]), failure.ErrorMessage);
        }
    }

    // A word from RegisterTexts read from a cell; a word that is not one of them is an error, and gives the fallback.
    public T? Word<T>(IReadOnlyDictionary<T, string> words, int row, string column, object? value, T? fallback) where T : struct, Enum
    {
        if (Cells.TryWord(words, value, fallback, out var result))
        {
            return result;
        }
        Add(row, column, Cells.NotAWord(words, value));
        return fallback;
    }

    public IReadOnlyList<ImportError> ToList()
    {
        var order = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        return _errors.OrderBy(e => e.Key.Row).ThenBy(e => order.GetValueOrDefault(e.Key.Column))
            .Select(e => new ImportError(e.Key.Row, e.Key.Column, e.Value)).ToList();
    }
}
