using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RagGate.Server.Rollouts.Export;

/// <summary>Writes a JSON object as a YAML document: block style, strings quoted wherever a plain scalar would read as another type.</summary>
internal static class YamlEmitter
{
    public static string Emit(JsonObject document)
    {
        var stream = new YamlStream(new YamlDocument(Node(document)));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        // YamlStream ends each document with "...": a plain document reads better and means the same.
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlNode Node(JsonNode? node) => node switch
    {
        JsonObject obj => new YamlMappingNode(obj.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Key), Node(p.Value)))),
        JsonArray array => new YamlSequenceNode(array.Select(Node)),
        JsonValue value => Scalar(value),
        null => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        _ => throw new ArgumentException($"Unsupported JSON node {node.GetType().Name}.", nameof(node)),
    };

    private static YamlScalarNode Scalar(JsonValue value)
    {
        return value.GetValueKind() switch
        {
            JsonValueKind.String => Text(value.GetValue<string>()),
            JsonValueKind.True => new YamlScalarNode("true") { Style = ScalarStyle.Plain },
            JsonValueKind.False => new YamlScalarNode("false") { Style = ScalarStyle.Plain },
            JsonValueKind.Number => new YamlScalarNode(value.ToJsonString()) { Style = ScalarStyle.Plain },
            _ => new YamlScalarNode("null") { Style = ScalarStyle.Plain },
        };
    }

    private static YamlScalarNode Text(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
            return new YamlScalarNode(text) { Style = ScalarStyle.Literal };
        // "8080", "true", "null", "1e3" and "" would come back as numbers, booleans or null if written plain.
        var ambiguous = text.Length == 0 || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || text.ToLowerInvariant() is "true" or "false" or "null" or "~" or "yes" or "no" or "on" or "off";
        return new YamlScalarNode(text) { Style = ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }
}
