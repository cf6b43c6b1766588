using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace RagGate.Evaluation;

/// <summary>
/// The text of a vocabulary enum value as files and reports write it: the value's
/// <see cref="JsonStringEnumMemberNameAttribute"/>, so JSON, YAML and the rendered reports agree by construction.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Type, (Dictionary<object, string> Names, Dictionary<string, object> Values)> Tables = new();

    /// <summary>The written name of <paramref name="value"/>, for example <c>lower-bound</c> for <c>GateMode.LowerBound</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Table(typeof(TEnum)).Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Parses a written name (exact, case-sensitive, as the files write it).</summary>
    public static bool TryParse<TEnum>(string text, [NotNullWhen(true)] out TEnum value) where TEnum : struct, Enum
    {
        if (Table(typeof(TEnum)).Values.TryGetValue(text, out var boxed))
        {
            value = (TEnum)boxed;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Every written name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(Of)];

    private static (Dictionary<object, string> Names, Dictionary<string, object> Values) Table(Type type) =>
        Tables.GetOrAdd(type, static t =>
        {
            var names = new Dictionary<object, string>();
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var field in t.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = field.GetValue(null)!;
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                names[value] = name;
                values[name] = value;
            }
            return (names, values);
        });
}
