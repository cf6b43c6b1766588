namespace RagGate.Evaluation.Config;

/// <summary>
/// The evaluation's part of <c>raggate.yaml</c>: what to evaluate (the target), how (eval), and the
/// gates and regression rules a change must pass. The engine's sections are read by the engine
/// (<c>RagGate.Engine.Configuration</c>); paths are resolved against the config file's folder.
/// </summary>
public sealed record EvaluationConfig
{
    /// <summary>The generation model priced and counted unless <c>answer.generation_model</c> names another.</summary>
    public const string DefaultGenerationModel = "gpt-4o-mini";

    /// <summary>The config file (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>A short name for the system, shown in reports.</summary>
    public string Name { get; init; } = "rag";

    /// <summary>
    /// <c>answer.generation_model</c>: the model whose prices apply and whose tokenizer counts
    /// tokens. The engine reads the same field for its context budget.
    /// </summary>
    public string GenerationModel { get; init; } = DefaultGenerationModel;

    /// <summary>The system under test.</summary>
    public TargetSettings Target { get; init; } = new();

    /// <summary>Evaluation settings.</summary>
    public EvalSettings Eval { get; init; } = new();

    /// <summary>Limits and switches of <c>raggate serve</c>.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>Faults <c>raggate serve --allow-faults</c> injects (drills and tests), or null.</summary>
    public FaultSettings? Faults { get; init; }

    /// <summary>Thresholds.</summary>
    public IReadOnlyList<GateRule> Gates { get; init; } = [];

    /// <summary>Regression rules against a baseline.</summary>
    public IReadOnlyList<RegressionRule> Regressions { get; init; } = [];
}
