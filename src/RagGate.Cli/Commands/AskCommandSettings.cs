using RagGate.Cli.Hosting;
using RagGate.Engine.Configuration;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate ask</c>: the question, the index and the retrieval overrides.</summary>
internal sealed record AskCommandSettings : CommandSettings
{
    /// <summary>The question to answer.</summary>
    public required string Question { get; init; }

    /// <summary>The index folder written by <c>raggate index</c>.</summary>
    public required string Index { get; init; }

    /// <summary>raggate.yaml for the retrieval and answer settings, or null for the defaults.</summary>
    public string? Config { get; init; }

    /// <summary>Documents given to the answerer, overriding <c>retrieval.top_k</c>.</summary>
    public int? K { get; init; }

    /// <summary><c>dense</c>, <c>bm25</c> or <c>hybrid</c>, overriding <c>retrieval.mode</c>.</summary>
    public string? Mode { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (string.IsNullOrWhiteSpace(Question)) throw new InputException("question: empty; expected a question in quotes");
        if (Mode is not null && !EnginePolicies.RetrievalModes.TryGet(Mode, out _))
        {
            throw new InputException($"--mode: '{Mode}' is not a registered {EnginePolicies.RetrievalModes.Kind}; {EnginePolicies.RetrievalModes.Expected}");
        }
    }
}
