namespace RagGate.Server.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Server_Namespaces_DependOneWay()
    {
        var edges = NamespaceGraph.Build(typeof(RagGate.Server.ServerApp).Assembly);

        var cycle = NamespaceGraph.FindCycle(edges);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }
}
