using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RagGate.Evaluation.Cost;

/// <summary>
/// Remembers where the last parsed YAML event ended, so that an error the YAML library raises
/// without a position (it throws InvalidOperationException on an unclosed flow sequence, and
/// AnchorNotFoundException at line 1) can still name a line; and caps the nesting depth, because
/// the library builds nodes recursively and 50,000 nested '[' overflow the stack and kill the process.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    /// <summary>The deepest nesting of mappings and sequences a RagGate YAML file may have.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    /// <summary>The 1-based line of the last event that parsed, or 1 before any.</summary>
    public long LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastLine = current.End.Line;
            if (current is MappingStart or SequenceStart && ++_depth > MaxDepth)
                throw new YamlException(current.Start, current.End, $"nesting deeper than {MaxDepth} levels");
            if (current is MappingEnd or SequenceEnd)
                _depth--;
        }
        return moved;
    }
}
