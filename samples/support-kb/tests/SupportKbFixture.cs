using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation.GoldenSets;
using RagGate.Testing;

namespace SupportKb.QualityTests;

/// <summary>
/// The sample's own config, engine and golden set, and one run of the golden set through RagGate's runner and scorer,
/// made once for all quality tests (the same numbers <c>raggate eval</c> reports for this config).
/// </summary>
public sealed class SupportKbFixture : IAsyncLifetime
{
    public RagEngine Engine { get; private set; } = null!;

    public RagPipeline Pipeline => Engine.Pipeline;

    public GoldenSet Golden { get; private set; } = null!;

    /// <summary>The tuning split (golden/tuning_queries.json): what the refusal threshold is calibrated on, never the golden set.</summary>
    public GoldenSet Tuning { get; private set; } = null!;

    /// <summary>The sample's config, as the engine was built from it.</summary>
    public RagGateConfig Config { get; private set; } = null!;

    public IReadOnlyList<GoldenQuery> Answerable => Golden.Queries.Where(q => !q.IsUnanswerable).ToList();

    public RagTestRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sample = FindSample();
        // The sample's settings, but nothing written into the repository: no saved index, no cache.
        var config = RagGateConfigLoader.Load(Path.Combine(sample, "raggate.yaml"));
        config = config with { Engine = config.Engine with { Index = null, Embedding = config.Engine.Embedding with { CacheDirectory = null } } };
        Config = config;
        Golden = GoldenSetLoader.Load(config.Evaluation.Eval.Golden);
        Tuning = GoldenSetLoader.Load(Path.Combine(sample, "golden", "tuning_queries.json"));
        Engine = await RagEngine.OpenAsync(config, corpus: null, progress: null);
        Run = await RagTestRun.RunAsync(Engine.Target, Golden, new RagTestOptions
        {
            K = config.Evaluation.Eval.K,
            Warmup = config.Evaluation.Eval.Warmup,
            Repetitions = config.Evaluation.Eval.Repetitions,
            Eval = config.Evaluation.Eval,
            Embedder = Engine.Embedder,
        });
    }

    public Task DisposeAsync()
    {
        Engine.Dispose();
        return Task.CompletedTask;
    }

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "support-kb");
            if (File.Exists(Path.Combine(candidate, "raggate.yaml"))) return candidate;
        }

        throw new DirectoryNotFoundException("samples/support-kb not found above " + AppContext.BaseDirectory);
    }
}
