using System.CommandLine;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate trec-eval</c>: trec_eval-compatible measures over a qrels file and a TREC run.</summary>
internal sealed class TrecEvalCommand : RaggateCommand<TrecEvalCommandSettings>
{
    private readonly Argument<string[]> _rest = new("args") { Description = "[-q] [-c] [-M n] -m <measure> ... <qrels> <run>", Arity = ArgumentArity.ZeroOrMore };

    public TrecEvalCommand()
        : base("trec-eval", "trec_eval-compatible evaluation: prints measure<TAB>qid<TAB>value")
    {
        AddSymbols(_rest);
        // trec_eval's options (-q, -m ...) are not this parser's: they pass through to its own command line.
        TreatUnmatchedTokensAsErrors = false;
    }

    /// <inheritdoc />
    public override Task<int> ExecuteAsync(TrecEvalCommandSettings settings, CancellationToken cancellationToken) =>
        Task.FromResult(TrecEvalCommandLine.Run(settings.Arguments, Console.Out, Console.Error));

    /// <inheritdoc />
    protected override TrecEvalCommandSettings Bind(ParseResult parse) => new() { Arguments = [.. parse.GetValue(_rest) ?? [], .. parse.UnmatchedTokens] };
}
