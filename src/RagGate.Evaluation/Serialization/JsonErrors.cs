using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RagGate.Evaluation.Serialization;

/// <summary>Turns a <see cref="JsonException"/> into one line in RagGate's words: file, line, JSON path and what is expected.</summary>
internal static partial class JsonErrors
{
    public static InputException Invalid(string file, JsonException e)
    {
        var line = ((e.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        var at = e.Path is { Length: > 1 } path ? $" at {path}" : "";
        var converted = WrongType().Match(e.Message);
        return converted.Success
            ? new InputException($"{file}:{line}: wrong type{at}; expected {Expected(converted.Groups["type"].Value)}", e)
            : new InputException($"{file}:{line}: invalid JSON: {Reason(e)}{at}", e);
    }

    /// <summary>A JSON kind as a user reads it ("an array", "null").</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    // JsonException messages end with " Path: $ | LineNumber: 0 | BytePositionInLine: 3."; the line is already in front.
    public static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut < 0 ? message : message[..cut]).Trim().TrimEnd('.');
        var column = e.BytePositionInLine is { } position ? $" (column {position + 1})" : "";
        return message.Replace('\n', ' ').Replace('\r', ' ') + column;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object of name-value pairs",
        "System.String" => "a string",
        "System.Int32" or "System.Int64" => "a whole number (32-bit)",
        "System.Double" or "System.Single" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.DateTimeOffset" or "System.DateTime" => "a date and time (ISO 8601)",
        _ => "an object",
    };

    [GeneratedRegex(@"could not be converted to (?<type>[^\s]+?)\.? Path", RegexOptions.CultureInvariant)]
    private static partial Regex WrongType();
}
