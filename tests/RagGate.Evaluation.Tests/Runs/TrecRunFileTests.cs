using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics.TrecEval;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Runs;

public sealed class TrecRunFileTests
{
    [Fact]
    public void WriteThenRead_Run_KeepsQueriesRanksAndScores()
    {
        using var directory = new TempFolder();
        var run = new Run
        {
            Queries =
            [
                new QueryRecord { Id = "q1", Retrieved = [new("d7", 0.9, 1), new("d3", 0.25, 2), new("d7", 0.1, 3)] },
                new QueryRecord { Id = "q2", Retrieved = [new("d1", 1e-7, 1)] },
            ],
        };
        using (var writer = new StreamWriter(Path.Combine(directory.Path, "run.trec")))
            TrecRunFile.Write(run, writer, "mine");

        var lines = File.ReadAllLines(Path.Combine(directory.Path, "run.trec"));
        var read = TrecRunFile.Read(Path.Combine(directory.Path, "run.trec"));

        Assert.Equal(["q1 Q0 d7 1 0.9 mine", "q1 Q0 d3 2 0.25 mine", "q2 Q0 d1 1 1E-07 mine"], lines);
        Assert.Equal(["q1", "q2"], read.Queries.Select(q => q.Id));
        Assert.Equal([new RankedDocument("d7", 0.9, 1), new RankedDocument("d3", 0.25, 2)], read.Queries[0].Retrieved);
        Assert.Equal("mine", read.System.Name);
        Assert.Equal(2, read.TopK);
    }

    [Fact]
    public void Read_UnsortedLinesWithTies_RanksByScoreThenIdDescending()
    {
        using var directory = new TempFolder();
        var path = directory.Write("run.trec", "# comment\nq1 Q0 a 1 1.0 t\nq1 Q0 c 2 1.0 t\nq1 Q0 b 3 3.5 t\n");

        var run = TrecRunFile.Read(path);

        Assert.Equal(["b", "c", "a"], run.Queries[0].Retrieved.Select(d => d.Id));
        Assert.Equal([1, 2, 3], run.Queries[0].Retrieved.Select(d => d.Rank));
    }

    [Theory]
    [InlineData("q1 Q0 a 1 1.0 t\nq1 Q0 b 2 high t\n", ":2: score 'high' is not a number")]
    [InlineData("q1 Q0 a 1 1.0 t\n\nq1 Q0 b\n", ":3: malformed line with 3 fields")]
    public void Read_MalformedLine_ThrowsWithFileAndLine(string content, string expected)
    {
        using var directory = new TempFolder();
        var path = directory.Write("run.trec", content);

        var error = Assert.Throws<InputException>(() => TrecRunFile.Read(path));

        Assert.Equal(path + expected, error.Message[..(path.Length + expected.Length)]);
    }

    [Fact]
    public void Write_IdWithSpace_ThrowsInputException()
    {
        var run = new Run { Queries = [new QueryRecord { Id = "q 1", Retrieved = [new("d", 1, 1)] }] };

        Assert.Throws<InputException>(() => TrecRunFile.Write(run, TextWriter.Null, "t"));
    }

    [Theory]
    [InlineData("scifact-bm25")]
    [InlineData("edge-cases")]
    public void ReadThenWrite_FixtureRun_TrecEvalOutputUnchanged(string folder)
    {
        using var directory = new TempFolder();
        var exported = Path.Combine(directory.Path, "exported.trec");
        var run = TrecRunFile.Read(FixturePath.TrecEval(folder, "run.trec"));
        using (var writer = new StreamWriter(exported))
            TrecRunFile.Write(run, writer, "roundtrip");
        var qrels = FixturePath.TrecEval(folder, "qrels.txt");

        Assert.Equal(TrecEvalOutput(qrels, FixturePath.TrecEval(folder, "run.trec")), TrecEvalOutput(qrels, exported));
    }

    /// <summary>What <c>trec-eval -q -c -m ndcg_cut.1,3,5,10,100 -m map -m recip_rank -m P.1,3,5,10</c> prints.</summary>
    private static string TrecEvalOutput(string qrelsPath, string runPath)
    {
        var options = new TrecEvalOptions { Measures = TrecMeasure.ParseAll(["ndcg_cut.1,3,5,10,100", "map", "recip_rank", "P.1,3,5,10"]), CompleteJudgments = true };
        var result = TrecEvaluator.Evaluate(TrecQrels.Read(qrelsPath), TrecRunFile.ReadScores(runPath), options);
        using var stdout = new StringWriter();
        result.Write(stdout, perQuery: true);
        return stdout.ToString();
    }
}
