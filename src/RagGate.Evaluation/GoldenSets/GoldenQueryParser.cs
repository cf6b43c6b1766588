using System.Globalization;
using System.Text.Json;
using RagGate.Evaluation.Serialization;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>Turns one reference-format query object into a <see cref="GoldenQuery"/>, with file:line errors.</summary>
internal static class GoldenQueryParser
{
    public static GoldenQuery Parse(JsonElement element, string file, int line, int position)
    {
        var place = $"{file}:{line}";
        if (element.ValueKind != JsonValueKind.Object)
            throw new InputException($"{place}: query {position} is {Describe(element)}; expected an object with \"query\" and \"expected_doc_ids\"");
        var text = RequiredString(element, "query", place, position);
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException($"{place}: query {position} has an empty \"query\"; expected a non-empty string");
        var id = OptionalString(element, "id", place, position);
        if (id is not null && string.IsNullOrWhiteSpace(id))
            throw new InputException($"{place}: query {position} has an empty \"id\"; expected a non-empty string or no id");
        return new GoldenQuery
        {
            Id = id ?? "q" + position.ToString(CultureInfo.InvariantCulture),
            Query = text,
            Judgments = Judgments(element, place, position),
            ExpectedKeywords = StringList(element, "expected_keywords", place, position),
            Category = OptionalString(element, "category", place, position),
            Tags = StringList(element, "tags", place, position),
            ReferenceAnswer = OptionalString(element, "reference_answer", place, position),
            MustNotContain = StringList(element, "must_not_contain", place, position),
            Source = place,
        };
    }

    private static Dictionary<string, int> Judgments(JsonElement element, string place, int position)
    {
        if (!element.TryGetProperty("expected_doc_ids", out var ids) || ids.ValueKind == JsonValueKind.Null)
            throw new InputException($"{place}: query {position} has no \"expected_doc_ids\" field; expected an array of document ids ([] when no document answers it)");
        var judgments = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ids.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in ids.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !RelevanceGrade.TryParse(property.Value.GetRawText(), allowNegative: false, out var grade, out _))
                    throw new InputException(GradeError(place, position, property));
                AddJudgment(judgments, property.Name, grade, place, position);
            }
            return judgments;
        }
        foreach (var id in StringList(element, "expected_doc_ids", place, position))
            AddJudgment(judgments, id, 1, place, position);
        return judgments;
    }

    private static string GradeError(string place, int position, JsonProperty property)
    {
        var raw = property.Value.GetRawText();
        var outOfRange = property.Value.ValueKind == JsonValueKind.Number && decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value == decimal.Truncate(value) && value > int.MaxValue;
        return outOfRange
            ? $"{place}: query {position} gives document '{property.Name}' grade {raw}, which is out of range; expected a whole number from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}"
            : $"{place}: query {position} gives document '{property.Name}' grade {raw}; expected a whole number >= 0";
    }

    private static void AddJudgment(Dictionary<string, int> judgments, string id, int grade, string place, int position)
    {
        if (string.IsNullOrWhiteSpace(id))
            throw new InputException($"{place}: query {position} lists an empty document id; expected non-empty ids");
        if (!judgments.TryAdd(id, grade))
            throw new InputException($"{place}: query {position} lists document '{id}' twice; expected each document once");
    }

    private static string RequiredString(JsonElement element, string name, string place, int position)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new InputException($"{place}: query {position} has no \"{name}\" field; expected a non-empty string");
        if (value.ValueKind != JsonValueKind.String)
            throw new InputException($"{place}: query {position} field \"{name}\" is {Describe(value)}; expected a non-empty string");
        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement element, string name, string place, int position)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new InputException($"{place}: query {position} field \"{name}\" is {Describe(value)}; expected a string");
        return value.GetString();
    }

    private static IReadOnlyList<string> StringList(JsonElement element, string name, string place, int position)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
            throw new InputException($"{place}: query {position} field \"{name}\" is {Describe(value)}; expected an array of strings");
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new InputException($"{place}: query {position} field \"{name}\" holds {Describe(item)}; expected an array of strings");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static string Describe(JsonElement value) => JsonErrors.Describe(value.ValueKind);
}
