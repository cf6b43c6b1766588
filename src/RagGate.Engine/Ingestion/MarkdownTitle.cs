namespace RagGate.Engine.Ingestion;

/// <summary>Finds a Markdown document's title: its first ATX heading outside code fences.</summary>
internal static class MarkdownTitle
{
    public static string? Find(string text)
    {
        var inFence = false;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence || !line.StartsWith('#'))
            {
                continue;
            }

            var level = line.Length - line.TrimStart('#').Length;
            var rest = line[level..];
            // "#hashtag" is not a heading: CommonMark wants a space after at most six '#'.
            if (level > 6 || (rest.Length > 0 && rest[0] != ' ' && rest[0] != '\t'))
            {
                continue;
            }

            var title = rest.Trim().TrimEnd('#').Trim();
            return title.Length == 0 ? null : title.ToString();
        }

        return null;
    }
}
