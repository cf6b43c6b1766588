namespace RagGate.Engine.Answering;

/// <summary>A paragraph or a list of a document: the units <c>[First, First + Count)</c> of its passage text.</summary>
internal sealed record PassageBlock(BlockKind Kind, int First, int Count, bool EndsWithColon)
{
    public int End => First + Count;
}
