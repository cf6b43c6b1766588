using System.CommandLine;
using RagGate.Evaluation.Metrics.TrecEval;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate trec-eval</c>: trec_eval-compatible measures over a qrels file and a TREC run.</summary>
internal static class TrecEvalCommand
{
    public static Command Create()
    {
        var rest = new Argument<string[]>("args") { Description = "[-q] [-c] [-M n] -m <measure> ... <qrels> <run>", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("trec-eval", "trec_eval-compatible evaluation: prints measure<TAB>qid<TAB>value") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var args = parse.GetValue(rest) ?? [];
            return TrecEvalCommandLine.Run([.. args, .. parse.UnmatchedTokens], Console.Out, Console.Error);
        });
        return command;
    }
}
