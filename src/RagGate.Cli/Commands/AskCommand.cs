using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Engine.Indexing;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using Spectre.Console;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate ask</c>: answers one question from an index, with sources, tokens and latency.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question to answer" };
        var index = new Option<string>("--index") { Description = "Index folder written by raggate index", DefaultValueFactory = _ => ".raggate/index" };
        var config = new Option<string?>("--config") { Description = "raggate.yaml for retrieval and answer settings" };
        var k = new Option<int?>("--k") { Description = "Documents given to the answerer (default 5)" };
        var mode = new Option<string?>("--mode") { Description = "dense (default), bm25 or hybrid" };
        var command = new Command("ask", "Answer a question from an index, citing the documents used") { question, index, config, k, mode };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token =>
            RunAsync(parse.GetValue(question)!, parse.GetValue(index)!, parse.GetValue(config), parse.GetValue(k), parse.GetValue(mode), token), ct));
        return command;
    }

    private static async Task<int> RunAsync(string question, string indexDir, string? configPath, int? k, string? mode, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(question)) throw new InputException("question: empty; expected a question in quotes");
        var config = configPath is null ? new RagGateConfig { Path = Path.GetFullPath("raggate.yaml") } : RagGateConfigLoader.Load(configPath);
        if (mode is not null && mode is not ("dense" or "bm25" or "hybrid")) throw new InputException($"--mode: '{mode}' is not allowed; expected dense, bm25 or hybrid");
        config = config with { Retrieval = config.Retrieval with { TopK = k ?? config.Retrieval.TopK, Mode = mode ?? config.Retrieval.Mode } };

        var index = await RagIndex.LoadAsync(indexDir, expectedModelId: null, cancellationToken);
        using var embedder = RagEngine.CreateEmbedder(config.Embedding with { Model = index.Manifest.ModelId });
        using var engine = RagEngine.Create(config, embedder, index);

        // Load the model first, so the latency shown is the query's, not the process start's.
        var load = System.Diagnostics.Stopwatch.StartNew();
        await embedder.EmbedAsync([question], isQuery: true, cancellationToken: cancellationToken);
        var loadMs = load.Elapsed.TotalMilliseconds;
        var answer = await engine.Pipeline.QueryWithUsageAsync(question, cancellationToken);

        var console = AnsiConsole.Console;
        console.Write(new Panel(Markup.Escape(answer.Text)).Header(answer.Refused ? "Answer (refused)" : "Answer").Expand());
        var sources = new Table().AddColumns("#", "document", "score", "passage");
        foreach (var doc in answer.Sources)
        {
            var passage = doc.Text.Length > 90 ? doc.Text[..90] + "…" : doc.Text;
            sources.AddRow($"{doc.Rank}", Markup.Escape(doc.Id), $"{doc.Score:0.0000}", Markup.Escape(passage.ReplaceLineEndings(" ")));
        }

        console.Write(sources);
        var u = answer.Usage;
        console.MarkupLine($"Tokens ({Markup.Escape(config.Answer.GenerationModel)}): prompt {u.PromptTokens}, completion {u.CompletionTokens}, total {u.TotalTokens} (context {u.ContextTokens})");
        console.MarkupLine($"Latency: retrieval {answer.RetrievalLatency.TotalMilliseconds:0.0} ms, total {answer.TotalLatency.TotalMilliseconds:0.0} ms (model load {loadMs:0} ms before it)");
        return ExitCodes.Success;
    }
}
