using System.CommandLine;
using System.CommandLine.Parsing;

namespace RagGate.Cli.Hosting;

/// <summary>
/// Turns a command-line parse error into one line that names the offending token and the closest
/// valid command or option. A usage error exits 2, like any bad input, so a typo in a CI workflow
/// never reads as a failed gate (exit 1).
/// </summary>
internal static class UsageError
{
    /// <summary>The one line to print for a parse result with errors.</summary>
    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var path = CommandPath(parse.CommandResult);
        var prefix = path.Length == 0 ? "raggate: " : $"raggate: {path}: ";
        var token = parse.UnmatchedTokens.FirstOrDefault();
        if (token is null)
            return prefix + parse.Errors[0].Message.ReplaceLineEndings(" ");

        var isOption = token.StartsWith('-');
        var candidates = isOption
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        var closest = Closest(token, candidates);
        var what = isOption ? "option" : command.Subcommands.Count > 0 ? "command" : "argument";
        var hint = closest is null ? $"; see raggate {path} --help".Replace("  ", " ", StringComparison.Ordinal) : $"; did you mean {closest}?";
        return $"{prefix}unknown {what} '{token}'{hint}";
    }

    /// <summary>The candidate nearest to <paramref name="token"/> by edit distance, when it is near enough to be a typo.</summary>
    public static string? Closest(string token, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Candidate: c, Distance: Distance(token.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        // More than half the word changed is not a typo of it.
        return best.Candidate is not null && best.Distance <= Math.Max(2, best.Candidate.Length / 2) ? best.Candidate : null;
    }

    // The subcommand names below the root (which is named after the executable), or "" at the root.
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult { Parent: not null } c; r = c.Parent)
            names.Add(c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    // Levenshtein distance, two rows.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
