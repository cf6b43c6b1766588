using System.Text;

namespace RagGate.Evaluation.Reporting;

/// <summary>A GitHub-flavoured Markdown table whose cells are escaped, so user text cannot break the layout.</summary>
/// <param name="headers">Column headers.</param>
/// <param name="align">One character per column: <c>l</c> left, <c>r</c> right.</param>
internal sealed class MarkdownTable(string[] headers, string align)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable AddRow(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void AppendTo(StringBuilder sb)
    {
        Row(sb, headers);
        Row(sb, [.. headers.Select((_, i) => i < align.Length && align[i] == 'r' ? "---:" : "---")]);
        foreach (var row in _rows)
            Row(sb, row);
        sb.Append('\n');
    }

    private static void Row(StringBuilder sb, string[] cells) =>
        sb.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");

    /// <summary>Plain text for a Markdown cell or paragraph: Markdown and HTML syntax are escaped.</summary>
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' => sb.Append('\\').Append(c),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '&' => sb.Append("&amp;"),
                '\r' => sb,
                '\n' or '\t' => sb.Append(' '),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>An identifier as inline code; a pipe is escaped because GitHub splits table cells on it even in code.</summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var flat = text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        return flat.Contains('`', StringComparison.Ordinal) ? $"`` {flat} ``" : $"`{flat}`";
    }
}
