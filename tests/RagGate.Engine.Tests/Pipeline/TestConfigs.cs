using RagGate.Engine.Chunking;
using RagGate.Engine.Configuration;
using RagGate.Evaluation.Config;

namespace RagGate.Engine.Tests.Pipeline;

/// <summary>Configs built in memory for engine tests: whole-document chunks, retrieval-only unless asked.</summary>
internal static class TestConfigs
{
    /// <summary>A config at <paramref name="path"/> whose engine part is <paramref name="engine"/> with whole-document chunking.</summary>
    public static RagGateConfig For(string path, EngineConfig engine, bool answer = false) => new()
    {
        Evaluation = new EvaluationConfig { Path = path, Eval = new EvalSettings { Answer = answer } },
        Engine = engine with { Chunking = new ChunkingOptions { Mode = ChunkingMode.Whole } },
    };

    /// <summary><paramref name="config"/> with its engine part changed by <paramref name="change"/>.</summary>
    public static RagGateConfig WithEngine(this RagGateConfig config, Func<EngineConfig, EngineConfig> change) =>
        config with { Engine = change(config.Engine) };
}
