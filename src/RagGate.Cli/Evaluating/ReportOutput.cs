using RagGate.Cli.Hosting;
using RagGate.Cli.Reporting;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using Spectre.Console;

namespace RagGate.Cli.Evaluating;

/// <summary>Writes the run and every report, and shows the scorecard where people look: terminal, CI summary, annotations.</summary>
internal static class ReportOutput
{
    public static async Task WriteAsync(EvaluationReport report, Run? run, string outDir, bool json, CancellationToken cancellationToken)
    {
        await ReportFolder.WriteAsync(outDir, async folder =>
        {
            if (run is not null)
            {
                await RunFile.WriteAsync(run, Path.Combine(folder, "run.json"), cancellationToken);
                await AtomicFile.WriteTextAsync(Path.Combine(folder, "run.trec"), writer => TrecRunFile.Write(run, writer, "raggate"), cancellationToken);
            }

            await ReportFiles.WriteAllAsync(report, folder, cancellationToken);
            var comment = MarkdownReportWriter.WritePullRequestComment(report);
            await AtomicFile.WriteTextAsync(Path.Combine(folder, "pr-comment.md"), writer => writer.Write(comment), cancellationToken);
        });

        if (json)
        {
            await using var stdout = Console.OpenStandardOutput();
            await new JsonReportWriter().WriteAsync(report, stdout, cancellationToken);
        }
        else
        {
            new ConsoleScorecardWriter(AnsiConsole.Console).Write(report);
            AnsiConsole.MarkupLine($"[grey]Reports: {Markup.Escape(Path.GetFullPath(outDir))} (run.json, run.trec, report.md, pr-comment.md, report.json, junit.xml, report.html)[/]");
        }

        await GitHubActions.AppendStepSummaryAsync(MarkdownReportWriter.Render(report), cancellationToken);
        GitHubActions.WriteAnnotations(report, Console.Out);
    }
}
