using System.Globalization;

namespace RagGate.Evaluation.Metrics.TrecEval;

/// <summary>
/// One trec_eval measure as named on its command line (<c>map</c>, <c>recip_rank</c>, <c>P.5,10</c>,
/// <c>recall.10</c>, <c>ndcg_cut.10</c>, <c>map_cut.10</c>, <c>success.1,5,10</c>), with its cutoffs.
/// </summary>
public sealed record TrecMeasure
{
    // trec_eval computes and prints measures in the order of its measure table, not the command line's.
    private static readonly string[] TableOrder = ["map", "recip_rank", "P", "recall", "ndcg_cut", "map_cut", "success"];
    private static readonly int[] StandardCutoffs = [5, 10, 15, 20, 30, 100, 200, 500, 1000];
    private static readonly int[] SuccessCutoffs = [1, 5, 10];

    private TrecMeasure(string name, IReadOnlyList<int> cutoffs)
    {
        Name = name;
        Cutoffs = cutoffs;
    }

    /// <summary>The measure's trec_eval name (<c>P</c>, <c>ndcg_cut</c>...).</summary>
    public string Name { get; }

    /// <summary>Cutoffs in increasing order; empty for <c>map</c> and <c>recip_rank</c>.</summary>
    public IReadOnlyList<int> Cutoffs { get; }

    /// <summary>The measure names trec-eval supports, in trec_eval's print order.</summary>
    public static IReadOnlyList<string> SupportedNames => TableOrder;

    /// <summary>The printed names of this measure's values (<c>P_5</c>, <c>P_10</c>, or <c>map</c>).</summary>
    public IReadOnlyList<string> ValueNames =>
        Cutoffs.Count == 0 ? [Name] : Cutoffs.Select(c => Name + "_" + c.ToString(CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Parses a single <c>-m</c> argument.</summary>
    public static TrecMeasure Parse(string specification) => ParseAll([specification])[0];

    /// <summary>
    /// Parses the <c>-m</c> arguments as trec_eval does: measures come out in trec_eval's table order,
    /// a measure named twice is computed once, and the first parameter list given for it wins.
    /// </summary>
    public static IReadOnlyList<TrecMeasure> ParseAll(IEnumerable<string> specifications)
    {
        var marked = new Dictionary<string, int[]?>(StringComparer.Ordinal);
        foreach (var specification in specifications)
        {
            var dot = specification.IndexOf('.', StringComparison.Ordinal);
            var name = dot < 0 ? specification : specification[..dot];
            if (Array.IndexOf(TableOrder, name) < 0)
                throw new InputException($"-m {specification}: unknown measure '{name}'; expected one of {string.Join(", ", TableOrder)}");
            var cutoffs = dot < 0 ? null : ParseCutoffs(specification, name, specification[(dot + 1)..]);
            if (!marked.TryGetValue(name, out var existing) || existing is null)
                marked[name] = cutoffs;
        }
        return TableOrder.Where(marked.ContainsKey).Select(name => new TrecMeasure(name, marked[name] ?? DefaultCutoffs(name))).ToArray();
    }

    private static int[] DefaultCutoffs(string name) => name switch
    {
        "map" or "recip_rank" => [],
        "success" => SuccessCutoffs,
        _ => StandardCutoffs,
    };

    private static int[] ParseCutoffs(string specification, string name, string parameters)
    {
        if (name is "map" or "recip_rank")
            throw new InputException($"-m {specification}: measure '{name}' takes no cutoffs; use -M <n> to cut the ranking");
        var parts = parameters.Split(',');
        var cutoffs = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out cutoffs[i]) || cutoffs[i] <= 0)
                throw new InputException($"-m {specification}: cutoff '{parts[i]}' is not a positive integer; expected for example {name}.5,10");
        }
        Array.Sort(cutoffs);
        for (var i = 1; i < cutoffs.Length; i++)
        {
            if (cutoffs[i] == cutoffs[i - 1])
                throw new InputException($"-m {specification}: cutoff {cutoffs[i]} is given twice; expected distinct cutoffs");
        }
        return cutoffs;
    }
}
