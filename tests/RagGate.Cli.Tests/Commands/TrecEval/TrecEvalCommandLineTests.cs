using RagGate.Cli.Commands;

namespace RagGate.Cli.Tests.Commands.TrecEval;

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
        var args = options.Concat([TrecEvalFixtures.Path(folder, "qrels.txt"), TrecEvalFixtures.Path(folder, "run.trec")]).ToArray();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = TrecEvalCommandLine.Run(args, stdout, stderr);

        Assert.Equal("", stderr.ToString());
        Assert.Equal(0, code);
        var expected = File.ReadAllLines(TrecEvalFixtures.Path(folder, expectedFile));
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

    private const string Qrels = "q1 0 a 1\nq1 0 b 0\nq2 0 c 2\nq3 0 d 1\n";
    private const string RunText = "q1 Q0 b 1 2.0 t\nq1 Q0 a 2 1.0 t\nq2 Q0 c 1 5 t\nq9 Q0 a 1 1 t\n";

    [Fact]
    public void Run_MeasuresInAnyOrder_PrintsInTrecEvalTableOrder()
    {
        var (code, stdout, _) = RunOn(Qrels, RunText, "-m", "success.1", "-m", "P.1", "-m", "map");

        Assert.Equal(0, code);
        Assert.Equal(["map                   \tall\t0.7500", "P_1                   \tall\t0.5000", "success_1             \tall\t0.5000"], Lines(stdout));
    }

    [Fact]
    public void Run_WithoutComplete_SkipsJudgedQueriesMissingFromTheRun()
    {
        var (_, without, _) = RunOn(Qrels, RunText, "-q", "-m", "recip_rank");
        var (_, with, _) = RunOn(Qrels, RunText, "-qc", "-m", "recip_rank");

        Assert.Equal(["recip_rank            \tq1\t0.5000", "recip_rank            \tq2\t1.0000", "recip_rank            \tall\t0.7500"], Lines(without));
        Assert.Equal("recip_rank            \tq3\t0.0000", Lines(with)[2]);
        Assert.Equal("recip_rank            \tall\t0.5000", Lines(with)[3]);
    }

    [Fact]
    public void Run_SameMeasureTwice_FirstCutoffsWin()
    {
        var (_, stdout, _) = RunOn(Qrels, RunText, "-m", "P.2", "-m", "P.1,3");

        Assert.Equal(["P_2                   \tall\t0.5000"], Lines(stdout));
    }

    [Fact]
    public void Run_MaxDocumentsAttached_CutsTheRanking()
    {
        var (_, stdout, _) = RunOn(Qrels, RunText, "-q", "-M1", "-m", "recip_rank");

        Assert.Equal("recip_rank            \tq1\t0.0000", Lines(stdout)[0]);
    }

    [Theory]
    [InlineData("unknown measure 'bpref'", "-m", "bpref")]
    [InlineData("cutoff 'x' is not a positive integer", "-m", "P.x")]
    [InlineData("cutoff 5 is given twice", "-m", "P.5,5")]
    [InlineData("takes no cutoffs", "-m", "map.5")]
    [InlineData("no measure given", "-q")]
    [InlineData("unknown option", "-z", "-m", "map")]
    [InlineData("expected a positive whole number", "-M", "0", "-m", "map")]
    public void Run_BadUsage_OneLineOnStderrAndExitCode2(string message, params string[] options)
    {
        var (code, stdout, stderr) = RunOn(Qrels, RunText, options);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Single(Lines(stderr));
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedRunLine_NamesFileAndLine()
    {
        var (code, _, stderr) = RunOn(Qrels, "q1 Q0 a 1 1.0 t\n\nq1 Q0 b 2\n", "-m", "map");

        Assert.Equal(2, code);
        Assert.Contains("run.trec:3: malformed line with 4 fields", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DocumentRetrievedTwice_IsAnInputError()
    {
        var (code, _, stderr) = RunOn(Qrels, "q1 Q0 a 1 1.0 t\nq1 Q0 a 2 0.5 t\n", "-m", "map");

        Assert.Equal(2, code);
        Assert.Contains("document 'a' is retrieved twice for query 'q1'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingRunFile_IsAnInputError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = TrecEvalCommandLine.Run(["-m", "map", TrecEvalFixtures.Path("edge-cases", "qrels.txt"), "/nonexistent/run.trec"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.StartsWith("raggate trec-eval: /nonexistent/run.trec: file not found; expected a TREC file", stderr.ToString(), StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) RunOn(string qrels, string run, params string[] options)
    {
        using var directory = new TempFolder();
        var qrelsPath = directory.Write("qrels.txt", qrels);
        var runPath = directory.Write("run.trec", run);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = TrecEvalCommandLine.Run([.. options, qrelsPath, runPath], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
