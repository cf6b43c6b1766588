namespace RagGate.History.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void History_Namespaces_DependOneWay()
    {
        NamespaceGraph.AssertNoCycle(typeof(RagGate.History.RunStores).Assembly);
    }
}
