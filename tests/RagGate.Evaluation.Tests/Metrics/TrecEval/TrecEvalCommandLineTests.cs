using RagGate.Evaluation.Metrics.TrecEval;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Metrics.TrecEval;

public sealed class TrecEvalCommandLineTests
{
    // The exact commands the fixture README says produced the expected files.
    private static readonly string[] AllMeasures =
    [
        "-q", "-c", "-m", "recall.1,3,5,10,20,100", "-m", "P.1,3,5,10", "-m", "ndcg_cut.1,3,5,10,100",
        "-m", "recip_rank", "-m", "map", "-m", "map_cut.10,100", "-m", "success.1,5,10",
    ];

    private static readonly string[] MrrAtTen = ["-q", "-c", "-M", "10", "-m", "recip_rank"];

    [Theory]
    [InlineData("scifact-bm25")]
    [InlineData("edge-cases")]
    public void Run_FixtureWithAllMeasures_MatchesEveryTrecEvalLine(string folder) =>
        AssertMatches(folder, AllMeasures, "expected.txt");

    [Theory]
    [InlineData("scifact-bm25")]
    [InlineData("edge-cases")]
    public void Run_FixtureWithMrrCutAtTen_MatchesEveryTrecEvalLine(string folder) =>
        AssertMatches(folder, MrrAtTen, "expected-mrr-at-10.txt");

    private static void AssertMatches(string folder, string[] options, string expectedFile)
    {
        var args = options.Concat([FixturePath.TrecEval(folder, "qrels.txt"), FixturePath.TrecEval(folder, "run.trec")]).ToArray();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = TrecEvalCommandLine.Run(args, stdout, stderr);

        Assert.Equal("", stderr.ToString());
        Assert.Equal(0, code);
        var expected = File.ReadAllLines(FixturePath.TrecEval(folder, expectedFile));
        var actual = stdout.ToString().Split('\n');
        Assert.Equal("", actual[^1]);
        actual = actual[..^1];
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (expected[i] != actual[i])
                Assert.Fail($"{folder}/{expectedFile} line {i + 1}: expected '{expected[i]}' but got '{actual[i]}'");
        }
        Assert.Equal(expected.Length, actual.Length);
    }
}
