namespace RagGate.Server.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Server_Namespaces_DependOneWay()
    {
        NamespaceGraph.AssertNoCycle(typeof(RagGate.Server.ServerApp).Assembly);
    }
}
