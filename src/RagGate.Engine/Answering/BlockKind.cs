namespace RagGate.Engine.Answering;

/// <summary>What a block of document text is: prose, ordered steps, or a bulleted list.</summary>
internal enum BlockKind
{
    Paragraph,
    NumberedList,
    BulletList,
}
