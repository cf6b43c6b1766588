using System.Reflection;
using System.Security.Cryptography;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

/// <summary>The model hash is stamped once per build of the model's package and read back from the stamp.</summary>
[Collection(ModelCollection.Name)]
public sealed class EmbeddingModelResourcesTests
{
    private static readonly EmbeddingModelInfo Model = EmbeddingModelCatalog.Get(EmbeddingModelCatalog.DefaultModelId);

    [Fact]
    public void Hash_WithStampFolder_StampsTheFullHashNamedByTheAssemblyBuild()
    {
        using var folder = new TempFolder();
        EmbeddingModelResources.ForgetHashes();

        var hash = EmbeddingModelResources.Hash(Model, folder.Path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(EmbeddingModelResources.LoadModel(Model))), hash);
        var stamp = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Equal(hash + "\n", File.ReadAllText(stamp));
        var mvid = Assembly.Load(new AssemblyName(Model.ResourceAssembly)).ManifestModule.ModuleVersionId;
        Assert.Contains(mvid.ToString("N"), Path.GetFileName(stamp), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_StampPresent_IsReadInsteadOfHashingTheModel()
    {
        using var folder = new TempFolder();
        var stamp = EmbeddingModelResources.StampPath(Model, folder.Path)!;
        var planted = new string('a', 64);
        File.WriteAllText(stamp, planted + "\n");
        EmbeddingModelResources.ForgetHashes();

        var hash = EmbeddingModelResources.Hash(Model, folder.Path);
        EmbeddingModelResources.ForgetHashes();

        Assert.Equal(planted, hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0123")]
    [InlineData("ZZ")]
    public void Hash_DamagedStamp_HashesTheModelAndRewritesTheStamp(string damaged)
    {
        using var folder = new TempFolder();
        var stamp = EmbeddingModelResources.StampPath(Model, folder.Path)!;
        File.WriteAllText(stamp, damaged);
        EmbeddingModelResources.ForgetHashes();

        var hash = EmbeddingModelResources.Hash(Model, folder.Path);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(EmbeddingModelResources.LoadModel(Model))), hash);
        Assert.Equal(hash + "\n", File.ReadAllText(stamp));
    }
}
