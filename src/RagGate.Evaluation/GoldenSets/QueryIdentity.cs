using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>
/// Who a query is, independent of where it sits in the file: an id-less query's id is derived from its
/// normalized text, so inserting a query at the top of a golden set does not renumber (and so mis-pair)
/// every query below it.
/// </summary>
public static class QueryIdentity
{
    /// <summary>The text as compared: Unicode NFKC, lower case (invariant), runs of white space as one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The id of an id-less query: <c>q-</c> and the first 12 hex digits of the SHA-256 of its normalized text.</summary>
    public static string IdFor(string text) =>
        "q-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(text))))[..12];

    /// <summary>True when two texts are the same query; an empty text (a TREC run records none) matches anything.</summary>
    public static bool SameText(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) || Normalize(a) == Normalize(b);
}
