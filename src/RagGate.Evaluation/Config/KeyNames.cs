namespace RagGate.Evaluation.Config;

/// <summary>What to say about an unknown key: the closest valid key when one is near, else all of them.</summary>
public static class KeyNames
{
    /// <summary>"did you mean 'x'? expected one of: ..." when a valid key is a few edits away, else the list of valid keys.</summary>
    public static string Suggest(string key, IEnumerable<string> valid)
    {
        var names = valid.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
            return "expected no fields here";
        var closest = names.MinBy(n => Distance(key.ToLowerInvariant(), n.ToLowerInvariant()))!;
        return Distance(key.ToLowerInvariant(), closest.ToLowerInvariant()) <= Math.Max(1, closest.Length / 3)
            ? $"did you mean '{closest}'? expected one of: {string.Join(", ", names)}"
            : $"expected one of: {string.Join(", ", names)}";
    }

    // Levenshtein distance with two rows; keys are short.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
