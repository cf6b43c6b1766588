using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics.TrecEval;
using RagGate.Evaluation.Runs;

namespace RagGate.Cli.Commands;

/// <summary>
/// <c>raggate trec-eval [-q] [-c] [-n] [-M n] -m measure ... qrels run</c>: trec_eval 10's command line and
/// output format for map, recip_rank, P, recall, ndcg_cut, map_cut and success.
/// </summary>
internal static class TrecEvalCommandLine
{
    /// <summary>Runs the command; returns 0, or 2 after one line on <paramref name="stderr"/> for bad usage or input.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 1 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(TrecEvalArguments.Usage);
            stdout.WriteLine("measures: " + string.Join(", ", TrecMeasure.SupportedNames));
            return ExitCodes.Success;
        }
        try
        {
            var arguments = TrecEvalArguments.Parse(args);
            var qrels = TrecQrels.Read(arguments.QrelsPath);
            var run = TrecRunFile.ReadScores(arguments.RunPath);
            var result = TrecEvaluator.Evaluate(qrels, run, arguments.Options);
            if (result.QueryIds.Count == 0)
                throw new InputException($"{arguments.RunPath}: no query has both results and judgments in {arguments.QrelsPath}; expected matching query ids (or -c)");
            result.Write(stdout, arguments.PerQuery, arguments.Summary);
            stdout.Flush();
            return ExitCodes.Success;
        }
        catch (InputException e)
        {
            stderr.WriteLine("raggate trec-eval: " + e.Message);
            return ExitCodes.BadInput;
        }
    }
}
