using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HocTapSuotDoi.Features.Criteria.Engine;

/// <summary>
/// A score kept exactly as a whole number of tenths: 84,5 points is 845 tenths. Criteria use whole and half points,
/// so a binary floating point number would drift in sums; tenths also store as a plain integer.
/// </summary>
[JsonConverter(typeof(PointsJsonConverter))]
public readonly partial record struct Points : IComparable<Points>
{
    private Points(int tenths) => Tenths = tenths;

    public int Tenths { get; }

    public static Points Zero => default;

    public static Points FromTenths(int tenths) => new(tenths);

    public static Points Whole(int points) => new(checked(points * 10));

    /// <summary>84.5m → 84,5 points. Throws when the value has more than one decimal digit.</summary>
    public static Points FromDecimal(decimal value)
    {
        var tenths = value * 10m;
        if (tenths != decimal.Truncate(tenths))
        {
            var shown = value.ToString(CultureInfo.InvariantCulture);
            throw new ArgumentException($"Điểm {shown} chỉ được có một chữ số thập phân.", nameof(value));
        }

        return new(decimal.ToInt32(tenths));
    }

    public decimal Value => Tenths / 10m;

    /// <summary>Accepts "84,5" (Vietnamese), "84.5" and "84"; at most one significant decimal digit.</summary>
    public static bool TryParse(string? text, out Points points)
    {
        points = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!PointsPattern().IsMatch(trimmed)
            || !decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var tenths = value * 10m;
        if (tenths != decimal.Truncate(tenths) || tenths is > int.MaxValue or < int.MinValue)
        {
            return false;
        }

        points = new(decimal.ToInt32(tenths));
        return true;
    }

    public static Points Parse(string text) =>
        TryParse(text, out var points) ? points : throw new FormatException($"\"{text}\" không phải là số điểm hợp lệ.");

    public bool IsMultipleOf(Points step) => step.Tenths > 0 && Tenths % step.Tenths == 0;

    /// <summary>Vietnamese form: "84,5", "85", "-2,5".</summary>
    public override string ToString() => Format(',');

    /// <summary>Invariant form: "84.5".</summary>
    public string ToInvariantString() => Format('.');

    private string Format(char separator)
    {
        var sign = Tenths < 0 ? "-" : "";
        var abs = Math.Abs((long)Tenths);
        var whole = (abs / 10).ToString(CultureInfo.InvariantCulture);
        return abs % 10 == 0 ? sign + whole : $"{sign}{whole}{separator}{abs % 10}";
    }

    public int CompareTo(Points other) => Tenths.CompareTo(other.Tenths);

    public static Points operator +(Points a, Points b) => new(checked(a.Tenths + b.Tenths));
    public static Points operator -(Points a, Points b) => new(checked(a.Tenths - b.Tenths));
    public static Points operator -(Points a) => new(checked(-a.Tenths));
    public static Points operator *(Points a, int factor) => new(checked(a.Tenths * factor));
    public static bool operator <(Points a, Points b) => a.Tenths < b.Tenths;
    public static bool operator >(Points a, Points b) => a.Tenths > b.Tenths;
    public static bool operator <=(Points a, Points b) => a.Tenths <= b.Tenths;
    public static bool operator >=(Points a, Points b) => a.Tenths >= b.Tenths;

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?$")]
    private static partial Regex PointsPattern();

    public static Points Max(Points a, Points b) => a >= b ? a : b;
    public static Points Min(Points a, Points b) => a <= b ? a : b;
}

public static class PointsExtensions
{
    public static Points Sum(this IEnumerable<Points> points) =>
        points.Aggregate(Points.Zero, (total, p) => total + p);

    public static Points Sum<T>(this IEnumerable<T> source, Func<T, Points> selector) =>
        source.Select(selector).Sum();
}
