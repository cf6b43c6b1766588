using System.Globalization;

namespace RagGate.Evaluation.Runs;

/// <summary>
/// Checks a deserialized run.json for what the JSON types cannot say: required fields present and not
/// null, query ids non-empty and unique, no null inside lists. Errors name the file and the JSON path.
/// </summary>
internal static class RunValidator
{
    public static void Validate(Run run, string path)
    {
        var system = run.System ?? throw InputException.At(path, "system", "missing or null; expected an object with name and generationModel");
        if (string.IsNullOrWhiteSpace(system.Name))
            throw InputException.At(path, "system.name", "missing or empty; expected the name of the system under test");
        if (string.IsNullOrWhiteSpace(system.GenerationModel))
            throw InputException.At(path, "system.generationModel", "missing or empty; expected a generation model id (\"none\" for a retrieval-only run)");
        // properties is optional: a run written by another tool may leave it out.
        if (system.Properties is null)
            run.System = system = system with { Properties = new Dictionary<string, string>() };
        if (system.Properties.Values.Any(v => v is null))
            throw InputException.At(path, "system.properties", "holds a null value; expected strings");
        if (run.Queries is null)
            throw InputException.At(path, "queries", "null; expected an array of query records");
        if (run.TopK < 0 || run.WarmupQueries < 0 || run.Repetitions < 0)
            throw InputException.At(path, run.TopK < 0 ? "topK" : run.WarmupQueries < 0 ? "warmupQueries" : "repetitions", "negative; expected a whole number of at least 0");

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < run.Queries.Count; i++)
        {
            var place = $"queries[{i.ToString(CultureInfo.InvariantCulture)}]";
            var query = run.Queries[i] ?? throw InputException.At(path, place, "null; expected a query record object");
            if (string.IsNullOrWhiteSpace(query.Id))
                throw InputException.At(path, place + ".id", "missing or empty; expected a non-empty query id");
            if (!seen.TryAdd(query.Id, i))
                throw InputException.At(path, place + ".id", $"query id '{query.Id}' is used twice (first at queries[{seen[query.Id].ToString(CultureInfo.InvariantCulture)}]); expected unique query ids");
            ValidateQuery(query, path, place);
        }
    }

    private static void ValidateQuery(QueryRecord query, string path, string place)
    {
        query.Query ??= "";
        if (query.Retrieved is null)
            throw InputException.At(path, place + ".retrieved", "null; expected an array of retrieved documents ([] when none)");
        for (var j = 0; j < query.Retrieved.Count; j++)
        {
            var documentPlace = $"{place}.retrieved[{j.ToString(CultureInfo.InvariantCulture)}]";
            var document = query.Retrieved[j] ?? throw InputException.At(path, documentPlace, "null; expected {\"id\", \"score\", \"rank\"}");
            if (string.IsNullOrEmpty(document.Id))
                throw InputException.At(path, documentPlace + ".id", "missing or empty; expected a document id");
            if (!double.IsFinite(document.Score))
                throw InputException.At(path, documentPlace + ".score", "not a finite number; expected a finite score");
        }

        if (query.RetrievalLatencyMs is null || query.EndToEndLatencyMs is null)
            throw InputException.At(path, place + (query.RetrievalLatencyMs is null ? ".retrievalLatencyMs" : ".endToEndLatencyMs"), "null; expected an array of milliseconds ([] when none)");
        foreach (var (name, list) in new[] { ("retrievalLatencyMs", query.RetrievalLatencyMs), ("endToEndLatencyMs", query.EndToEndLatencyMs) })
        {
            if (list.Any(v => !double.IsFinite(v) || v < 0))
                throw InputException.At(path, $"{place}.{name}", "holds a negative or non-finite value; expected milliseconds of at least 0");
        }

        if (query.PromptTokens < 0 || query.CompletionTokens < 0 || query.ContextTokens < 0)
            throw InputException.At(path, place + ".promptTokens", "token counts must not be negative; expected whole numbers of at least 0");
    }
}
