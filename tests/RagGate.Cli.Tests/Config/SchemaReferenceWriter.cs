using System.Text;
using System.Text.Json.Nodes;

namespace RagGate.Cli.Tests.Config;

/// <summary>
/// Writes the field tables of the docs from the JSON Schemas, so the reference cannot drift from what editors check.
/// A table sits between <c>&lt;!-- generated from schemas/X.schema.json: a b c --&gt;</c> (the schema and the
/// top-level properties it covers, each flattened into dotted paths) and <see cref="EndMarker"/>; everything
/// outside the markers is hand-written prose and is left as it is.
/// </summary>
internal static class SchemaReferenceWriter
{
    public const string BeginMarker = "<!-- generated from ";
    public const string EndMarker = "<!-- end of generated table -->";

    private const string Header = "| field | type | default | description |\n|---|---|---|---|\n";

    /// <summary>
    /// The markdown with every generated table written afresh from its schema (paths relative to <paramref name="root"/>),
    /// and the (schema, top-level property) pairs the tables cover.
    /// </summary>
    public static (string Text, IReadOnlyList<(string Schema, string Property)> Covered) Regenerate(string markdown, string root)
    {
        var output = new StringBuilder();
        var covered = new List<(string, string)>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            output.Append(lines[i]);
            if (i < lines.Length - 1)
                output.Append('\n');
            if (!lines[i].StartsWith(BeginMarker, StringComparison.Ordinal))
                continue;

            var (schemaPath, properties) = ParseMarker(lines[i], i + 1);
            var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(root, schemaPath)))!;
            output.Append(Table(schema, properties, schemaPath));
            covered.AddRange(properties.Select(p => (schemaPath, p)));

            var end = Array.FindIndex(lines, i + 1, l => l == EndMarker);
            if (end < 0)
                throw new InvalidOperationException($"line {i + 1}: the generated table is not closed by '{EndMarker}'");
            i = end - 1;
        }
        return (output.ToString(), covered);
    }

    private static (string Schema, string[] Properties) ParseMarker(string line, int number)
    {
        var body = line[BeginMarker.Length..];
        var close = body.IndexOf("-->", StringComparison.Ordinal);
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        if (close < 0 || colon < 0 || colon > close)
            throw new InvalidOperationException($"line {number}: expected '{BeginMarker}schemas/NAME.schema.json: property property ... -->'");
        var properties = body[(colon + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (body[..colon].Trim(), properties);
    }

    private static string Table(JsonNode schema, string[] properties, string schemaPath)
    {
        var table = new StringBuilder(Header);
        var declared = Properties(schema, schema).ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var name in properties)
        {
            if (!declared.TryGetValue(name, out var property))
                throw new InvalidOperationException($"{schemaPath} has no top-level property '{name}'");
            WriteRows(table, schema, property.Schema, name, property.Required);
        }
        return table.ToString();
    }

    /// <summary>One row for the property, then its nested properties (list items as <c>name[].field</c>), depth first.</summary>
    private static void WriteRows(StringBuilder table, JsonNode root, JsonNode schema, string path, bool required)
    {
        var resolved = Resolve(root, schema);
        table.Append("| `").Append(path).Append("` | ")
            .Append(Cell(TypeOf(root, schema))).Append(" | ")
            .Append(required ? "required" : DefaultOf(resolved)).Append(" | ")
            .Append(Cell((string?)resolved["description"] ?? "")).Append(" |\n");

        foreach (var (name, child, childRequired) in Properties(root, resolved))
            WriteRows(table, root, child, $"{path}.{name}", childRequired);
        if (resolved["items"] is JsonNode items)
        {
            foreach (var (name, child, childRequired) in Properties(root, items))
                WriteRows(table, root, child, $"{path}[].{name}", childRequired);
        }
    }

    /// <summary>The properties an object schema declares, its oneOf/anyOf branches' included (a gate is a string or an object).</summary>
    public static IEnumerable<(string Name, JsonNode Schema, bool Required)> Properties(JsonNode root, JsonNode schema)
    {
        var resolved = Resolve(root, schema);
        if (resolved["properties"] is JsonObject properties)
        {
            var required = (resolved["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var (name, child) in properties)
                yield return (name, child!, required.Contains(name));
        }
        foreach (var branch in Branches(resolved))
        {
            foreach (var property in Properties(root, branch))
                yield return property;
        }
    }

    /// <summary>A <c>$ref</c> to <c>#/$defs/NAME</c> replaced by the definition, the referring schema's own keywords (its description) winning.</summary>
    public static JsonNode Resolve(JsonNode root, JsonNode schema)
    {
        if (schema["$ref"] is not JsonValue reference)
            return schema;
        var target = (string)reference!;
        const string Prefix = "#/$defs/";
        var definition = target.StartsWith(Prefix, StringComparison.Ordinal) ? root["$defs"]?[target[Prefix.Length..]] : null;
        if (definition is null)
            throw new InvalidOperationException($"cannot resolve $ref '{target}'");

        var merged = (JsonObject)Resolve(root, definition).DeepClone();
        foreach (var (key, value) in (JsonObject)schema)
        {
            if (key != "$ref")
                merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static IEnumerable<JsonNode> Branches(JsonNode schema) =>
        new[] { schema["oneOf"], schema["anyOf"] }.OfType<JsonArray>().SelectMany(b => b).OfType<JsonNode>();

    /// <summary>
    /// The type in words with its allowed values or range: <c>integer, 1 to 4096</c>, <c>one of `fp32`, `int8`</c>;
    /// plural for the items of a list (<c>list of integers, 1 to 1024</c>).
    /// </summary>
    private static string TypeOf(JsonNode root, JsonNode schema, bool plural = false)
    {
        // A definition that is a choice of types (a duration: seconds or "30s") reads best by its name; the prose says what it is.
        if (schema["$ref"] is JsonValue reference && Resolve(root, schema) is var definition
            && definition["type"] is null && definition["enum"] is null && definition["const"] is null)
        {
            var name = ((string)reference!).Split('/')[^1];
            return plural ? name + "s" : name;
        }
        schema = Resolve(root, schema);
        if (schema["const"] is JsonNode constant)
            return "always " + Code(constant);
        if (schema["enum"] is JsonArray values)
            return "one of " + string.Join(", ", values.Select(v => Code(v!)));

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => (string)t!).ToList(),
            JsonValue single => [(string)single!],
            _ => [],
        };
        if (types.Count == 0)
            return string.Join(" or ", Branches(schema).Select(b => TypeOf(root, b, plural)).Distinct(StringComparer.Ordinal));

        var words = types.Select(type => type switch
        {
            "array" => ListOf(root, schema),
            "null" => "null",
            "string" when (string?)schema["format"] == "uri" => plural ? "URIs" : "URI",
            _ => plural ? type + "s" : type,
        });
        return string.Join(" or ", words) + Range(schema);
    }

    private static string ListOf(JsonNode root, JsonNode schema)
    {
        var items = schema["items"] is JsonNode node ? TypeOf(root, node, plural: true) : "values";
        var least = schema["minItems"] is JsonNode min && (int)min > 0 ? $" (at least {min.ToJsonString()})" : "";
        return "list of " + items + least;
    }

    private static string Range(JsonNode schema)
    {
        var min = schema["minimum"]?.ToJsonString();
        var above = schema["exclusiveMinimum"]?.ToJsonString();
        var max = schema["maximum"]?.ToJsonString();
        var below = schema["exclusiveMaximum"]?.ToJsonString();
        var low = min is not null ? (max is not null ? min : "at least " + min) : above is not null ? "above " + above : null;
        var high = max is not null ? (min is not null ? max : "at most " + max) : below is not null ? "below " + below : null;
        return (low, high) switch
        {
            (null, null) => "",
            (not null, null) => ", " + low,
            (null, not null) => ", " + high,
            _ when min is not null && max is not null => $", {min} to {max}",
            _ => $", {low}, {high}",
        };
    }

    private static string DefaultOf(JsonNode schema) => schema["default"] is JsonNode value ? Cell(Code(value)) : "";

    /// <summary>A value as code: strings bare (newlines as <c>\n</c>), a list item by item, anything else as JSON.</summary>
    private static string Code(JsonNode value)
    {
        if (value is JsonArray { Count: > 0 } list)
            return string.Join(", ", list.Select(item => Code(item!)));
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Replace("\n", "\\n", StringComparison.Ordinal) : value.ToJsonString();
        return "`" + text + "`";
    }

    /// <summary>
    /// Text safe in a table cell: a pipe would end the cell, and a '&lt;' starts an HTML tag in markdown
    /// ('&lt;metric&gt; &lt;op&gt; &lt;number&gt;' would vanish from the page).
    /// </summary>
    private static string Cell(string text) =>
        text.Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
