using System.CommandLine;
using System.Diagnostics;
using RagGate.Cli.Hosting;
using RagGate.Engine.Configuration;
using RagGate.Engine.Indexing;
using RagGate.Engine.Pipeline;
using Spectre.Console;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate ask</c>: answers one question from an index, with sources, tokens and latency.</summary>
internal sealed class AskCommand : RaggateCommand<AskCommandSettings>
{
    private readonly Argument<string> _question = new("question") { Description = "The question to answer" };
    private readonly Option<string> _index = new("--index") { Description = "Index folder written by raggate index", DefaultValueFactory = _ => ".raggate/index" };
    private readonly Option<string?> _config = new("--config") { Description = "raggate.yaml for retrieval and answer settings" };
    private readonly Option<int?> _k = new("--k") { Description = "Documents given to the answerer (default 5)" };
    private readonly Option<string?> _mode = new("--mode") { Description = "dense (default), bm25 or hybrid" };

    public AskCommand()
        : base("ask", "Answer a question from an index, citing the documents used")
    {
        AddSymbols(_question, _index, _config, _k, _mode);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(AskCommandSettings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config is null ? RagGateConfig.Defaults("raggate.yaml") : RagGateConfigLoader.Load(settings.Config);
        var retrieval = config.Engine.Retrieval with
        {
            TopK = settings.K ?? config.Engine.Retrieval.TopK,
            Mode = settings.Mode is null ? config.Engine.Retrieval.Mode : EnginePolicies.RetrievalModes.Get(settings.Mode),
        };
        config = config with { Engine = config.Engine with { Retrieval = retrieval } };

        var index = await RagIndex.LoadAsync(settings.Index, expectedModelId: null, cancellationToken);
        // BM25 alone needs no embedding model: it is not even loaded.
        using var embedder = config.Engine.NeedsEmbeddingModel ? RagEngine.CreateEmbedder(config.Engine.Embedding with { Model = index.Manifest.ModelId }) : null;
        using var engine = RagEngine.Create(config, embedder, index);

        // Load the model first, so the latency shown is the query's, not the process start's.
        var load = Stopwatch.StartNew();
        if (embedder is not null) await embedder.EmbedAsync([settings.Question], isQuery: true, cancellationToken: cancellationToken);
        var loadMs = load.Elapsed.TotalMilliseconds;
        var answer = await engine.Pipeline.QueryWithUsageAsync(settings.Question, cancellationToken);

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
        console.MarkupLine($"Tokens ({Markup.Escape(config.Evaluation.GenerationModel)}): prompt {u.PromptTokens}, completion {u.CompletionTokens}, total {u.TotalTokens} (context {u.ContextTokens})");
        var before = embedder is null ? "no embedding model: BM25 only" : $"model load {loadMs:0} ms before it";
        console.MarkupLine($"Latency: retrieval {answer.RetrievalLatency.TotalMilliseconds:0.0} ms, total {answer.TotalLatency.TotalMilliseconds:0.0} ms ({Markup.Escape(before)})");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override AskCommandSettings Bind(ParseResult parse) => new()
    {
        Question = parse.GetValue(_question)!,
        Index = parse.GetValue(_index)!,
        Config = parse.GetValue(_config),
        K = parse.GetValue(_k),
        Mode = parse.GetValue(_mode),
    };
}
