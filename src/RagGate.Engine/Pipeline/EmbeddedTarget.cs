using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Pipeline;

/// <summary>The embedded engine as an evaluation target, in process.</summary>
public sealed class EmbeddedTarget(RagPipeline pipeline, SystemIdentity identity) : IRagTarget
{
    /// <inheritdoc />
    public SystemIdentity Identity { get; } = identity;

    /// <inheritdoc />
    public async Task<RetrievalResult> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default) =>
        new(await pipeline.RetrieveAsync(query, k, cancellationToken));

    /// <inheritdoc />
    public async Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default) =>
        ToResult(await pipeline.QueryWithUsageAsync(query, cancellationToken));

    /// <inheritdoc />
    public async Task<AnswerResult> AnswerAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        var (answer, ranking) = await pipeline.AnswerWithRankingAsync(query, k, cancellationToken);
        return ToResult(answer) with { Ranking = ranking };
    }

    private static AnswerResult ToResult(PipelineAnswer answer) =>
        new(answer.Text, answer.Sources, answer.Context, answer.Usage, answer.RetrievalLatency, answer.Refused);
}
