using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.GoldenSets;

public sealed class TrecQrelsTests
{
    [Fact]
    public void Read_TrecAndBeirFormats_GiveTheSameJudgments()
    {
        using var directory = new TempDirectory();
        var trec = directory.Write("qrels.txt", "q1 0 a 1\nq1 0 b 0\nq2 0 a 2\n");
        var beir = directory.Write("qrels.tsv", "query-id\tcorpus-id\tscore\nq1\ta\t1\nq1\tb\t0\nq2\ta\t2\n");

        var fromTrec = TrecQrels.Read(trec);
        var fromBeir = TrecQrels.Read(beir);

        Assert.Equal(fromTrec, fromBeir);
        Assert.Equal(2, fromTrec["q2"]["a"]);
        Assert.Equal(0, fromTrec["q1"]["b"]);
    }

    [Fact]
    public void WriteThenRead_GoldenSet_RoundTripsJudgedQueries()
    {
        using var directory = new TempDirectory();
        var set = new GoldenSet("g.json", "", [
            new GoldenQuery { Id = "q2", Query = "b", Judgments = new Dictionary<string, int> { ["z"] = 2, ["y"] = 0 } },
            new GoldenQuery { Id = "q1", Query = "a", Judgments = new Dictionary<string, int> { ["x"] = 1 } },
            new GoldenQuery { Id = "q3", Query = "none", Judgments = new Dictionary<string, int>() },
        ]);
        var path = Path.Combine(directory.Path, "qrels.txt");
        using (var writer = new StreamWriter(path))
            TrecQrels.Write(TrecQrels.FromGoldenSet(set), writer);

        var back = TrecQrels.ToGoldenSet(TrecQrels.ReadTrec(path), path, "");

        Assert.Equal(["q1 0 x 1", "q2 0 y 0", "q2 0 z 2"], File.ReadAllLines(path));
        Assert.Equal(["q1", "q2"], back.Queries.Select(q => q.Id));
        Assert.Equal(set.Queries[0].Judgments, back.Queries[1].Judgments);
    }

    [Theory]
    [InlineData("q1 0 a 1\nq1 0 a 0\n", ":2: document 'a' is judged twice for query 'q1'")]
    [InlineData("q1 0 a 1\nq1 0 b\n", ":2: malformed line with 3 fields")]
    [InlineData("q1 0 a yes\n", ":1: relevance 'yes' is not a number; expected a whole number")]
    public void ReadTrec_BadLine_NamesFileAndLine(string content, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.Write("qrels.txt", content);

        var error = Assert.Throws<InputException>(() => TrecQrels.ReadTrec(path));

        Assert.StartsWith(path + expected, error.Message, StringComparison.Ordinal);
    }
}
