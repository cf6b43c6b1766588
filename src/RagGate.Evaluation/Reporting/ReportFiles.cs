using RagGate.Evaluation.IO;

namespace RagGate.Evaluation.Reporting;

/// <summary>Writes every report format into one folder, all or nothing.</summary>
public static class ReportFiles
{
    /// <summary>
    /// Writes <c>report.md</c>, <c>report.json</c>, <c>junit.xml</c> and <c>report.html</c> into
    /// <paramref name="outDir"/> (created when missing). Each file is rendered to a temporary file first and
    /// renamed into place only when all four rendered, so a failure leaves no half-written report behind.
    /// </summary>
    /// <returns>The full paths written, in <see cref="ReportWriters.All"/> order.</returns>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(EvaluationReport report, string outDir, CancellationToken ct)
    {
        var staged = new List<(string Temp, string Final)>();
        try
        {
            foreach (var writer in ReportWriters.All)
            {
                var final = Path.GetFullPath(Path.Combine(outDir, writer.FileName));
                staged.Add((await AtomicFile.StageAsync(final, (stream, token) => writer.WriteAsync(report, stream, token), ct), final));
            }

            ct.ThrowIfCancellationRequested();
            foreach (var (temp, final) in staged)
                AtomicFile.Commit(temp, final);
            return [.. staged.Select(s => s.Final)];
        }
        finally
        {
            foreach (var (temp, _) in staged)
                AtomicFile.Delete(temp);
        }
    }
}
