using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings.Quantization;

/// <summary>Builds each int8 model once per test class (a build and its check take seconds), into one cache folder.</summary>
public sealed class Int8Fixture : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Lazy<OnnxEmbeddingGenerator> _miniLm;
    private readonly Lazy<OnnxEmbeddingGenerator> _arctic;

    public Int8Fixture()
    {
        _miniLm = new(() => Create(EmbeddingModelCatalog.DefaultModelId));
        _arctic = new(() => Create("arctic-embed-xs"));
    }

    public string CacheFolder => _folder.Path;

    public OnnxEmbeddingGenerator MiniLm => _miniLm.Value;

    public OnnxEmbeddingGenerator Arctic => _arctic.Value;

    public OnnxEmbeddingGenerator Get(string model) => model == "arctic-embed-xs" ? Arctic : MiniLm;

    public void Dispose()
    {
        foreach (var generator in new[] { _miniLm, _arctic }.Where(g => g.IsValueCreated))
        {
            generator.Value.Dispose();
        }

        _folder.Dispose();
    }

    private OnnxEmbeddingGenerator Create(string model) => OnnxEmbeddingGenerator.Create(new EmbeddingOptions
    {
        Model = model,
        Threads = 2,
        Precision = EmbeddingPrecision.Int8,
        CacheDirectory = _folder.Path,
    });
}
