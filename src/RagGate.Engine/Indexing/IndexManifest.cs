using System.Text.Json.Serialization;
using RagGate.Engine.Chunking;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Indexing;

/// <summary>
/// The header of a saved index (<c>manifest.json</c>): format version, the embedding model and
/// chunking it was built with, counts, and SHA-256 checksums of its data files.
/// </summary>
public sealed record IndexManifest
{
    /// <summary>The index format this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Names the file as a RagGate index.</summary>
    public string Kind { get; init; } = "raggate-index";

    /// <summary>Format version of the saved index.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The embedding model id (as the model catalog names it).</summary>
    public required string ModelId { get; init; }

    /// <summary>SHA-256 of the model file, when the generator reports it.</summary>
    public string? ModelHash { get; init; }

    /// <summary>The precision the embedding model ran at; manifests written before it existed are fp32.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<EmbeddingPrecision>))]
    public EmbeddingPrecision Precision { get; init; } = EmbeddingPrecision.Fp32;

    /// <summary>How the vectors are stored (fp32, int8, or int8 with fp32 kept for rescoring); manifests written before it existed are fp32.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<VectorStorage>))]
    public VectorStorage Vectors { get; init; } = VectorStorage.Fp32;

    /// <summary>Floats per vector.</summary>
    public required int Dimensions { get; init; }

    /// <summary>How documents were cut into chunks.</summary>
    public required ChunkingOptions Chunking { get; init; }

    /// <summary>Number of documents indexed.</summary>
    public required int DocumentCount { get; init; }

    /// <summary>Number of chunks (and vectors).</summary>
    public required int ChunkCount { get; init; }

    /// <summary>When the index was built.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 over the data files' names and hashes: the index's content hash.</summary>
    public string Checksum { get; init; } = "";

    /// <summary>SHA-256 (lowercase hex) of each data file, by file name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}
