using System.Text.Json;

namespace RagGate.Evaluation.Tests.Fixtures;

/// <summary>
/// Checks that a newer writer keeps an older file's JSON: every property of <c>expected</c> is present with the same
/// value (strings equal, numbers equal as doubles, arrays item by item). A newer schema may add properties (run.json
/// grows additively within schema version 1), so extra properties in <c>actual</c> are allowed.
/// </summary>
internal static class JsonAssert
{
    public static void Preserves(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Equivalent(e.RootElement, a.RootElement, "$");
    }

    private static void Equivalent(JsonElement expected, JsonElement actual, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, found {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var value),
                        $"{path}: property {property.Name} was dropped; found {string.Join(",", actual.EnumerateObject().Select(p => p.Name))}");
                    Equivalent(property.Value, value, $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: expected {expected.GetArrayLength()} items, found {actual.GetArrayLength()}");
                for (var i = 0; i < expected.GetArrayLength(); i++)
                    Equivalent(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDouble() == actual.GetDouble(), $"{path}: expected {expected.GetRawText()}, found {actual.GetRawText()}");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: expected \"{expected.GetString()}\", found \"{actual.GetString()}\"");
                break;
        }
    }
}
