using RagGate.Evaluation;
using RagGate.Evaluation.IO;

namespace RagGate.Cli.Scaffold;

/// <summary>
/// Writes the starter files of <c>raggate init</c> from the templates embedded in the tool: all of them or none
/// (each is staged beside its target and renamed into place only when every one was staged), and never over an
/// existing file without --force.
/// </summary>
internal static class Scaffolder
{
    private const string Prefix = "scaffold/";
    private const string Workflow = ".github/workflows/ml-ci-cd.yml";

    /// <summary>The files init writes, relative to the folder, in a stable order.</summary>
    public static IReadOnlyList<string> Files(bool withWorkflow) =>
    [
        .. typeof(Scaffolder).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Where(f => withWorkflow || f != Workflow)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Writes the scaffold into <paramref name="folder"/>; returns the files written, relative to it.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, bool force, bool withWorkflow, CancellationToken cancellationToken)
    {
        var files = Files(withWorkflow);
        var present = files.Where(f => File.Exists(Path.Combine(folder, f)) || Directory.Exists(Path.Combine(folder, f))).ToList();
        if (present.Count > 0 && !force)
        {
            throw new InputException($"{Path.GetFullPath(folder)}: {string.Join(", ", present)} already exist{(present.Count == 1 ? "s" : "")}; "
                + "expected a folder without them, or --force to replace them");
        }

        var blocked = present.FirstOrDefault(f => Directory.Exists(Path.Combine(folder, f)));
        if (blocked is not null)
            throw new InputException($"{Path.Combine(Path.GetFullPath(folder), blocked)}: is a folder; expected a file init can replace");

        var staged = new List<(string Temp, string Final)>();
        try
        {
            foreach (var file in files)
            {
                var final = Path.GetFullPath(Path.Combine(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                staged.Add((await AtomicFile.StageAsync(final, (stream, ct) => CopyAsync(file, stream, ct), cancellationToken), final));
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temp, final) in staged)
                AtomicFile.Commit(temp, final);
            return files;
        }
        finally
        {
            foreach (var (temp, _) in staged)
                AtomicFile.Delete(temp);
        }
    }

    private static async Task CopyAsync(string file, Stream output, CancellationToken cancellationToken)
    {
        await using var template = typeof(Scaffolder).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"template {file} is not embedded");
        await template.CopyToAsync(output, cancellationToken);
    }
}
