using System.Globalization;
using System.Text;
using RagGate.Evaluation.Scoring;

namespace RagGate.Testing.Internal;

/// <summary>Builds the one message of a failed assertion: the measured value, the bound, the gap and the queries behind it.</summary>
internal static class Failure
{
    public const int ListedQueries = 5;

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"[id] "query" = value (why)", for the worst queries first.</summary>
    public static string Queries(IEnumerable<(QueryScore Query, string Detail)> worst)
    {
        var list = worst.ToList();
        var sb = new StringBuilder();
        foreach (var (query, detail) in list.Take(ListedQueries))
            sb.Append("\n  [").Append(query.Id).Append("] \"").Append(Shorten(query.Query)).Append("\": ").Append(detail);
        if (list.Count > ListedQueries)
            sb.Append("\n  ... and ").Append(list.Count - ListedQueries).Append(" more");
        return sb.ToString();
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";
}
