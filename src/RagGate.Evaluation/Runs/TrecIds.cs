using RagGate.Evaluation.GoldenSets;

namespace RagGate.Evaluation.Runs;

/// <summary>
/// TREC files separate fields by whitespace, so every query and document id RagGate writes to run.trec must be
/// a non-empty token without whitespace. The ids are checked when the inputs are read, before any work starts.
/// </summary>
public static class TrecIds
{
    /// <summary>True when <paramref name="id"/> can be written as one TREC field.</summary>
    public static bool IsToken(string id) => id.Length > 0 && id.AsSpan().IndexOfAny(" \t\r\n\v\f") < 0 && !id.Any(char.IsWhiteSpace);

    /// <summary>Throws at <paramref name="place"/> when <paramref name="id"/> is not a TREC token.</summary>
    public static void Require(string id, string place, string what)
    {
        if (!IsToken(id))
            throw new InputException($"{place}: {what} '{id}' is empty or contains whitespace; expected ids without whitespace (run.trec separates fields by whitespace)");
    }

    /// <summary>Checks the golden set's query ids and judged document ids.</summary>
    public static void Require(GoldenSet golden)
    {
        foreach (var query in golden.Queries)
        {
            Require(query.Id, query.Source ?? golden.Path, "query id");
            foreach (var document in query.Judgments.Keys)
                Require(document, query.Source ?? golden.Path, "document id");
        }
    }

    /// <summary>Checks a run's query and retrieved document ids.</summary>
    public static void Require(Run run, string file)
    {
        for (var i = 0; i < run.Queries.Count; i++)
        {
            var query = run.Queries[i];
            Require(query.Id, $"{file}:queries[{i}].id", "query id");
            foreach (var document in query.Retrieved)
                Require(document.Id, $"{file}:queries[{i}].retrieved", "document id");
        }
    }
}
