using System.Diagnostics;
using System.Globalization;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics.TrecEval;
using RagGate.Evaluation.Runs;

namespace RagGate.Benchmarks;

/// <summary>
/// `raggate trec-eval` on a generated run (10,000 queries x 100 documents = 1M lines by default) with the
/// measures of the trec_eval fixture: wall time and peak memory of the whole command, then what reading,
/// computing and printing each cost. Options: --queries N --docs N --seed N.
/// </summary>
internal static class TrecEvalBenchmark
{
    public const string Name = "trec-eval";

    private static readonly string[] FixtureMeasures =
    [
        "-q", "-c", "-m", "recall.1,3,5,10,20,100", "-m", "P.1,3,5,10", "-m", "ndcg_cut.1,3,5,10,100",
        "-m", "recip_rank", "-m", "map", "-m", "map_cut.10,100", "-m", "success.1,5,10",
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var queries = Option(args, "--queries", 10_000);
        var docs = Option(args, "--docs", 100);
        var seed = Option(args, "--seed", 42);
        var directory = Path.Combine(Path.GetTempPath(), "raggate-trec-eval-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var qrels = Path.Combine(directory, "qrels.txt");
            var run = Path.Combine(directory, "run.trec");
            var output = Path.Combine(directory, "out.txt");
            var generation = Stopwatch.StartNew();
            Generate(qrels, run, queries, docs, seed);
            Console.WriteLine($"generated\t{queries} queries x {docs} docs = {(long)queries * docs} run lines ({new FileInfo(run).Length / 1e6:F1} MB) in {generation.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"args\t{string.Join(' ', FixtureMeasures)} qrels.txt run.trec");
            EndToEnd(qrels, run, output);
            Phases(qrels, run);
            return Task.FromResult(0);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void EndToEnd(string qrels, string run, string output)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // What `raggate trec-eval` does for these arguments (its command line lives in the CLI): read, evaluate, print.
        using (var writer = new StreamWriter(output))
            TrecEvaluator.Evaluate(TrecQrels.Read(qrels), TrecRunFile.ReadScores(run), Options()).Write(writer, perQuery: true);
        var wall = clock.Elapsed;
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        var lines = File.ReadLines(output).Count();
        Console.WriteLine($"end-to-end\t{lines} output lines, wall {wall.TotalSeconds:F2} s, CPU {cpu.TotalSeconds:F2} s (wall includes waiting for a busy machine)");
        Console.WriteLine($"memory\tpeak working set {process.PeakWorkingSet64 / 1e6:F0} MB (before the command {peakBefore / 1e6:F0} MB), " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB, GC heap now {GC.GetGCMemoryInfo().HeapSizeBytes / 1e6:F0} MB, " +
            $"gen0/1/2 collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    /// <summary>The options trec-eval parses from <see cref="FixtureMeasures"/> (-q -c and the -m list).</summary>
    private static TrecEvalOptions Options() =>
        new() { Measures = TrecMeasure.ParseAll(FixtureMeasures.Where((a, i) => i > 0 && FixtureMeasures[i - 1] == "-m")), CompleteJudgments = true };

    // The same work split in phases, warm (second time through), to show where the time goes.
    private static void Phases(string qrelsPath, string runPath)
    {
        var options = Options();
        var start = Cpu();
        var qrels = TrecQrels.Read(qrelsPath);
        var readQrels = Cpu() - start;
        var run = TrecRunFile.ReadScores(runPath);
        var readRun = Cpu() - start - readQrels;
        var result = TrecEvaluator.Evaluate(qrels, run, options);
        var compute = Cpu() - start - readQrels - readRun;
        using (var writer = new StreamWriter(Stream.Null))
            result.Write(writer, perQuery: true);
        var print = Cpu() - start - readQrels - readRun - compute;
        Console.WriteLine($"phases (warm, process CPU)\tread qrels {Ms(readQrels)}, read run {Ms(readRun)} ({run.DocumentCount / readRun.TotalSeconds / 1e6:F1} M lines/s), " +
            $"compute {Ms(compute)} ({result.QueryIds.Count} queries x {result.ValueNames.Count} values), print {Ms(print)}, total {Ms(Cpu() - start)}");
    }

    private static void Generate(string qrelsPath, string runPath, int queries, int docs, int seed)
    {
        var random = new Random(seed);
        const int corpus = 500_000;
        using var qrels = new StreamWriter(qrelsPath);
        using var run = new StreamWriter(runPath, append: false, System.Text.Encoding.UTF8, 1 << 20);
        for (var q = 1; q <= queries; q++)
        {
            var qid = "q" + q.ToString(CultureInfo.InvariantCulture);
            var retrieved = new HashSet<int>();
            while (retrieved.Count < docs)
                retrieved.Add(random.Next(corpus));
            var ids = retrieved.ToArray();
            // A few judged documents per query, most of them retrieved, graded 0..2.
            var judged = new HashSet<int>();
            while (judged.Count < 6)
                judged.Add(judged.Count < 4 ? ids[random.Next(ids.Length)] : random.Next(corpus));
            foreach (var doc in judged)
                qrels.Write($"{qid} 0 doc{doc} {random.Next(3)}\n");
            for (var rank = 0; rank < ids.Length; rank++)
            {
                // Scores rounded to 2 decimals, so ties occur as they do in real runs.
                var score = Math.Round(random.NextDouble() * 20, 2).ToString("R", CultureInfo.InvariantCulture);
                run.Write($"{qid} Q0 doc{ids[rank]} {rank + 1} {score} bench\n");
            }
        }
    }

    // Process CPU time (GC and JIT threads included): on a busy shared machine it shows the work, where wall time shows the waiting too.
    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
