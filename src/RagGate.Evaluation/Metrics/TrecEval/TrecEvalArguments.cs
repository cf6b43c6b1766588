using System.Globalization;

namespace RagGate.Evaluation.Metrics.TrecEval;

/// <summary>The parsed command line of <c>raggate trec-eval</c>, read the way trec_eval's getopt reads it.</summary>
internal sealed record TrecEvalArguments(TrecEvalOptions Options, bool PerQuery, bool Summary, string QrelsPath, string RunPath)
{
    public const string Usage = "usage: raggate trec-eval [-q] [-c] [-n] [-M n] -m <measure>[.cutoffs] ... <qrels> <run>";

    /// <summary>Parses the arguments; bad usage throws an <see cref="InputException"/> with one line.</summary>
    public static TrecEvalArguments Parse(IReadOnlyList<string> args)
    {
        var measures = new List<string>();
        var positional = new List<string>();
        bool perQuery = false, complete = false, summary = true;
        int? maxDocuments = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value(string option, string attached)
            {
                if (attached.Length > 0)
                    return attached;
                if (++i >= args.Count)
                    throw new InputException($"{option}: a value is missing; {Usage}");
                return args[i];
            }
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg : arg[..eq];
                var attached = eq < 0 ? "" : arg[(eq + 1)..];
                switch (name)
                {
                    case "--query_eval_wanted": perQuery = true; break;
                    case "--complete_rel_info_wanted": complete = true; break;
                    case "--nosummary": summary = false; break;
                    case "--measure": measures.Add(Value(name, attached)); break;
                    case "--Max_retrieved_per_topic": maxDocuments = ParseMax(Value(name, attached)); break;
                    default: throw new InputException($"{arg}: unknown option; {Usage}");
                }
                continue;
            }
            if (arg.Length < 2 || arg[0] != '-')
            {
                positional.Add(arg);
                continue;
            }
            for (var c = 1; c < arg.Length; c++)
            {
                var flag = arg[c];
                switch (flag)
                {
                    case 'q': perQuery = true; break;
                    case 'c': complete = true; break;
                    case 'n': summary = false; break;
                    case 'm': measures.Add(Value("-m", arg[(c + 1)..])); c = arg.Length; break;
                    case 'M': maxDocuments = ParseMax(Value("-M", arg[(c + 1)..])); c = arg.Length; break;
                    default: throw new InputException($"-{flag}: unknown option; {Usage}");
                }
            }
        }
        if (positional.Count != 2)
            throw new InputException($"expected a qrels file and a run file, got {positional.Count} file arguments; {Usage}");
        if (measures.Count == 0)
            throw new InputException($"no measure given; expected at least one -m (supported: {string.Join(", ", TrecMeasure.SupportedNames)})");
        var options = new TrecEvalOptions
        {
            Measures = TrecMeasure.ParseAll(measures),
            CompleteJudgments = complete,
            MaxDocumentsPerQuery = maxDocuments,
        };
        return new TrecEvalArguments(options, perQuery, summary, positional[0], positional[1]);
    }

    private static int ParseMax(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : throw new InputException($"-M {value}: expected a positive whole number of documents per query");
}
