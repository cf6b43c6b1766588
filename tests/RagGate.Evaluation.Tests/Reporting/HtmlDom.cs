using System.Net;
using System.Text.RegularExpressions;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>Reads values out of the report's HTML (as written, or as Chromium serialized it after scripts ran).</summary>
internal static class HtmlDom
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The decoded text of the single element whose <paramref name="attribute"/> equals <paramref name="value"/>.</summary>
    public static string Text(string html, string attribute, string value)
    {
        // Compare decoded attribute values: encoders differ in which characters they escape.
        var pattern = $"\\s{Regex.Escape(attribute)}=\"([^\"]*)\"[^>]*>([^<]*)<";
        var matches = Regex.Matches(html, pattern, RegexOptions.None, Timeout)
            .Where(m => WebUtility.HtmlDecode(m.Groups[1].Value) == value)
            .ToList();
        Assert.True(matches.Count == 1, $"expected one element with {attribute}=\"{value}\", found {matches.Count}");
        return WebUtility.HtmlDecode(matches[0].Groups[2].Value);
    }

    /// <summary>The query ids of the per-query table's rows, in document order.</summary>
    public static IReadOnlyList<string> QueryRows(string html) =>
        [.. Regex.Matches(html, "<tr data-query=\"([^\"]*)\"", RegexOptions.None, Timeout).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The value of the query table's <c>data-sorted</c> attribute, or null when the script did not sort.</summary>
    public static string? SortedBy(string html)
    {
        var match = Regex.Match(html, "<table id=\"queries-table\"[^>]*data-sorted=\"([^\"]*)\"", RegexOptions.None, Timeout);
        return match.Success ? match.Groups[1].Value : null;
    }
}
