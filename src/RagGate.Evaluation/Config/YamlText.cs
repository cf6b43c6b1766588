using System.Globalization;
using System.Text.RegularExpressions;
using RagGate.Evaluation.Cost;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagGate.Evaluation.Config;

/// <summary>
/// Parses the YAML files RagGate reads (raggate.yaml, prices.yaml) into a node tree; every failure of the
/// YAML library becomes one <see cref="InputException"/> at the line of the cause.
/// </summary>
internal static partial class YamlText
{
    /// <summary>The root node of the first document, or null for an empty file.</summary>
    public static YamlNode? Parse(string file, string text, string expected)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (AnchorNotFoundException e)
        {
            var alias = Regex.Match(e.Message, "anchor '(?<name>[^']*)'").Groups["name"].Value;
            var at = text.IndexOf("*" + alias, StringComparison.Ordinal);
            throw Invalid(file, at >= 0 ? LineOf(text, at) : parser.LastLine, $"alias '*{alias}' names no anchor defined before it", expected, e);
        }
        catch (YamlException e) when (e.Message.StartsWith("Duplicate key", StringComparison.Ordinal) || e.Message.Contains("Duplicate key", StringComparison.Ordinal))
        {
            var key = KeyAt(text, (int)Math.Min(e.Start.Index, text.Length));
            throw Invalid(file, e.Start.Line, $"key '{key}' appears twice in one mapping", "each key once", e);
        }
        catch (YamlException e) when (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(file, TabLine(text, (int)Math.Min(e.Start.Index, text.Length)) ?? e.Start.Line, "a tab character is used for indentation", "spaces for indentation", e);
        }
        catch (YamlException e)
        {
            var line = e.Start.Index == 0 && e.Start.Line <= 1 ? parser.LastLine : e.Start.Line;
            throw Invalid(file, line, FirstLine(e.Message), expected, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet throws this (no position) when a flow sequence or mapping is never closed.
            throw Invalid(file, parser.LastLine, "the YAML parser stopped here (an unclosed '[' or '{'?)", expected, e);
        }
        catch (ArgumentException e)
        {
            // ... and this ("The current event is of an unsupported type") on a stray ':' in some flow collections.
            throw Invalid(file, parser.LastLine, "the YAML parser stopped here (a stray ':' or an unclosed '[' or '{'?)", expected, e);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static InputException Invalid(string file, long line, string reason, string expected, Exception inner) =>
        new($"{file}:{line.ToString(CultureInfo.InvariantCulture)}: invalid YAML ({reason}); expected {expected}", inner);

    private static long? TabLine(string text, int from)
    {
        // The library reports some tabs at the line before, or at line 1: find the tab from where it stopped,
        // preferring one in a line's indentation (a tab after "key:" is legal YAML).
        var lines = text[(text.LastIndexOf('\n', Math.Max(0, Math.Min(from, text.Length - 1))) + 1)..].Split('\n');
        var first = LineOf(text, Math.Max(0, text.LastIndexOf('\n', Math.Max(0, Math.Min(from, text.Length - 1))) + 1));
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
                return first + i;
        }
        var tab = Array.FindIndex(lines, l => l.Contains('\t'));
        return tab < 0 ? null : first + tab;
    }

    private static string KeyAt(string text, int index)
    {
        var end = text.IndexOfAny([':', '\n'], index);
        return (end < 0 ? text[index..] : text[index..end]).Trim().Trim('"', '\'');
    }

    private static long LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        // YamlDotNet prefixes messages with their position, which the file:line already says.
        var close = line.IndexOf("): ", StringComparison.Ordinal);
        return (line.StartsWith('(') && close > 0 ? line[(close + 3)..] : line).TrimEnd('.');
    }
}
