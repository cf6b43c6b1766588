using System.Globalization;
using RagGate.Evaluation;
using RagGate.History.Storage;

namespace RagGate.History;

/// <summary>
/// A baseline named by history instead of a file: <c>last-passing:BRANCH</c>, <c>last:BRANCH</c>, or a run id
/// (<c>run:ID</c> or the bare number).
/// </summary>
public sealed record BaselineSelector
{
    private const string LastPassing = "last-passing:";
    private const string Last = "last:";
    private const string RunPrefix = "run:";

    /// <summary>The branch whose newest run is wanted, or null when a run id is given.</summary>
    public string? Branch { get; init; }

    /// <summary>True for <c>last-passing:</c>: only runs that passed every gate count.</summary>
    public bool PassingOnly { get; init; }

    /// <summary>The run id, or null when a branch is given.</summary>
    public long? RunId { get; init; }

    /// <summary>The selector as the user wrote it.</summary>
    public string Text { get; init; } = "";

    /// <summary>Reads a selector, or returns null when <paramref name="value"/> is none (a run.json path).</summary>
    public static BaselineSelector? TryParse(string value)
    {
        if (value.StartsWith(LastPassing, StringComparison.Ordinal))
            return new BaselineSelector { Branch = BranchOf(value, LastPassing), PassingOnly = true, Text = value };
        if (value.StartsWith(Last, StringComparison.Ordinal))
            return new BaselineSelector { Branch = BranchOf(value, Last), Text = value };
        var id = value.StartsWith(RunPrefix, StringComparison.Ordinal) ? value[RunPrefix.Length..] : value;
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var runId) && !File.Exists(value))
            return new BaselineSelector { RunId = runId, Text = value };
        if (value.StartsWith(RunPrefix, StringComparison.Ordinal))
            throw new InputException($"--baseline: '{value}' has no run id; expected run:ID with a number from raggate history list");
        return null;
    }

    /// <summary>The run the selector names in <paramref name="store"/>, with its run.json, or null when there is none.</summary>
    public Task<StoredRun?> ResolveAsync(IRunStore store, CancellationToken cancellationToken) =>
        RunId is { } id ? store.GetAsync(id, cancellationToken) : store.FindLatestAsync(Branch!, PassingOnly, cancellationToken);

    /// <summary>What was looked for, for the message when nothing matched.</summary>
    public string Describe() =>
        RunId is { } id ? $"no run with id {id}"
        : PassingOnly ? $"no passing run on branch '{Branch}'"
        : $"no run on branch '{Branch}'";

    private static string BranchOf(string value, string prefix)
    {
        var branch = value[prefix.Length..];
        return branch.Length > 0 ? branch : throw new InputException($"--baseline: '{value}' names no branch; expected {prefix}BRANCH, for example {prefix}main");
    }
}
