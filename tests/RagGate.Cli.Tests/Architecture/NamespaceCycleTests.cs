namespace RagGate.Cli.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Cli_Namespaces_DependOneWay()
    {
        NamespaceGraph.AssertNoCycle(typeof(RagGate.Cli.RaggateApp).Assembly);
    }
}
