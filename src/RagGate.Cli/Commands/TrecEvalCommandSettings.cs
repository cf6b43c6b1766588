using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate trec-eval</c>: trec_eval's own arguments, parsed and checked by its command line.</summary>
internal sealed record TrecEvalCommandSettings : CommandSettings
{
    /// <summary>The arguments as typed, <c>[-q] [-c] [-M n] -m measure ... qrels run</c>.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }
}
