using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RagGate.Evaluation.Cost;

/// <summary>
/// Remembers where the last parsed YAML event ended, so that an error the YAML library raises
/// without a position (it throws InvalidOperationException on some malformed flow mappings)
/// can still name a line.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    /// <summary>The 1-based line of the last event that parsed, or 1 before any.</summary>
    public long LastLine { get; private set; } = 1;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
            LastLine = current.End.Line;
        return moved;
    }
}
