using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>
/// One valid input of every format raggate reads, in a temporary folder: config, prices, golden sets
/// (JSON, JSONL, BEIR), two run.json files, TREC qrels and a TREC run. Each scores with exit code 0 or 1.
/// </summary>
internal sealed class ValidInputs : IDisposable
{
    public const string Config = """
        version: 1
        name: fuzz
        corpus: docs
        golden: golden.json
        retrieval:
          mode: bm25
          top_k: 3
        answer:
          generation_model: gpt-4o-mini
        eval:
          k: 3
          seed: 7
          bootstrap_resamples: 200
          prices: prices.yaml
        gates:
          - recall@3 >= 0.5
          - metric: latency_p95_ms
            max: 800
        regression:
          - metric: ndcg@3
            max_drop: 0.1
            alpha: 0.05
        """;

    public const string Prices = """
        version: 2026-11-01
        currency: USD
        models:
          gpt-4o-mini:
            input_per_million: 0.15
            output_per_million: 0.60
        """;

    public const string GoldenJson = """
        {"queries": [
          {"id": "q1", "query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"], "category": "account"},
          {"id": "q2", "query": "What is the refund window?", "expected_doc_ids": {"refunds": 2, "billing": 1}, "expected_keywords": ["30 days"]},
          {"id": "q3", "query": "Can I fly to the moon?", "expected_doc_ids": [], "tags": ["unanswerable"]}
        ]}
        """;

    public const string GoldenJsonl = """
        {"id": "q1", "query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"]}
        {"id": "q2", "query": "What is the refund window?", "expected_doc_ids": ["refunds"]}
        {"id": "q3", "query": "Can I fly to the moon?", "expected_doc_ids": []}

        """;

    public const string BeirQueries = """
        {"_id": "q1", "text": "How do I reset my password?"}
        {"_id": "q2", "text": "What is the refund window?"}

        """;

    public const string BeirQrels = "query-id\tcorpus-id\tscore\nq1\tpasswords\t1\nq2\trefunds\t2\nq2\tbilling\t1\n";

    public const string Qrels = "q1 0 passwords 1\nq1 0 billing 0\nq2 0 refunds 2\nq2 0 billing 1\nq3 0 moon 1\n";

    public const string TrecRun = "q1 Q0 passwords 1 2.5 fuzz\nq1 Q0 refunds 2 1.25 fuzz\nq2 Q0 billing 1 3 fuzz\nq2 Q0 refunds 2 3 fuzz\nq4 Q0 x 1 1 fuzz\n";

    private readonly TempFolder _folder = new();

    public ValidInputs()
    {
        Directory.CreateDirectory(Combine("docs"));
        _folder.Write("raggate.yaml", Config);
        _folder.Write("prices.yaml", Prices);
        _folder.Write("golden.json", GoldenJson);
        _folder.Write("golden.jsonl", GoldenJsonl);
        _folder.Write("beir/queries.jsonl", BeirQueries);
        _folder.Write("beir/qrels/test.tsv", BeirQrels);
        _folder.Write("qrels.txt", Qrels);
        _folder.Write("run.trec", TrecRun);
        WriteRun("base.json", ["passwords", "refunds"], ["refunds", "billing"]);
        WriteRun("cand.json", ["refunds", "passwords"], ["billing", "refunds"]);
    }

    public string Path => _folder.Path;

    public string Combine(string relative) => System.IO.Path.Combine(_folder.Path, relative);

    public string Write(string relative, string content) => _folder.Write(relative, content);

    public void Dispose() => _folder.Dispose();

    private void WriteRun(string name, string[] first, string[] second)
    {
        var run = new Run
        {
            ToolVersion = "0.0.0-test",
            StartedAt = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
            System = new SystemIdentity("fuzz", "minilm-l6-v2", "gpt-4o-mini", "bm25", null, null)
            {
                Properties = new Dictionary<string, string> { ["top_k"] = "3" },
            },
            GoldenSet = Combine("golden.json"),
            TopK = 3,
            Queries =
            [
                Record("q1", "How do I reset my password?", first, "Open Settings and choose Reset password. [passwords]", 120),
                Record("q2", "What is the refund window?", second, "Refunds within 30 days. [refunds]", 180),
                Record("q3", "Can I fly to the moon?", ["moon"], null, 90),
            ],
        };
        RunFile.WriteAsync(run, Combine(name), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static QueryRecord Record(string id, string query, string[] documents, string? answer, double latency) => new()
    {
        Id = id,
        Query = query,
        Retrieved = documents.Select((d, i) => new RankedDocument(d, 1.0 - (i * 0.25), i + 1) { Text = $"text of {d}" }).ToList(),
        Context = string.Join("\n", documents.Select(d => $"text of {d}")),
        Answer = answer,
        Refused = answer is null,
        RetrievalLatencyMs = [latency / 4],
        EndToEndLatencyMs = [latency],
        PromptTokens = 150,
        CompletionTokens = answer is null ? 0 : 12,
        ContextTokens = 40,
    };
}
