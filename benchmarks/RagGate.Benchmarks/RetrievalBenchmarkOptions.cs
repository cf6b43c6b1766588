namespace RagGate.Benchmarks;

/// <summary>Command-line options of the retrieval benchmark.</summary>
internal sealed record RetrievalBenchmarkOptions
{
    public int[] Rows { get; init; } = [100_000, 1_000_000];

    public int Dimensions { get; init; } = 384;

    public int Queries { get; init; } = 200;

    public int K { get; init; } = 10;

    public int Seed { get; init; } = 42;

    public int[] Threads { get; init; } = [1, Environment.ProcessorCount];

    public string? Export { get; init; }

    public string? Bm25Corpus { get; init; }

    public static RetrievalBenchmarkOptions Parse(string[] args)
    {
        var options = new RetrievalBenchmarkOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--rows" => options with { Rows = Ints(value) },
                "--dims" => options with { Dimensions = int.Parse(value) },
                "--queries" => options with { Queries = int.Parse(value) },
                "--k" => options with { K = int.Parse(value) },
                "--seed" => options with { Seed = int.Parse(value) },
                "--threads" => options with { Threads = Ints(value) },
                "--export" => options with { Export = value },
                "--bm25-corpus" => options with { Bm25Corpus = value },
                _ => throw new ArgumentException($"unknown option {args[i]}; expected --rows, --dims, --queries, --k, --seed, --threads, --export, --bm25-corpus"),
            };
        }

        return options;
    }

    private static int[] Ints(string value) => [.. value.Split(',').Select(int.Parse).Distinct()];
}
