namespace RagGate.Engine.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Engine_Namespaces_DependOneWay()
    {
        NamespaceGraph.AssertNoCycle(typeof(RagGate.Engine.Pipeline.RagEngine).Assembly);
    }
}
