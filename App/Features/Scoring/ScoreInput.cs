using System.Text.RegularExpressions;
using HocTapSuotDoi.Features.Criteria.Engine;

namespace HocTapSuotDoi.Features.Scoring;

/// <summary>What the text of a score field means, read the same way by the page (as it is typed) and by the service.</summary>
/// <param name="Tenths">The score in tenths; null when the field was emptied (the score is cleared).</param>
/// <param name="Refusal">Why the text is refused, in Vietnamese, naming the saved value that stays; null when accepted.</param>
public sealed record ScoreReading(int? Tenths, string? Refusal)
{
    public bool Accepted => Refusal is null;
}

// A score typed as text. Comma and dot are both the decimal mark and never a thousands separator: scores run 0–100, and
// MudBlazor's vi-VN parsing read "2.5" as 25 and "abc" as an empty value (STACK.md, pitfall 20).
public static partial class ScoreInput
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// "2,5", "2.5" and " 2,5 " are two and a half; "1.000" is one; "" is no score (true, null); "abc" is false.
    /// Any string of digits is a number, however large: range and step are <see cref="Read"/>'s business.
    /// </summary>
    public static bool TryParse(string? text, out decimal? score)
    {
        score = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var trimmed = text.Trim();
        if (!Number().IsMatch(trimmed))
        {
            return false;
        }
        var invariant = trimmed.Replace(',', '.');
        // Only more digits than a decimal holds fail here: such a number is simply far out of range.
        score = decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : invariant.StartsWith('-') ? decimal.MinValue : decimal.MaxValue;
        return true;
    }

    /// <summary>Reads a score field's text for <paramref name="item"/>: a number within range and on the step, or empty.</summary>
    public static ScoreReading Read(CriteriaItem item, string? text, StoredAnswer? saved)
    {
        if (!TryParse(text, out var score))
        {
            return new(null, $"Tiêu chí {item.Code}: “{Shown(text!)}” không phải là số; {Kept(saved)}.");
        }
        if (score is not { } value)
        {
            return new(null, null);
        }
        return Problem(item, value, Shown(text!)) is { } problem
            ? new(null, $"Tiêu chí {item.Code}: {problem}; {Kept(saved)}.")
            : new(decimal.ToInt32(value * 10m), null);
    }

    /// <summary>Why <paramref name="score"/> is not a score of <paramref name="item"/> (range, then step), or null.</summary>
    public static string? Problem(CriteriaItem item, decimal score, string shown)
    {
        if (score < 0 || score > item.Max.Value)
        {
            return $"điểm {shown} phải từ 0 đến {item.Max}";
        }
        var step = StepOf(item).Value;
        if (score % step != 0)
        {
            var below = Math.Floor(score / step) * step;
            // The maximum is a multiple of the step (CriteriaSetValidator), so both neighbours are valid scores.
            return $"điểm {shown} không đúng bước {StepOf(item)} (chọn {Format(below)} hoặc {Format(below + step)})";
        }
        return null;
    }

    /// <summary>The range and step, under the field: "0–10, bước 0,5"; "0 hoặc 10" when the step is the whole maximum.</summary>
    public static string Hint(CriteriaItem item) =>
        StepOf(item) == item.Max ? $"0 hoặc {item.Max}" : $"0–{item.Max}, bước {StepOf(item)}";

    /// <summary>The scores of an item with few of them (at most six: "0 1 2 3"), offered as large buttons; else empty.</summary>
    public static IReadOnlyList<int> Choices(CriteriaItem item)
    {
        var step = StepOf(item).Tenths;
        var count = item.Max.Tenths / step + 1;
        return count <= MaxChoices ? Enumerable.Range(0, count).Select(i => i * step).ToList() : [];
    }

    /// <summary>One step up (+1) or down (-1) from <paramref name="tenths"/> (none: from 0), kept within 0 and the maximum.</summary>
    public static int Stepped(CriteriaItem item, int? tenths, int direction)
    {
        var step = StepOf(item).Tenths;
        if (tenths is not { } value)
        {
            return direction > 0 ? Math.Min(step, item.Max.Tenths) : 0;
        }
        var below = value / step * step;
        var next = below == value ? value + direction * step : direction > 0 ? below + step : below;
        return Math.Clamp(next, 0, item.Max.Tenths);
    }

    public const int MaxChoices = 6;

    /// <summary>What the refusal keeps: "giữ nguyên giá trị đã lưu 6".</summary>
    public static string Kept(StoredAnswer? saved) =>
        saved?.ScoreTenths is { } tenths ? $"giữ nguyên giá trị đã lưu {Points.FromTenths(tenths)}" : "tiêu chí này vẫn chưa có điểm";

    // Criteria without a step take any tenth: tenths are what is stored.
    private static Points StepOf(CriteriaItem item) => item.Step is { Tenths: > 0 } step ? step : Points.FromTenths(1);

    private static string Format(decimal value) => value.ToString("0.#", Vietnamese);

    // What was typed, as the message quotes it: trimmed, in Vietnamese notation, and short.
    private static string Shown(string text)
    {
        var trimmed = text.Trim();
        trimmed = Number().IsMatch(trimmed) ? trimmed.Replace('.', ',') : trimmed;
        return trimmed.Length > 20 ? trimmed[..20] + "…" : trimmed;
    }

    // Digits with at most one decimal mark, which may come first (",5") or last ("2," while "2,5" is being typed).
    [GeneratedRegex(@"^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)$")]
    private static partial Regex Number();
}
