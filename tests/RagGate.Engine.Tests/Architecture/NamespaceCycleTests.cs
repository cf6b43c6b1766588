namespace RagGate.Engine.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Engine_Namespaces_DependOneWay()
    {
        var edges = NamespaceGraph.Build(typeof(RagGate.Engine.Pipeline.RagEngine).Assembly);

        var cycle = NamespaceGraph.FindCycle(edges);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }
}
