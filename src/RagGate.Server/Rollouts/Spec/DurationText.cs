using System.Globalization;
using System.Text.RegularExpressions;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// Durations as Argo Rollouts writes them: a whole number of seconds (<c>30</c>) or Go-style units
/// (<c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1m30s</c>).
/// </summary>
public static partial class DurationText
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds > 366L * 24 * 3600) return false;
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }
        if (!Units().IsMatch(text)) return false;
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            duration += part.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
            if (duration > TimeSpan.FromDays(366)) return false;
        }
        return true;
    }

    /// <summary>Formats a duration the way Argo Rollouts reads it (<c>30s</c>, <c>1500ms</c>, <c>2m</c>).</summary>
    public static string Format(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerSecond != 0 ? $"{(long)duration.TotalMilliseconds}ms"
        : duration.Ticks % TimeSpan.TicksPerHour == 0 && duration > TimeSpan.Zero ? $"{(long)duration.TotalHours}h"
        : duration.Ticks % TimeSpan.TicksPerMinute == 0 && duration > TimeSpan.Zero ? $"{(long)duration.TotalMinutes}m"
        : $"{(long)duration.TotalSeconds}s";

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h))+$")]
    private static partial Regex Units();

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)")]
    private static partial Regex Part();
}
