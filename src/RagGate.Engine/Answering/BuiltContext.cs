using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>The context given to the generator: its text, its token count and the documents it holds.</summary>
/// <param name="Text">The context: <c>[doc-id]</c> blocks, best first, separated by blank lines.</param>
/// <param name="Tokens">Tokens in <paramref name="Text"/>; never more than the budget.</param>
/// <param name="Documents">The documents included, best first, each with the text as included (the last may be cut).</param>
/// <param name="Truncated">True when a document was cut or left out to fit the budget.</param>
public sealed record BuiltContext(string Text, int Tokens, IReadOnlyList<RetrievedDocument> Documents, bool Truncated);
