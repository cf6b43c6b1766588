using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

/// <summary>Loads each catalog model once for a test class (loading a model takes most of a second).</summary>
public sealed class GeneratorFixture : IDisposable
{
    private readonly Lazy<OnnxEmbeddingGenerator> _miniLm = new(() => Create(EmbeddingModelCatalog.DefaultModelId));
    private readonly Lazy<OnnxEmbeddingGenerator> _arctic = new(() => Create("arctic-embed-xs"));

    public OnnxEmbeddingGenerator MiniLm => _miniLm.Value;

    public OnnxEmbeddingGenerator Arctic => _arctic.Value;

    public void Dispose()
    {
        if (_miniLm.IsValueCreated)
        {
            _miniLm.Value.Dispose();
        }

        if (_arctic.IsValueCreated)
        {
            _arctic.Value.Dispose();
        }
    }

    private static OnnxEmbeddingGenerator Create(string model) =>
        OnnxEmbeddingGenerator.Create(new EmbeddingOptions { Model = model, Threads = 2 });
}
