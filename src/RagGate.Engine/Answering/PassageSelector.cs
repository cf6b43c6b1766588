using System.Text;

namespace RagGate.Engine.Answering;

/// <summary>
/// Chooses the passage a support agent would quote around the best-matching unit: the whole
/// paragraph or list it sits in, and after a lead paragraph (or one ending with a colon) the
/// numbered steps that follow it, in document order.
/// </summary>
internal static class PassageSelector
{
    /// <summary>The indices of the units to quote, in document order, at most <paramref name="maxUnits"/>.</summary>
    public static IReadOnlyList<int> Select(PassageText text, int best, int maxUnits)
    {
        var blockIndex = text.Units[best].Block;
        var block = text.Blocks[blockIndex];
        var first = block.First;
        var end = block.End;
        var introducesSteps = block.Kind == BlockKind.Paragraph
            && (blockIndex == 0 || block.EndsWithColon)
            && blockIndex + 1 < text.Blocks.Count
            && text.Blocks[blockIndex + 1].Kind == BlockKind.NumberedList;
        if (introducesSteps)
            end = text.Blocks[blockIndex + 1].End;
        if (end - first > maxUnits)
        {
            // Too long to quote whole: the window of units around the best one.
            first = Math.Clamp(best - (maxUnits / 2), first, end - maxUnits);
            end = first + maxUnits;
        }

        return [.. Enumerable.Range(first, end - first)];
    }

    /// <summary>
    /// The quoted units as text: sentences of one paragraph joined by a space, list items and
    /// blocks each on a line of their own.
    /// </summary>
    public static string Render(PassageText text, IReadOnlyList<int> units)
    {
        var builder = new StringBuilder();
        var lastBlock = -1;
        foreach (var unit in units)
        {
            var current = text.Units[unit];
            if (builder.Length > 0)
            {
                var sameParagraph = current.Block == lastBlock && text.Blocks[current.Block].Kind == BlockKind.Paragraph;
                builder.Append(sameParagraph ? ' ' : '\n');
            }

            builder.Append(current.Quote);
            lastBlock = current.Block;
        }

        return builder.ToString();
    }
}
