using System.Text;
using System.Text.Json;
using RagGate.Evaluation.Serialization;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>Reads JSON golden-set files keeping each object's line, so errors can point at it.</summary>
internal static class JsonLines
{
    /// <summary>The elements of the <c>queries</c> array of a reference JSON file, each with its starting line.</summary>
    public static List<(JsonElement Element, int Line)> ReferenceQueries(string file, byte[] bytes)
    {
        var lines = LineStarts(bytes);
        var result = new List<(JsonElement, int)>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new InputException($"{file}:1: the file is not a JSON object; expected {{\"queries\": [...]}}");
            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("queries"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                found = true;
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw new InputException($"{file}:{LineOf(lines, reader.TokenStartIndex)}: \"queries\" is not an array; expected {{\"queries\": [...]}}");
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var line = LineOf(lines, reader.TokenStartIndex);
                    using var document = JsonDocument.ParseValue(ref reader);
                    result.Add((document.RootElement.Clone(), line));
                }
            }
            if (!found)
                throw new InputException($"{file}:1: there is no \"queries\" array; expected {{\"queries\": [...]}}");
            while (reader.Read())
            {
                // Reading to the end reports trailing garbage as invalid JSON.
            }
        }
        catch (JsonException e)
        {
            throw InvalidJson(file, e);
        }
        return result;
    }

    /// <summary>One JSON object per non-blank line (JSONL), each with its line.</summary>
    public static List<(JsonElement Element, int Line)> Objects(string file, byte[] bytes)
    {
        var result = new List<(JsonElement, int)>();
        var text = Encoding.UTF8.GetString(bytes);
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            if (line.IsWhiteSpace())
                continue;
            try
            {
                using var document = JsonDocument.Parse(line.ToString());
                result.Add((document.RootElement.Clone(), lineNumber));
            }
            catch (JsonException e)
            {
                throw new InputException($"{file}:{lineNumber}: invalid JSON: {Reason(e)}; expected one JSON object per line", e);
            }
        }
        return result;
    }

    public static InputException InvalidJson(string file, JsonException e) => JsonErrors.Invalid(file, e);

    private static string Reason(JsonException e) => JsonErrors.Reason(e);

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                starts.Add(i + 1);
        }
        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
