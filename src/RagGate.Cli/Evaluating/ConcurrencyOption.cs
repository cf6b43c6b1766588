using System.Globalization;
using RagGate.Evaluation;

namespace RagGate.Cli.Evaluating;

/// <summary>Parses <c>--concurrency</c>: one whole number or a comma-separated list, like <c>eval.concurrency</c>.</summary>
internal static class ConcurrencyOption
{
    public static IReadOnlyList<int> Parse(string text)
    {
        var levels = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 1024)
            {
                throw new InputException($"--concurrency: '{text}' is not allowed; expected whole numbers from 1 to 1024 separated by commas, e.g. 1,4,16");
            }

            levels.Add(level);
        }

        return levels;
    }
}
