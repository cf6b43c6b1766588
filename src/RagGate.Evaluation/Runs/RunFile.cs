using System.Text.Json;
using RagGate.Evaluation.IO;

namespace RagGate.Evaluation.Runs;

/// <summary>Reads and writes <c>run.json</c>; writes are atomic (temp file, then rename).</summary>
public static class RunFile
{
    /// <summary>Writes the run as indented camelCase JSON; a reader never sees a half-written file.</summary>
    public static Task WriteAsync(Run run, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            await JsonSerializer.SerializeAsync(stream, run, RunJsonContext.Default.Run, ct);
            await stream.WriteAsync("\n"u8.ToArray(), ct);
        }, cancellationToken);

    /// <summary>Reads a run; broken JSON, a wrong shape or an unsupported schemaVersion throw an <see cref="InputException"/>.</summary>
    public static async Task<Run> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InputException($"{path}: file not found; expected a run.json written by raggate eval");
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                CheckSchemaVersion(path, document.RootElement);
            // Deserializing the bytes (not the document) keeps line numbers in errors.
            return JsonSerializer.Deserialize(bytes, RunJsonContext.Default.Run)
                ?? throw new InputException($"{path}:1: the run is null; expected a run object");
        }
        catch (JsonException e)
        {
            throw JsonLines.InvalidJson(path, e);
        }
    }

    private static void CheckSchemaVersion(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InputException($"{path}:1: the run is not a JSON object; expected a run.json object");
        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
            throw InputException.At(path, "schemaVersion", $"missing or not a whole number; expected {Run.CurrentSchemaVersion}");
        if (number != Run.CurrentSchemaVersion)
            throw InputException.At(path, "schemaVersion", $"version {number} is not supported; this RagGate reads version {Run.CurrentSchemaVersion}");
    }
}
