using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>Answers a question from retrieved documents: extractively, or with a chat model.</summary>
public interface IAnswerer
{
    /// <summary>The answerer's name, one of <see cref="AnswererNames"/>.</summary>
    string Name { get; }

    /// <summary>Builds the context from <paramref name="documents"/> (best first) and answers <paramref name="query"/>.</summary>
    Task<Answer> AnswerAsync(string query, IReadOnlyList<RetrievedDocument> documents, CancellationToken cancellationToken = default);
}
