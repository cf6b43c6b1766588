using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Runs;

public sealed class RunFileCompatibilityTests
{
    [Fact]
    public async Task ReadThenWrite_Version1RunJson_WritesTheSameValues()
    {
        using var directory = new TempFolder();
        var source = FixturePath.Version1("run.json");
        var copy = Path.Combine(directory.Path, "run.json");

        var run = await RunFile.ReadAsync(source, CancellationToken.None);
        await RunFile.WriteAsync(run, copy, CancellationToken.None);

        Assert.Equal(3, run.Queries.Count);
        JsonAssert.Preserves(await File.ReadAllTextAsync(source), await File.ReadAllTextAsync(copy));
    }
}
