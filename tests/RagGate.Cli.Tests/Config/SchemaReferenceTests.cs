using System.Text.Json.Nodes;

namespace RagGate.Cli.Tests.Config;

/// <summary>
/// The field tables of docs/configuration.md and docs/rollouts.md are generated from the JSON Schemas
/// (<see cref="SchemaReferenceWriter"/>): a schema change that is not carried into the docs fails here, and so
/// does a property without a description (the docs would show an empty cell, the editor an empty tooltip).
/// </summary>
public sealed class SchemaReferenceTests : IDisposable
{
    /// <summary>What rewrites the docs' tables from the schemas; every failure message names it.</summary>
    public const string UpdateCommand =
        "RAGGATE_UPDATE_DOCS=1 dotnet test tests/RagGate.Cli.Tests -c Release --filter FullyQualifiedName~SchemaReferenceTests";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("docs/configuration.md", "schemas/raggate.schema.json")]
    [InlineData("docs/rollouts.md", "schemas/rollout.schema.json")]
    public void Regenerate_RepositoryDoc_MatchesItsSchemaAndCoversEveryTopLevelProperty(string doc, string schema)
    {
        var path = RepoRoot.Combine(doc.Split('/'));
        var text = File.ReadAllText(path);

        var (generated, covered) = SchemaReferenceWriter.Regenerate(text, RepoRoot.Path);

        var root = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine(schema.Split('/'))))!;
        var declared = SchemaReferenceWriter.Properties(root, root).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var inTables = covered.Where(c => c.Schema == schema).Select(c => c.Property).Order(StringComparer.Ordinal).ToList();
        Assert.True(declared.SequenceEqual(inTables),
            $"{doc}: the generated tables must cover each top-level property of {schema} exactly once; " +
            $"missing: [{string.Join(", ", declared.Except(inTables))}], extra or repeated: [{string.Join(", ", Repeated(inTables, declared))}]");

        if (Environment.GetEnvironmentVariable("RAGGATE_UPDATE_DOCS") == "1")
        {
            if (generated != text)
                File.WriteAllText(path, generated);
            return;
        }
        Assert.True(generated == text, $"{doc} no longer matches {schema} ({FirstDifference(text, generated)}); rewrite its tables with: {UpdateCommand}");
    }

    [Theory]
    [InlineData("schemas/raggate.schema.json")]
    [InlineData("schemas/rollout.schema.json")]
    public void EveryProperty_InSchema_HasADescription(string schema)
    {
        var root = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine(schema.Split('/'))))!;

        var missing = Undescribed(root, root, "").ToList();

        Assert.True(missing.Count == 0, $"{schema}: properties without a description: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Regenerate_SchemaChanged_RewritesOnlyTheTable()
    {
        _temp.Write("s.schema.json", """
            {"type": "object", "required": ["golden"], "properties": {
              "golden": {"type": "string", "description": "The golden set."},
              "eval": {"type": "object", "description": "How it runs.", "properties": {
                "k": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10, "description": "Cutoff | depth."},
                "mode": {"enum": ["a", "b"], "default": "a", "description": "Mode <x>."},
                "wait": {"$ref": "#/$defs/duration", "description": "How long."},
                "markers": {"type": "array", "items": {"type": "string"}, "default": ["I don't know", "no"], "description": "Markers."}}},
              "gates": {"type": "array", "description": "Gates.", "items": {"oneOf": [{"type": "string"}, {"type": "object",
                "properties": {"metric": {"$ref": "#/$defs/metric"}}}]}}},
             "$defs": {"metric": {"type": "string", "description": "A metric."},
               "duration": {"anyOf": [{"type": "integer"}, {"type": "string"}], "description": "Seconds or 30s."}}}
            """);
        var doc = "# Title\n\nProse before.\n\n<!-- generated from s.schema.json: golden eval gates -->\n| stale |\n" +
                  SchemaReferenceWriter.EndMarker + "\n\nProse after.\n";

        var (text, covered) = SchemaReferenceWriter.Regenerate(doc, _temp.Path);

        Assert.Equal("""
            # Title

            Prose before.

            <!-- generated from s.schema.json: golden eval gates -->
            | field | type | default | description |
            |---|---|---|---|
            | `golden` | string | required | The golden set. |
            | `eval` | object |  | How it runs. |
            | `eval.k` | integer, 1 to 100 | `10` | Cutoff \| depth. |
            | `eval.mode` | one of `a`, `b` | `a` | Mode &lt;x>. |
            | `eval.wait` | duration |  | How long. |
            | `eval.markers` | list of strings | `I don't know`, `no` | Markers. |
            | `gates` | list of strings or objects |  | Gates. |
            | `gates[].metric` | string |  | A metric. |
            <!-- end of generated table -->

            Prose after.

            """, text);
        Assert.Equal([("s.schema.json", "golden"), ("s.schema.json", "eval"), ("s.schema.json", "gates")], covered);
        Assert.Equal(text, SchemaReferenceWriter.Regenerate(text, _temp.Path).Text);
    }

    [Fact]
    public void Regenerate_TableNotClosed_ThrowsNamingTheLine()
    {
        _temp.Write("s.schema.json", """{"type": "object", "properties": {"a": {"type": "string", "description": "A."}}}""");

        var error = Assert.Throws<InvalidOperationException>(() =>
            SchemaReferenceWriter.Regenerate("intro\n<!-- generated from s.schema.json: a -->\n| a |\n", _temp.Path));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Dotted paths of the properties, anywhere in the schema ($defs included), that have no description of their own or through their $ref.</summary>
    private static IEnumerable<string> Undescribed(JsonNode root, JsonNode node, string path)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>().SelectMany(item => Undescribed(root, item, path)))
                yield return item;
            yield break;
        }
        if (node is not JsonObject obj)
            yield break;

        foreach (var (key, value) in obj)
        {
            if (value is null)
                continue;
            if (key == "properties" && value is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    var described = (string?)SchemaReferenceWriter.Resolve(root, property!)["description"];
                    if (string.IsNullOrWhiteSpace(described))
                        yield return path + name;
                    foreach (var nested in Undescribed(root, property!, path + name + "."))
                        yield return nested;
                }
            }
            else if (key == "$defs" && value is JsonObject definitions)
            {
                foreach (var (name, definition) in definitions)
                {
                    foreach (var nested in Undescribed(root, definition!, $"$defs.{name}."))
                        yield return nested;
                }
            }
            else
            {
                var prefix = key == "items" ? path.TrimEnd('.') + "[]." : path;
                foreach (var nested in Undescribed(root, value, prefix))
                    yield return nested;
            }
        }
    }

    private static IEnumerable<string> Repeated(List<string> inTables, List<string> declared) =>
        inTables.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1 || !declared.Contains(g.Key)).Select(g => g.Key);

    private static string FirstDifference(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var was = i < a.Length ? a[i] : "(end of file)";
            var should = i < e.Length ? e[i] : "(end of file)";
            if (was != should)
                return $"line {i + 1} is '{was}', the schema gives '{should}'";
        }
        return "no line differs";
    }
}
