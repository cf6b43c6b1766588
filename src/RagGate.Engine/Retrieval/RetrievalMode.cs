namespace RagGate.Engine.Retrieval;

/// <summary>How a query finds chunks.</summary>
public enum RetrievalMode
{
    /// <summary>Exact cosine similarity of embeddings.</summary>
    Dense,

    /// <summary>BM25 over analyzed text.</summary>
    Bm25,

    /// <summary>Dense and BM25 document rankings fused by reciprocal rank fusion.</summary>
    Hybrid,
}
