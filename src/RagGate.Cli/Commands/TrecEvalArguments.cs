using System.Globalization;
using RagGate.Evaluation;
using RagGate.Evaluation.Metrics.TrecEval;

namespace RagGate.Cli.Commands;

/// <summary>The parsed command line of <c>raggate trec-eval</c>, read the way trec_eval's getopt reads it.</summary>
internal sealed record TrecEvalArguments(TrecEvalOptions Options, bool PerQuery, bool Summary, string QrelsPath, string RunPath)
{
    public const string Usage = "usage: raggate trec-eval [-q] [-c] [-n] [-M n] -m <measure>[.cutoffs] ... <qrels> <run>";

    /// <summary>Parses the arguments; bad usage throws an <see cref="InputException"/> with one line.</summary>
    public static TrecEvalArguments Parse(IReadOnlyList<string> args)
    {
        var parser = new Parser(args);
        parser.ParseAll();
        return parser.Build();
    }

    private static int ParseMax(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : throw new InputException($"-M {value}: expected a positive whole number of documents per query");

    /// <summary>getopt-style parsing: bundled short flags (<c>-qc</c>), attached values (<c>-M10</c>), long options.</summary>
    private sealed class Parser(IReadOnlyList<string> args)
    {
        private readonly List<string> _measures = [];
        private readonly List<string> _files = [];
        private bool _perQuery;
        private bool _complete;
        private bool _summary = true;
        private int? _maxDocuments;
        private int _index;

        public void ParseAll()
        {
            for (_index = 0; _index < args.Count; _index++)
            {
                var arg = args[_index];
                if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
                    ParseLong(arg);
                else if (arg.Length >= 2 && arg[0] == '-')
                    ParseShort(arg);
                else
                    _files.Add(arg);
            }
        }

        public TrecEvalArguments Build()
        {
            if (_files.Count != 2)
                throw new InputException($"expected a qrels file and a run file, got {_files.Count} file arguments; {Usage}");
            if (_measures.Count == 0)
                throw new InputException($"no measure given; expected at least one -m (supported: {string.Join(", ", TrecMeasure.SupportedNames)})");
            var options = new TrecEvalOptions
            {
                Measures = TrecMeasure.ParseAll(_measures),
                CompleteJudgments = _complete,
                MaxDocumentsPerQuery = _maxDocuments,
            };
            return new TrecEvalArguments(options, _perQuery, _summary, _files[0], _files[1]);
        }

        private void ParseLong(string arg)
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg : arg[..eq];
            var attached = eq < 0 ? "" : arg[(eq + 1)..];
            switch (name)
            {
                case "--query_eval_wanted": _perQuery = true; break;
                case "--complete_rel_info_wanted": _complete = true; break;
                case "--nosummary": _summary = false; break;
                case "--measure": _measures.Add(Value(name, attached)); break;
                case "--Max_retrieved_per_topic": _maxDocuments = ParseMax(Value(name, attached)); break;
                default: throw new InputException($"{arg}: unknown option; {Usage}");
            }
        }

        private void ParseShort(string arg)
        {
            for (var c = 1; c < arg.Length; c++)
            {
                switch (arg[c])
                {
                    case 'q': _perQuery = true; break;
                    case 'c': _complete = true; break;
                    case 'n': _summary = false; break;
                    case 'm': _measures.Add(Value("-m", arg[(c + 1)..])); return;
                    case 'M': _maxDocuments = ParseMax(Value("-M", arg[(c + 1)..])); return;
                    default: throw new InputException($"-{arg[c]}: unknown option; {Usage}");
                }
            }
        }

        // An option's value is the rest of its argument (-M10) or the next argument (-M 10).
        private string Value(string option, string attached)
        {
            if (attached.Length > 0)
                return attached;
            if (++_index >= args.Count)
                throw new InputException($"{option}: a value is missing; {Usage}");
            return args[_index];
        }
    }
}
