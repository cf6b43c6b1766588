using RagGate.Evaluation;
using RagGate.Evaluation.GoldenSets;

namespace RagGate.Server.Rollouts.Traffic;

/// <summary>The queries a traffic source replays: a golden set's, or a query log's (a <c>.txt</c> or <c>.log</c> file, one query per line).</summary>
public static class TrafficQueries
{
    /// <summary>Reads the queries of <paramref name="path"/>; at least one, else an <see cref="InputException"/>.</summary>
    public static IReadOnlyList<string> Load(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var queries = extension is ".txt" or ".log"
            ? InputFile.ReadText(path, "a query log (one query per line)").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList()
            : GoldenSetLoader.Load(path).Queries.Select(q => q.Query).ToList();
        return queries.Count > 0 ? queries : throw new InputException($"{path}: no queries; expected at least one query to replay");
    }
}
