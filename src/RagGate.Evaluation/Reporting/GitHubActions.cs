using System.Text;

namespace RagGate.Evaluation.Reporting;

/// <summary>Shows a report where GitHub Actions looks: the job's step summary and error annotations.</summary>
public static class GitHubActions
{
    /// <summary>The title of every gate annotation.</summary>
    public const string AnnotationTitle = "RagGate gate";

    /// <summary>
    /// Appends <paramref name="markdown"/> to the file named by <c>GITHUB_STEP_SUMMARY</c>.
    /// Returns false (and does nothing) when the variable is not set.
    /// </summary>
    public static Task<bool> AppendStepSummaryAsync(string markdown, CancellationToken ct = default) =>
        AppendStepSummaryAsync(markdown, Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY"), ct);

    /// <summary>
    /// Prints an <c>::error</c> workflow command for every failed gate when <c>GITHUB_ACTIONS</c> is <c>true</c>;
    /// returns the number of lines printed.
    /// </summary>
    public static int WriteAnnotations(EvaluationReport report, TextWriter output) =>
        WriteAnnotations(report, output, string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase));

    internal static async Task<bool> AppendStepSummaryAsync(string markdown, string? path, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(path))
            return false;
        // GitHub owns the file and other steps append to it too: append, never replace.
        var text = markdown.EndsWith('\n') ? markdown : markdown + "\n";
        await File.AppendAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), ct);
        return true;
    }

    internal static int WriteAnnotations(EvaluationReport report, TextWriter output, bool enabled)
    {
        if (!enabled)
            return 0;
        var count = 0;
        foreach (var gate in report.Gates.Where(g => !g.Passed))
        {
            output.Write($"::error title={EscapeProperty(AnnotationTitle)}::{EscapeData($"{ReportFacts.GateLabel(gate)} failed: {gate.Reason}")}\n");
            count++;
        }

        return count;
    }

    /// <summary>Escapes a workflow command's message, so a newline cannot end the command early.</summary>
    internal static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a workflow command's property value, where ':' and ',' are separators too.</summary>
    internal static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
