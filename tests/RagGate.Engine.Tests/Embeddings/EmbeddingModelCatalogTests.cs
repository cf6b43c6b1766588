using RagGate.Engine.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Embeddings;

public sealed class EmbeddingModelCatalogTests
{
    [Fact]
    public void Get_UnknownId_ThrowsInputExceptionListingTheIds()
    {
        var error = Assert.Throws<InputException>(() => EmbeddingModelCatalog.Get("bge-small"));

        Assert.Equal("unknown embedding model 'bge-small'; expected one of: minilm-l6-v2, arctic-embed-xs", error.Message);
    }

    [Fact]
    public void Get_KnownIds_ReturnsTheirShapes()
    {
        var miniLm = EmbeddingModelCatalog.Get("minilm-l6-v2");
        var arctic = EmbeddingModelCatalog.Get("ARCTIC-EMBED-XS");

        Assert.Equal((384, 256, EmbeddingPooling.Mean, (string?)null), (miniLm.Dimensions, miniLm.MaxTokens, miniLm.Pooling, miniLm.QueryPrefix));
        Assert.Equal((384, 512, EmbeddingPooling.Cls), (arctic.Dimensions, arctic.MaxTokens, arctic.Pooling));
        Assert.Equal("Represent this sentence for searching relevant passages: ", arctic.QueryPrefix);
    }

    [Fact]
    public void All_DefaultModel_ComesFirst()
    {
        Assert.Equal(EmbeddingModelCatalog.DefaultModelId, EmbeddingModelCatalog.All[0].Id);
        Assert.Equal(EmbeddingModelCatalog.DefaultModelId, new EmbeddingOptions().Model);
    }
}
