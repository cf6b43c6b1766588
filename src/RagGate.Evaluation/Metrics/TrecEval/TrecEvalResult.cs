using System.Globalization;

namespace RagGate.Evaluation.Metrics.TrecEval;

/// <summary>Per-query values and means of trec-eval measures, printable in trec_eval's exact format.</summary>
public sealed class TrecEvalResult
{
    private readonly double[][] _queryValues;
    private readonly double[] _means;

    internal TrecEvalResult(string[] valueNames, string[] queryIds, double[][] queryValues)
    {
        ValueNames = valueNames;
        QueryIds = queryIds;
        _queryValues = queryValues;
        _means = new double[valueNames.Length];
        // Sum in query order, then divide: the order trec_eval accumulates in.
        foreach (var values in queryValues)
        {
            for (var m = 0; m < values.Length; m++)
                _means[m] += values[m];
        }
        if (queryValues.Length > 0)
        {
            for (var m = 0; m < _means.Length; m++)
                _means[m] /= queryValues.Length;
        }
    }

    /// <summary>Printed value names (<c>map</c>, <c>P_5</c>...), in print order.</summary>
    public IReadOnlyList<string> ValueNames { get; }

    /// <summary>Evaluated query ids in trec_eval's order (byte order of the ids).</summary>
    public IReadOnlyList<string> QueryIds { get; }

    /// <summary>The values of query <paramref name="queryIndex"/>, aligned with <see cref="ValueNames"/>.</summary>
    public IReadOnlyList<double> QueryValues(int queryIndex) => _queryValues[queryIndex];

    /// <summary>The mean of each value over the evaluated queries (trec_eval's <c>all</c> line).</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Writes <c>measure&lt;TAB&gt;qid&lt;TAB&gt;value</c> lines as trec_eval prints them (<c>%-22s\t%s\t%6.4f</c>).</summary>
    public void Write(TextWriter writer, bool perQuery, bool summary = true)
    {
        var padded = ValueNames.Select(n => n.PadRight(22) + "\t").ToArray();
        Span<char> number = stackalloc char[64];
        if (perQuery)
        {
            for (var q = 0; q < _queryValues.Length; q++)
                WriteLines(writer, padded, QueryIds[q], _queryValues[q], number);
        }
        if (summary)
            WriteLines(writer, padded, "all", _means, number);
    }

    private static void WriteLines(TextWriter writer, string[] padded, string queryId, double[] values, Span<char> number)
    {
        for (var m = 0; m < values.Length; m++)
        {
            writer.Write(padded[m]);
            writer.Write(queryId);
            writer.Write('\t');
            // .NET formats the exact binary value and rounds half to even, as glibc's printf does.
            values[m].TryFormat(number, out var written, "F4", CultureInfo.InvariantCulture);
            writer.Write(number[..written]);
            writer.Write('\n');
        }
    }
}
