using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void Evaluation_Namespaces_DependOneWay()
    {
        NamespaceGraph.AssertNoCycle(typeof(Run).Assembly);
    }

    [Fact]
    public void FindCycle_TwoNamespacesUsingEachOther_ReturnsTheCycle()
    {
        var edges = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["B"],
        };

        var cycle = NamespaceGraph.FindCycle(edges);

        Assert.Equal(["B", "C", "B"], cycle);
    }

    [Fact]
    public void FindCycle_Layers_ReturnsNull()
    {
        var edges = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B", "C"],
            ["B"] = ["C"],
            ["C"] = [],
        };

        Assert.Null(NamespaceGraph.FindCycle(edges));
    }

    [Fact]
    public void Build_MethodBodyCallsAnotherNamespace_RecordsTheEdge()
    {
        var edges = NamespaceGraph.Build(typeof(NamespaceCycleTests).Assembly);

        Assert.Contains("RagGate.Evaluation.Tests.Architecture.Sample.Lower", edges["RagGate.Evaluation.Tests.Architecture.Sample.Upper"]);
        Assert.DoesNotContain("RagGate.Evaluation.Tests.Architecture.Sample.Upper", edges["RagGate.Evaluation.Tests.Architecture.Sample.Lower"]);
    }
}
