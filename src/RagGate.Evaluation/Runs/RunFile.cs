using System.Text.Json;
using RagGate.Evaluation.IO;
using RagGate.Evaluation.Serialization;

namespace RagGate.Evaluation.Runs;

/// <summary>Reads and writes <c>run.json</c>; writes are atomic (temp file, then rename).</summary>
public static class RunFile
{
    /// <summary>Writes the run as indented camelCase JSON; a reader never sees a half-written file.</summary>
    public static Task WriteAsync(Run run, string path, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, (stream, ct) => WriteToAsync(run, stream, ct), cancellationToken);

    /// <summary>Writes the run as run.json's indented camelCase JSON to <paramref name="stream"/>.</summary>
    public static async Task WriteToAsync(Run run, Stream stream, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(stream, run, RunJsonContext.Default.Run, cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    /// <summary>Reads a run; broken JSON, a wrong shape or an unsupported schemaVersion throw an <see cref="InputException"/>.</summary>
    public static Task<Run> ReadAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Parse(InputFile.ReadUtf8Bytes(path, "a run.json written by raggate eval"), path));
    }

    /// <summary>Reads a run from run.json's bytes; <paramref name="path"/> names the source in errors.</summary>
    public static Run Parse(byte[] bytes, string path)
    {
        Run? run;
        try
        {
            using (var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 }))
                CheckRoot(path, document.RootElement);
            // Deserializing the bytes (not the document) keeps line numbers in errors.
            run = JsonSerializer.Deserialize(bytes, RunJsonContext.Default.Run);
        }
        catch (JsonException e)
        {
            throw JsonErrors.Invalid(path, e);
        }

        if (run is null)
            throw new InputException($"{path}:1: the run is null; expected a run object");
        RunValidator.Validate(run, path);
        return run;
    }

    private static void CheckRoot(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InputException($"{path}:1: the run is not a JSON object; expected a run.json object");
        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
            throw InputException.At(path, "schemaVersion", $"missing or not a whole number; expected {Run.CurrentSchemaVersion}");
        if (number != Run.CurrentSchemaVersion)
            throw InputException.At(path, "schemaVersion", $"version {number} is not supported; this RagGate reads version {Run.CurrentSchemaVersion}");
        foreach (var (field, kind, expected) in new[] { ("system", JsonValueKind.Object, "an object with name and generationModel"), ("queries", JsonValueKind.Array, "an array of query records") })
        {
            if (!root.TryGetProperty(field, out var value))
                throw InputException.At(path, field, $"missing; expected {expected}");
            if (value.ValueKind != kind)
                throw InputException.At(path, field, $"is {JsonErrors.Describe(value.ValueKind)}; expected {expected}");
        }
    }
}
