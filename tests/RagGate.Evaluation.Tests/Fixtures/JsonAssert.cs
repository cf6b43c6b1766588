using System.Text.Json;

namespace RagGate.Evaluation.Tests.Fixtures;

/// <summary>Compares two JSON texts by value: same properties, same strings, numbers equal as doubles.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
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
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(names.SequenceEqual(actual.EnumerateObject().Select(p => p.Name)),
                    $"{path}: expected properties {string.Join(",", names)}, found {string.Join(",", actual.EnumerateObject().Select(p => p.Name))}");
                foreach (var name in names)
                    Equivalent(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
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
