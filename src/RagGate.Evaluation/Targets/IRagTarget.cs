namespace RagGate.Evaluation.Targets;

/// <summary>
/// The one seam between evaluation and the system under test: the embedded engine in process,
/// or any HTTP service that speaks RagGate's JSON contract.
/// </summary>
public interface IRagTarget
{
    /// <summary>Who the system is: models, config and index hashes, recorded in every run.</summary>
    SystemIdentity Identity { get; }

    /// <summary>Retrieves the top <paramref name="k"/> documents for a query, best first.</summary>
    Task<RetrievalResult> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default);

    /// <summary>
    /// Retrieves, builds the context and answers the query, in one call: the result names the documents the
    /// answer was built from, so the context and its sources always come from the same retrieval.
    /// </summary>
    Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Answers the query and returns, with the answer, the ranking of the same retrieval at depth
    /// <paramref name="k"/> (<see cref="AnswerResult.Ranking"/>): the answer is built from its top
    /// documents, so the ranking scored is the one the answer was built from. A target that cannot
    /// return its ranking answers as <see cref="AnswerAsync(string, CancellationToken)"/> does, with no
    /// ranking, and the runner retrieves the ranking in a separate call.
    /// </summary>
    Task<AnswerResult> AnswerAsync(string query, int k, CancellationToken cancellationToken = default) => AnswerAsync(query, cancellationToken);
}
