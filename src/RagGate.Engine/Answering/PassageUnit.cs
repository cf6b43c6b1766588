namespace RagGate.Engine.Answering;

/// <summary>
/// The smallest piece an extractive answer quotes: one sentence of a paragraph, or one list item
/// with its marker, verbatim from the document.
/// </summary>
/// <param name="Block">The index of the block it belongs to, in document order.</param>
/// <param name="Quote">The text quoted, a verbatim substring of the document.</param>
/// <param name="Sentences">The sentences that score it (as <see cref="SentenceSplitter"/> gives them); empty for a fragment.</param>
internal sealed record PassageUnit(int Block, string Quote, IReadOnlyList<string> Sentences);
