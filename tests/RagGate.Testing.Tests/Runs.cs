using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Testing.Tests;

/// <summary>A small golden set and a recorded run of it, as run.json holds them: data, not a stand-in system.</summary>
internal static class Runs
{
    public static GoldenSet Golden { get; } = new("golden.json", "sha", [
        Query("reset", "How do I reset my password?", ["passwords"], ["reset", "email"]),
        Query("refund", "What is the refund window?", ["refunds"], ["30 days"]),
        Query("export", "How do I export my data?", ["export"], ["csv"]),
        Query("crypto", "Can I pay with cryptocurrency?", [], []),
    ]);

    /// <summary>reset: perfect; refund: the right document at rank 2; export: the right document missed; crypto: refused.</summary>
    public static Run Recorded(string exportAnswer = "Use Settings > Export to download a CSV [export].", double slowMs = 40) => new()
    {
        System = new SystemIdentity("kb", "minilm-l6-v2", "gpt-4o-mini", "dense", null, null),
        TopK = 10,
        Queries =
        [
            Record("reset", ["passwords", "refunds"], "Open Settings and choose Reset; we email a link [passwords].", 12, 3000, 40),
            Record("refund", ["passwords", "refunds"], "Refunds are possible within 30 days [refunds].", 15, 1200, 30),
            Record("export", ["passwords", "refunds"], exportAnswer, slowMs, 900, 25),
            Record("crypto", ["refunds"], "I don't know: nothing in the documents answers this.", 9, 400, 10, refused: true),
        ],
    };

    private static GoldenQuery Query(string id, string text, string[] docs, string[] keywords) => new()
    {
        Id = id,
        Query = text,
        Judgments = docs.ToDictionary(d => d, _ => 1),
        ExpectedKeywords = keywords,
    };

    private static QueryRecord Record(string id, string[] docs, string answer, double ms, int prompt, int completion, bool refused = false) => new()
    {
        Id = id,
        Query = Golden.Queries.Single(q => q.Id == id).Query,
        Retrieved = [.. docs.Select((d, i) => new RankedDocument(d, 1.0 - (i / 10.0), i + 1) { Text = Texts[d] })],
        Answer = answer,
        Context = string.Join("\n", docs.Select(d => Texts[d])),
        RetrievalLatencyMs = [ms / 2],
        EndToEndLatencyMs = [ms],
        PromptTokens = prompt,
        CompletionTokens = completion,
        ContextTokens = prompt - 100,
        Refused = refused,
    };

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["passwords"] = "To reset your password open Settings and choose Reset password. We email you a link.",
        ["refunds"] = "Annual plans can be refunded within 30 days of the charge.",
    };
}
