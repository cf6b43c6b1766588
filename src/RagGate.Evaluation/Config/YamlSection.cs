using System.Globalization;
using RagGate.Evaluation.IO;
using YamlDotNet.RepresentationModel;

namespace RagGate.Evaluation.Config;

/// <summary>
/// A YAML mapping read field by field, so every error names the file, the line and the field path,
/// and unknown fields are rejected rather than silently ignored.
/// </summary>
public sealed class YamlSection
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    internal YamlSection(string file, string path, YamlMappingNode node)
    {
        File = file;
        Path = path;
        _node = node;
    }

    /// <summary>The file the section came from.</summary>
    public string File { get; }

    /// <summary>The dotted path of this section (empty at the root).</summary>
    public string Path { get; }

    /// <summary>Parses YAML text whose root must be a mapping.</summary>
    public static YamlSection Parse(string file, string text) => Parse(file, text, "a raggate.yaml config");

    /// <summary>Parses YAML text whose root must be a mapping; <paramref name="expected"/> names the kind of file in errors.</summary>
    public static YamlSection Parse(string file, string text, string expected)
    {
        if (YamlText.Parse(file, text, expected) is not YamlMappingNode root)
        {
            throw new InputException($"{file}:1: expected a YAML mapping (key: value pairs) at the top level");
        }

        return new YamlSection(file, "", root);
    }

    /// <summary>True when the mapping has <paramref name="key"/>, even with an empty or null value.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The 1-based line of <paramref name="key"/>'s value, or of this mapping when the key is absent.</summary>
    public long LineOf(string key) => (Find(key) ?? _node).Start.Line;

    /// <summary>The 1-based line where this mapping starts.</summary>
    public long Line => _node.Start.Line;

    /// <summary>An error at a node of this section.</summary>
    public InputException Error(string key, string expected) => Error(Find(key) ?? _node, FieldPath(key), expected);

    /// <summary>A string field, or the default when absent.</summary>
    public string? String(string key, string? fallback = null)
    {
        var node = Take(key);
        if (node is null) return fallback;
        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            throw Error(node, FieldPath(key), "expected a string");
        }

        return scalar.Value;
    }

    /// <summary>A path field, or null when absent: an empty path or one holding NUL or control characters is an error at its line.</summary>
    public string? PathString(string key)
    {
        var value = String(key);
        if (value is null) return null;
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(key, "the path is empty; expected a file or folder path");
        }

        if (value.Any(char.IsControl))
        {
            throw Error(key, "the path contains a NUL or control character; expected a file or folder path");
        }

        return value;
    }

    /// <summary>A string field restricted to a set of values.</summary>
    public string Choice(string key, string fallback, params string[] allowed)
    {
        var value = String(key, fallback)!;
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw Error(Find(key)!, FieldPath(key), $"'{value}' is not allowed; expected one of: {string.Join(", ", allowed)}");
        }

        return value.ToLowerInvariant();
    }

    /// <summary>An integer field within [min, max], or the default when absent.</summary>
    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var node = Take(key);
        if (node is null) return fallback;
        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            // A whole number too large for 32 bits is out of range, not "not a whole number".
            var tooLarge = node is YamlScalarNode { Value: { } digits } && System.Numerics.BigInteger.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            throw Error(node, FieldPath(key), tooLarge
                ? $"{((YamlScalarNode)node).Value} is out of range; expected {RangeText(min, max)}"
                : "expected a whole number");
        }

        if (value < min || value > max)
        {
            throw Error(node, FieldPath(key), $"{value} is out of range; expected {RangeText(min, max)}");
        }

        return value;
    }

    /// <summary>One whole number or a list of them, each within [min, max]; the default when absent.</summary>
    public IReadOnlyList<int> Ints(string key, IReadOnlyList<int> fallback, int min, int max)
    {
        var node = Take(key);
        if (node is null) return fallback;
        IEnumerable<(YamlNode Node, string Path)> items = node is YamlSequenceNode sequence
            ? sequence.Children.Select((child, i) => (child, $"{FieldPath(key)}[{i}]"))
            : [(node, FieldPath(key))];
        var values = items.Select(item =>
            item.Node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value < min || value > max ? throw Error(item.Node, item.Path, $"{value} is out of range; expected {RangeText(min, max)}") : value
                : throw Error(item.Node, item.Path, "expected a whole number or a list of whole numbers")).ToList();
        return values.Count > 0 ? values : throw Error(node, FieldPath(key), "the list is empty; expected at least one whole number");
    }

    /// <summary>A number field within [min, max], or the default when absent.</summary>
    public double Number(string key, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Take(key);
        return node is null ? fallback : ParseNumber(node, FieldPath(key), min, max);
    }

    /// <summary>An optional number field.</summary>
    public double? OptionalNumber(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        var node = Take(key);
        return node is null ? null : ParseNumber(node, FieldPath(key), min, max);
    }

    /// <summary>A boolean field.</summary>
    public bool Bool(string key, bool fallback)
    {
        var node = Take(key);
        if (node is null) return fallback;
        if (node is not YamlScalarNode { Value: { } text } || !bool.TryParse(text, out var value))
        {
            throw Error(node, FieldPath(key), "expected true or false");
        }

        return value;
    }

    /// <summary>A nested mapping, or null when absent.</summary>
    public YamlSection? Section(string key)
    {
        var node = Take(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: null or "" or "~" }) return null;
        if (node is not YamlMappingNode mapping)
        {
            throw Error(node, FieldPath(key), "expected a mapping (key: value pairs)");
        }

        return new YamlSection(File, FieldPath(key), mapping);
    }

    /// <summary>A list of strings, or an empty list when absent.</summary>
    public IReadOnlyList<string> Strings(string key, IReadOnlyList<string>? fallback = null)
    {
        var node = Take(key);
        if (node is null) return fallback ?? [];
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, FieldPath(key), "expected a list of strings");
        }

        return sequence.Children.Select((child, i) => child is YamlScalarNode { Value: { } text }
            ? text
            : throw Error(child, $"{FieldPath(key)}[{i}]", "expected a string")).ToList();
    }

    /// <summary>The items of a list field: each either a scalar string or a mapping.</summary>
    public IReadOnlyList<YamlItem> Items(string key)
    {
        var node = Take(key);
        if (node is null) return [];
        if (node is not YamlSequenceNode sequence)
        {
            throw Error(node, FieldPath(key), "expected a list");
        }

        return sequence.Children.Select((child, i) =>
        {
            var path = $"{FieldPath(key)}[{i}]";
            return child switch
            {
                YamlScalarNode { Value: { } text } => new YamlItem(path, child.Start.Line, text, null),
                YamlMappingNode mapping => new YamlItem(path, child.Start.Line, null, new YamlSection(File, path, mapping)),
                _ => throw Error(child, path, "expected a string or a mapping"),
            };
        }).ToList();
    }

    /// <summary>Rejects any field of this section that was not read.</summary>
    public void RejectUnknownFields()
    {
        foreach (var (keyNode, _) in _node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key))
            {
                throw Error(keyNode, FieldPath(key), $"unknown field '{key}'; {KeyNames.Suggest(key, _read)}");
            }
        }
    }

    private YamlNode? Find(string key) =>
        _node.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    private YamlNode? Take(string key)
    {
        _read.Add(key);
        var node = Find(key);
        return node is YamlScalarNode { Style: not YamlDotNet.Core.ScalarStyle.SingleQuoted and not YamlDotNet.Core.ScalarStyle.DoubleQuoted, Value: "~" or "null" } ? null : node;
    }

    private double ParseNumber(YamlNode node, string path, double min, double max)
    {
        if (node is not YamlScalarNode { Value: { } text }
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw Error(node, path, node is YamlScalarNode { Value: { } literal } && IsNonFinite(literal)
                ? $"'{literal}' is not a finite number; expected a finite number"
                : "expected a number");
        }

        if (value < min || value > max)
        {
            throw Error(node, path, $"{text} is out of range; expected {RangeText(min, max)}");
        }

        return value;
    }

    private static bool IsNonFinite(string text) =>
        text.TrimStart('+', '-').ToLowerInvariant() is ".inf" or ".nan" or "inf" or "nan" or "infinity"
        || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsFinite(value));

    private string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private InputException Error(YamlNode node, string path, string expected) =>
        new($"{File}:{node.Start.Line}: {path}: {expected}");

    private static string RangeText(double min, double max) =>
        (min, max) switch
        {
            (double.MinValue or int.MinValue, _) => $"at most {max.ToString(CultureInfo.InvariantCulture)}",
            (_, double.MaxValue or int.MaxValue) => $"at least {min.ToString(CultureInfo.InvariantCulture)}",
            _ => $"between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}",
        };
}
