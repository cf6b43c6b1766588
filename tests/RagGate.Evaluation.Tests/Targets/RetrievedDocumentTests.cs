using System.Text.Json;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Tests.Targets;

public sealed class RetrievedDocumentTests
{
    [Fact]
    public void Equals_TitleOnlyOnOneSide_IsEqualAsOverHttp()
    {
        var engine = new RetrievedDocument("passwords/reset-password", 0.61, 2, "# Reset a forgotten password") { Title = "Reset a forgotten password" };
        var json = JsonSerializer.Serialize(engine);
        var readBack = JsonSerializer.Deserialize<RetrievedDocument>(json)!;

        Assert.DoesNotContain("Title", json, StringComparison.Ordinal);
        Assert.Null(readBack.Title);
        Assert.Equal(engine, readBack);
        Assert.Equal(engine.GetHashCode(), readBack.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentScore_IsNotEqual()
    {
        var a = new RetrievedDocument("d", 0.61, 1, "text");

        Assert.NotEqual(a, a with { Score = 0.62 });
    }
}
