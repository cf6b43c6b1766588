using RagGate.Evaluation.Config;

namespace RagGate.Engine.Configuration;

/// <summary>
/// The whole of <c>raggate.yaml</c>: the evaluation's part (target, eval, gates, regression rules)
/// and the engine's part (corpus, index, embedding, chunking, retrieval, answer), each read by the
/// project that owns it (<see cref="EvaluationConfigReader"/>, <see cref="EngineConfigReader"/>)
/// and composed by <see cref="RagGateConfigLoader"/>.
/// </summary>
public sealed record RagGateConfig
{
    /// <summary>The config file (absolute).</summary>
    public string Path => Evaluation.Path;

    /// <summary>What to evaluate, how, and the gates a change must pass.</summary>
    public required EvaluationConfig Evaluation { get; init; }

    /// <summary>The embedded engine's settings (unused when the target is an HTTP service).</summary>
    public EngineConfig Engine { get; init; } = new();

    /// <summary>A config with every default, as if read from an empty file at <paramref name="path"/>.</summary>
    public static RagGateConfig Defaults(string path) => new() { Evaluation = new EvaluationConfig { Path = System.IO.Path.GetFullPath(path) } };
}
