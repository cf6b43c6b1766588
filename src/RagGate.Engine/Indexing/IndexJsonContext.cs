using System.Text.Json.Serialization;

namespace RagGate.Engine.Indexing;

/// <summary>Source-generated JSON metadata for the files of a saved index.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(IndexManifest))]
[JsonSerializable(typeof(DocumentRecord))]
[JsonSerializable(typeof(ChunkRecord))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
