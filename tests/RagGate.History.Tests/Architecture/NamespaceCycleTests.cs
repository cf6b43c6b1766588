namespace RagGate.History.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void History_Namespaces_DependOneWay()
    {
        var edges = NamespaceGraph.Build(typeof(RagGate.History.RunStores).Assembly);

        var cycle = NamespaceGraph.FindCycle(edges);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }
}
