using System.Globalization;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// Formats numbers the same way in every report, independent of the machine's culture:
/// ratios with 4 decimals, milliseconds with 1, money with 6 significant digits.
/// </summary>
public static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Shown for a value that could not be computed.</summary>
    public const string NotAvailable = "n/a";

    /// <summary>A ratio (recall, nDCG, a rate) with 4 decimals.</summary>
    public static string Ratio(double value) => Fixed(value, 4);

    /// <summary>Milliseconds with 1 decimal.</summary>
    public static string Ms(double value) => Fixed(value, 1);

    /// <summary>A mean count (tokens, queries per second) with 1 decimal.</summary>
    public static string Count(double value) => Fixed(value, 1);

    /// <summary>A whole number.</summary>
    public static string Integer(int value) => value.ToString(Invariant);

    /// <summary>A p-value with 4 decimals.</summary>
    public static string PValue(double value) => Fixed(value, 4);

    /// <summary>Six significant digits without exponent notation, because costs per query are tiny.</summary>
    public static string Money(double value)
    {
        if (!double.IsFinite(value))
            return NotAvailable;
        if (value == 0)
            return "0";
        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var decimals = Math.Clamp(5 - magnitude, 0, 15);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = rounded.ToString("F" + decimals.ToString(Invariant), Invariant);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>A value in the unit of its metric.</summary>
    public static string Value(double value, string unit) => unit switch
    {
        "" => Ratio(value),
        "ms" => Ms(value),
        "tokens" or "qps" => Count(value),
        _ => Money(value),
    };

    /// <summary>A value with its unit, for prose.</summary>
    public static string WithUnit(double value, string unit) => unit switch
    {
        "" => Ratio(value),
        "ms" => Ms(value) + " ms",
        _ => Value(value, unit) + " " + unit,
    };

    /// <summary>A signed difference, so a drop is visible at a glance.</summary>
    public static string Delta(double value, string unit)
    {
        var text = Value(value, unit);
        return double.IsFinite(value) && value > 0 ? "+" + text : text;
    }

    /// <summary>The 95% interval as <c>[lower, upper]</c>, or n/a when the metric has none.</summary>
    public static string Interval(double? lower, double? upper, string unit) =>
        lower is { } l && upper is { } u ? $"[{Value(l, unit)}, {Value(u, unit)}]" : NotAvailable;

    /// <summary>A timestamp in ISO 8601, UTC, seconds precision.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant);

    private static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
            return NotAvailable;
        var text = value.ToString("F" + decimals.ToString(Invariant), Invariant);
        // "-0.0000" reads like a drop where there is none.
        return text.TrimStart('-').Trim('0', '.').Length == 0 ? text.TrimStart('-') : text;
    }
}
