using System.Text.Json.Serialization;

namespace RagGate.Engine.Ingestion;

/// <summary>Source-generated JSON metadata for corpus lines.</summary>
[JsonSourceGenerationOptions(AllowTrailingCommas = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CorpusLine))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;
