namespace RagGate.Engine.Chunking;

/// <summary>How strong the boundary after a unit is; chunks prefer to end at the strongest one.</summary>
internal enum BoundaryLevel
{
    Word,
    Sentence,
    Paragraph,
}

/// <summary>A sentence, or a word of an over-long sentence, that fits in one chunk on its own.</summary>
internal readonly record struct ChunkUnit(int Start, int End, BoundaryLevel After);
