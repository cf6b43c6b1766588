using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RagGate.Evaluation.Reporting;

/// <summary>Escaping and raw numbers for the HTML report; every piece of report text goes through <see cref="E"/>.</summary>
internal static class HtmlText
{
    // All ranges allowed: non-Latin query text stays readable, while < > & " ' are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => string.IsNullOrEmpty(text) ? "" : Encoder.Encode(text);

    /// <summary>A number as JavaScript parses it back, for <c>data-sort</c> and <c>data-value</c> attributes.</summary>
    public static string Raw(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>A coordinate in an SVG drawing, two decimals.</summary>
    public static string Px(double value) => (double.IsFinite(value) ? value : 0).ToString("0.##", CultureInfo.InvariantCulture);

    public static string PassClass(bool passed) => passed ? "pass" : "fail";
}
