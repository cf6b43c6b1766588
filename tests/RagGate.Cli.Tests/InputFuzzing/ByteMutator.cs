using System.Text;
using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>
/// Seeded mutations of a valid file, aimed at what parsers trip on: truncation, stray bytes and tokens, broken
/// encodings (invalid UTF-8, UTF-16, a byte-order mark, CR-only line endings), numbers out of range, duplicated
/// and dropped lines, deep nesting. The same seed gives the same cases on every machine.
/// </summary>
internal sealed partial class ByteMutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "\0", "\t", "\r", "\n", "\"", "'", "[", "]", "{", "}", ":", ",", "- ", "*x", "&a ", "!!int ", "null", "~", "#",
        "\\", " ", "\uFEFF", "1e999", "-1", "2147483648", "99999999999", ".inf", "NaN", "@", "recall@0", "a b", "é", "\u2028",
        "<<: *a", "? ", "|", ">", "%", "`", "true", "[]", "{}", "\"\"",
    ];

    private static readonly string[] Numbers = ["2147483648", "99999999999", "-1", "1e999", "-1e999", "NaN", "0", "1.0", "-0", "1.5", "0x10", "1_000", ""];

    private readonly Random _random = new(seed);

    /// <summary>One mutation of <paramref name="input"/> and a short description of it (for the failure message).</summary>
    public (byte[] Bytes, string Description) Mutate(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        switch (_random.Next(12))
        {
            case 0:
                var cut = _random.Next(input.Length);
                return (input[..cut], $"truncated at byte {cut}");
            case 1:
                var start = _random.Next(input.Length);
                var length = Math.Min(input.Length - start, 1 + _random.Next(20));
                return ([.. input[..start], .. input[(start + length)..]], $"deleted bytes {start}..{start + length}");
            case 2:
            case 3:
                var token = Tokens[_random.Next(Tokens.Length)];
                var at = _random.Next(input.Length + 1);
                return ([.. input[..at], .. Encoding.UTF8.GetBytes(token), .. input[at..]], $"inserted {Show(token)} at byte {at}");
            case 4:
                var position = _random.Next(input.Length);
                var value = (byte)_random.Next(256);
                var changed = (byte[])input.Clone();
                changed[position] = value;
                return (changed, $"byte {position} set to 0x{value:X2}");
            case 5:
            case 6:
                var matches = NumberPattern().Matches(text);
                if (matches.Count == 0) goto case 2;
                var match = matches[_random.Next(matches.Count)];
                var number = Numbers[_random.Next(Numbers.Length)];
                return (Encoding.UTF8.GetBytes(text[..match.Index] + number + text[(match.Index + match.Length)..]), $"number '{match.Value}' at {match.Index} replaced by '{number}'");
            case 7:
                var lines = text.Split('\n').ToList();
                var line = _random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                return (Encoding.UTF8.GetBytes(string.Join('\n', lines)), $"line {line + 1} duplicated");
            case 8:
                var kept = text.Split('\n').ToList();
                var dropped = _random.Next(kept.Count);
                kept.RemoveAt(dropped);
                return (Encoding.UTF8.GetBytes(string.Join('\n', kept)), $"line {dropped + 1} removed");
            case 9:
                return Reencode(input, text);
            case 10:
                var word = WordPattern().Matches(text);
                if (word.Count == 0) goto case 2;
                var target = word[_random.Next(word.Count)];
                var replacement = target.Value.Length > 1 ? target.Value[..^1] : target.Value + "x";
                return (Encoding.UTF8.GetBytes(text[..target.Index] + replacement + text[(target.Index + target.Length)..]), $"word '{target.Value}' at {target.Index} misspelt");
            default:
                var depth = 100 + _random.Next(200);
                var open = _random.Next(2) == 0 ? "[" : "{\"a\": ";
                var place = _random.Next(input.Length + 1);
                return ([.. input[..place], .. System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))), .. input[place..]], $"{depth} nested '{open}' at byte {place}");
        }
    }

    private (byte[], string) Reencode(byte[] input, string text) => _random.Next(5) switch
    {
        0 => ([0xEF, 0xBB, 0xBF, .. input], "UTF-8 byte-order mark added"),
        1 => (System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray(), "re-encoded as UTF-16 LE with BOM"),
        2 => (System.Text.Encoding.BigEndianUnicode.GetBytes(text), "re-encoded as UTF-16 BE without BOM"),
        3 => (System.Text.Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r')), "CR-only line endings"),
        _ => (System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)), "CRLF line endings"),
    };

    private static string Show(string token) => string.Concat(token.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));

    [GeneratedRegex(@"-?\d+(\.\d+)?")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[A-Za-z_@][A-Za-z0-9_@.\-]*")]
    private static partial Regex WordPattern();
}
