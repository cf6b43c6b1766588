namespace RagGate.Engine.Tests.Embeddings;

/// <summary>Test classes that run real models share one loaded copy of each and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ModelCollection : ICollectionFixture<GeneratorFixture>
{
    public const string Name = "models";
}
