using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagGate.Server.Tests.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> describes exactly the fields of
/// docs/http-target.md: the request bodies' fields (from the page's request examples) and the
/// response fields (from its tables), for <c>/retrieve</c> and <c>/answer</c>.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed partial class OpenApiDocumentTests(SampleKb sample)
{
    [Fact]
    public async Task OpenApi_RetrieveAndAnswer_DescribeTheFieldsOfTheContractPage()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.openapi.yaml"));
        using var client = server.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var page = File.ReadAllText(RepoRoot.Combine("docs", "http-target.md"));

        foreach (var endpoint in new[] { "retrieve", "answer" })
        {
            var section = Section(page, endpoint);
            var operation = document.RootElement.GetProperty("paths").GetProperty("/" + endpoint).GetProperty("post");
            var request = Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
            var response = Resolve(document, operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

            Assert.Equal(RequestFields(section), Fields(document, request, "").Order(StringComparer.Ordinal));
            Assert.Equal(TableFields(section), Fields(document, response, "").Where(f => !HasChildren(f, Fields(document, response, ""))).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The part of the page about one endpoint: from its heading to the next.</summary>
    private static string Section(string page, string endpoint)
    {
        var start = page.IndexOf($"## `POST {{base}}/{endpoint}`", StringComparison.Ordinal);
        Assert.True(start >= 0, endpoint + " heading not found");
        var end = page.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return page[start..(end < 0 ? page.Length : end)];
    }

    /// <summary>The request example's top-level fields: the first JSON block after "Request:".</summary>
    private static List<string> RequestFields(string section)
    {
        var block = JsonBlock().Match(section[section.IndexOf("Request:", StringComparison.Ordinal)..]).Groups[1].Value;
        using var example = JsonDocument.Parse(block);
        return example.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The table's field paths (<c>documents[].id</c>, <c>usage.promptTokens</c>); for <c>/retrieve</c> the table lists the
    /// documents' fields, and in <c>/answer</c>'s the arrays of documents (<c>documents</c>, <c>ranking</c>) have the same fields.
    /// </summary>
    private static List<string> TableFields(string section) =>
        TableRow().Matches(section).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList() is var rows && rows.All(r => r.StartsWith("documents[].", StringComparison.Ordinal))
            ? rows
            : rows.SelectMany(r => r is "documents" or "ranking" ? DocumentFields.Select(f => $"{r}[].{f}") : [r]).Order(StringComparer.Ordinal).ToList();

    private static readonly string[] DocumentFields = ["id", "rank", "score", "text"];

    private static bool HasChildren(string field, IEnumerable<string> all) =>
        all.Any(f => f.StartsWith(field + ".", StringComparison.Ordinal) || f.StartsWith(field + "[].", StringComparison.Ordinal));

    /// <summary>Every property path of a schema, nested objects and arrays of objects included.</summary>
    private static List<string> Fields(JsonDocument document, JsonElement schema, string prefix)
    {
        var fields = new List<string>();
        if (!schema.TryGetProperty("properties", out var properties)) return fields;
        foreach (var property in properties.EnumerateObject())
        {
            var path = prefix + property.Name;
            fields.Add(path);
            var value = Resolve(document, property.Value);
            if (value.TryGetProperty("items", out var items))
            {
                fields.AddRange(Fields(document, Resolve(document, items), path + "[]."));
            }
            else
            {
                fields.AddRange(Fields(document, value, path + "."));
            }
        }

        return fields;
    }

    private static JsonElement Resolve(JsonDocument document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        // A nullable reference is written as oneOf [null, $ref] / anyOf.
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(key, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    if (option.TryGetProperty("$ref", out _) || option.TryGetProperty("properties", out _)) return Resolve(document, option);
                }
            }
        }

        return schema;
    }

    [GeneratedRegex(@"```json\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^\| `([A-Za-z\[\]\.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
