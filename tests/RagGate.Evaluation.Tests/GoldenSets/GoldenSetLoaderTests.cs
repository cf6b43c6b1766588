using System.Security.Cryptography;
using System.Text;
using RagGate.Evaluation.GoldenSets;

namespace RagGate.Evaluation.Tests.GoldenSets;

public sealed class GoldenSetLoaderTests
{
    private const string Reference = """
        {
          "queries": [
            {
              "query": "What is the refund policy?",
              "expected_doc_ids": ["doc_123", "doc_456"],
              "expected_keywords": ["refund", "30 days"]
            },
            {
              "id": "pw", "query": "How do I reset my password?", "expected_doc_ids": {"doc_789": 2, "doc_1": 0},
              "category": "account", "tags": ["auth"], "reference_answer": "Use the link.", "must_not_contain": ["call us"]
            },
            { "query": "Who won the 1930 world cup?", "expected_doc_ids": [] }
          ]
        }
        """;

    [Fact]
    public void Load_ReferenceJson_ReadsQueriesGradesAndOptionalFields()
    {
        using var directory = new TempFolder();
        var path = directory.Write("golden.json", Reference);

        var set = GoldenSetLoader.Load(path);

        Assert.Equal([QueryIdentity.IdFor("What is the refund policy?"), "pw", QueryIdentity.IdFor("Who won the 1930 world cup?")], set.Queries.Select(q => q.Id));
        Assert.Equal(new Dictionary<string, int> { ["doc_123"] = 1, ["doc_456"] = 1 }, set.Queries[0].Judgments);
        Assert.Equal(["refund", "30 days"], set.Queries[0].ExpectedKeywords);
        Assert.Equal($"{path}:3", set.Queries[0].Source);
        Assert.Equal($"{path}:8", set.Queries[1].Source);
        Assert.Equal(2, set.Queries[1].Judgments["doc_789"]);
        Assert.Equal("account", set.Queries[1].Category);
        Assert.Equal(["auth"], set.Queries[1].Tags);
        Assert.Equal("Use the link.", set.Queries[1].ReferenceAnswer);
        Assert.Equal(["call us"], set.Queries[1].MustNotContain);
        Assert.True(set.Queries[2].IsUnanswerable);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Reference))), set.Sha256);
    }

    [Fact]
    public void Load_Jsonl_ReadsOneQueryPerLine()
    {
        using var directory = new TempFolder();
        var path = directory.Write("golden.jsonl", "{\"query\": \"a?\", \"expected_doc_ids\": [\"d1\"]}\n\n{\"query\": \"b?\", \"expected_doc_ids\": []}\n");

        var set = GoldenSetLoader.Load(path);

        Assert.Equal([QueryIdentity.IdFor("a?"), QueryIdentity.IdFor("b?")], set.Queries.Select(q => q.Id));
        Assert.Equal($"{path}:3", set.Queries[1].Source);
    }

    [Fact]
    public void Load_QueryInsertedAtTheTop_KeepsEveryOtherId()
    {
        using var directory = new TempFolder();
        var before = GoldenSetLoader.Load(directory.Write("before.jsonl", "{\"query\": \"a?\", \"expected_doc_ids\": [\"d1\"]}\n{\"query\": \"b?\", \"expected_doc_ids\": []}\n"));
        var after = GoldenSetLoader.Load(directory.Write("after.jsonl",
            "{\"query\": \"new?\", \"expected_doc_ids\": [\"d2\"]}\n{\"query\": \"a?\", \"expected_doc_ids\": [\"d1\"]}\n{\"query\": \"b?\", \"expected_doc_ids\": []}\n"));

        Assert.Equal(before.Queries.Select(q => q.Id), after.Queries.Skip(1).Select(q => q.Id));
        Assert.DoesNotContain(after.Queries[0].Id, before.Queries.Select(q => q.Id));
    }

    [Fact]
    public void IdFor_CaseAndWhiteSpace_SameId() =>
        Assert.Equal(QueryIdentity.IdFor("How do I  reset my password?"), QueryIdentity.IdFor(" how do i reset\tmy password? "));

    [Fact]
    public void Load_SameTextTwice_InputErrorNamesBothLines()
    {
        using var directory = new TempFolder();
        var path = directory.Write("golden.jsonl",
            "{\"query\": \"Reset password?\", \"expected_doc_ids\": [\"d1\"]}\n{\"query\": \"b?\", \"expected_doc_ids\": []}\n{\"id\": \"x\", \"query\": \"reset  PASSWORD?\", \"expected_doc_ids\": [\"d1\"]}\n");

        var error = Assert.Throws<InputException>(() => GoldenSetLoader.Load(path));

        Assert.StartsWith($"{path}:3: query text 'reset  PASSWORD?' repeats the query at {path}:1", error.Message);
    }

    [Fact]
    public void Load_BeirFolder_ReadsGradedQrelsAndSkipsUnjudgedQueries()
    {
        using var directory = new TempFolder();
        directory.Write("queries.jsonl", "{\"_id\": \"1\", \"text\": \"first\"}\n{\"_id\": \"2\", \"text\": \"no qrels\"}\n{\"_id\": \"3\", \"text\": \"third\"}\n");
        directory.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\n1\tA\t2\n3\tB\t1\n3\tC\t0\n");
        directory.Write("qrels/dev.tsv", "query-id\tcorpus-id\tscore\n2\tA\t1\n");

        var test = GoldenSetLoader.Load(directory.Path);
        var dev = GoldenSetLoader.Load(Path.Combine(directory.Path, "queries.jsonl"), "dev");

        Assert.Equal(["1", "3"], test.Queries.Select(q => q.Id));
        Assert.Equal(2, test.Queries[0].Judgments["A"]);
        Assert.Equal(new Dictionary<string, int> { ["B"] = 1, ["C"] = 0 }, test.Queries[1].Judgments);
        Assert.Equal("third", test.Queries[1].Query);
        Assert.Equal(["2"], dev.Queries.Select(q => q.Id));
    }

    [Theory]
    [InlineData("{\"queries\": [\n{\"query\": \"a\", \"expected_doc_ids\": []},\n{\"query\": \"b\" \"expected_doc_ids\": []}\n]}", ":3: invalid JSON")]
    [InlineData("{\"queries\": [\n{\"query\": \"a\", \"expected_doc_ids\": []},\n{\"query\": \"b\", \"expected_doc_ids\": []},\n{\"expected_doc_ids\": []}\n]}", ":4: query 3 has no \"query\" field; expected a non-empty string")]
    [InlineData("{\"queries\": [\n{\"query\": 7, \"expected_doc_ids\": []}]}", ":2: query 1 field \"query\" is a number; expected a non-empty string")]
    [InlineData("{\"queries\": [\n{\"query\": \"  \", \"expected_doc_ids\": []}]}", ":2: query 1 has an empty \"query\"")]
    [InlineData("{\"queries\": [\n{\"query\": \"a\"}]}", ":2: query 1 has no \"expected_doc_ids\" field")]
    [InlineData("{\"queries\": [\n{\"id\": \"x\", \"query\": \"a\", \"expected_doc_ids\": []},\n{\"id\": \"x\", \"query\": \"b\", \"expected_doc_ids\": []}]}", ":3: query id 'x' is used twice")]
    [InlineData("{\"queries\": [\n{\"query\": \"a\", \"expected_doc_ids\": {\"d\": -1}}]}", ":2: query 1 gives document 'd' grade -1; expected a whole number >= 0")]
    [InlineData("{\"queries\": [\n{\"query\": \"a\", \"expected_doc_ids\": {\"d\": 1.5}}]}", ":2: query 1 gives document 'd' grade 1.5")]
    [InlineData("{\"queries\": [\n{\"query\": \"a\", \"expected_doc_ids\": {\"d\": 2147483648}}]}", ":2: query 1 gives document 'd' grade 2147483648, which is out of range; expected a whole number from 0 to 2147483647")]
    [InlineData("{\"queries\": []}", ": the golden set has no queries")]
    public void Load_BadReferenceJson_ThrowsOneLineWithFileAndLine(string content, string expected)
    {
        using var directory = new TempFolder();
        var path = directory.Write("golden.json", content);

        var error = Assert.Throws<InputException>(() => GoldenSetLoader.Load(path));

        Assert.StartsWith(path + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Load_BadBeirGrade_NamesTheQrelsLine()
    {
        using var directory = new TempFolder();
        directory.Write("queries.jsonl", "{\"_id\": \"1\", \"text\": \"first\"}\n");
        var qrels = directory.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\n1\tA\t-2\n");

        var error = Assert.Throws<InputException>(() => GoldenSetLoader.Load(directory.Path));

        Assert.StartsWith($"{qrels}:2: relevance '-2' is out of range; expected a whole number from 0 to 2147483647", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<InputException>(() => GoldenSetLoader.Load("/nonexistent/golden.json"));

        Assert.Equal("/nonexistent/golden.json: file not found; expected a golden set (JSON, JSONL or a BEIR folder)", error.Message);
    }

    [Fact]
    public void ValidateDocumentIds_UnknownId_NamesFileLineAndId()
    {
        using var directory = new TempFolder();
        var path = directory.Write("golden.json", Reference);
        var set = GoldenSetLoader.Load(path);
        var known = new HashSet<string> { "doc_123", "doc_456", "doc_789" };

        var error = Assert.Throws<InputException>(() => GoldenSetLoader.ValidateDocumentIds(set, known));
        known.Add("doc_1");
        GoldenSetLoader.ValidateDocumentIds(set, known);

        Assert.StartsWith($"{path}:8: query 'pw' expects document 'doc_1', which is not in the corpus or index", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BeirFolderWithSplitNamedQueries_FindsQueriesOfTheSplit()
    {
        using var directory = new TempFolder();
        directory.Write("queries_test.jsonl", "{\"_id\": \"7\", \"text\": \"claim\", \"metadata\": {}}\n");
        directory.Write("qrels/test.tsv", "query-id\tcorpus-id\tscore\n7\t99\t1\n");

        var set = GoldenSetLoader.Load(directory.Path);

        Assert.Equal("claim", Assert.Single(set.Queries).Query);
        Assert.Equal(1, set.Queries[0].Judgments["99"]);
    }

    [Fact]
    public void Load_BeirQueriesFileOfDevSplit_JudgesWithTheDevQrels()
    {
        using var directory = new TempFolder();
        var queries = directory.Write("queries_dev.jsonl", "{\"_id\": \"7\", \"text\": \"claim\"}\n");
        directory.Write("qrels/dev.tsv", "query-id\tcorpus-id\tscore\n7\t42\t2\n");

        var set = GoldenSetLoader.Load(queries);

        Assert.Equal(2, Assert.Single(set.Queries).Judgments["42"]);
    }
}
