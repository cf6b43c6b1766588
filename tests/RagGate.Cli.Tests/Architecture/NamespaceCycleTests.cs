namespace RagGate.Cli.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Cli_Namespaces_DependOneWay()
    {
        var edges = NamespaceGraph.Build(typeof(RagGate.Cli.RaggateApp).Assembly);

        var cycle = NamespaceGraph.FindCycle(edges);

        Assert.True(cycle is null, "namespace cycle: " + string.Join(" -> ", cycle ?? []));
    }
}
