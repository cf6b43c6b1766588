using System.Text.Json.Serialization;
using RagGate.History.Storage;

namespace RagGate.Cli.History;

/// <summary>The source-generated serializer for <c>raggate history list --json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<StoredRun>))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
