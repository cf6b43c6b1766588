using RagGate.Evaluation;
using RagGate.Evaluation.IO;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Export;

/// <summary>
/// Maps a rollout spec onto Argo Rollouts: a <c>Rollout</c> with the same canary steps, an <c>AnalysisTemplate</c>
/// per spec template (errors and latency on Prometheus, quality as a <c>raggate eval</c> job), the stable and canary
/// <c>Service</c>s, and the ConfigMap the eval job mounts. What Argo cannot express is refused, never dropped.
/// </summary>
public static class ArgoExporter
{
    /// <summary>The objects, in the order <c>kubectl apply</c> should create them.</summary>
    public static IReadOnlyList<ExportedManifest> Export(RolloutSpec spec)
    {
        var used = spec.Steps.OfType<AnalysisStep>().SelectMany(s => s.Templates).Distinct().ToList();
        var templates = spec.AnalysisTemplates.Where(t => used.Contains(t.Name)).ToList();
        var manifests = new List<ExportedManifest>
        {
            new("service-stable.yaml", ServiceManifest.Build(spec, ArgoNames.StableService(spec))),
            new("service-canary.yaml", ServiceManifest.Build(spec, ArgoNames.CanaryService(spec))),
        };
        if (templates.SelectMany(t => t.Metrics).Any(m => m.Measure == MeasureKind.Quality))
            manifests.Add(new("configmap-eval.yaml", EvalConfigMap.Build(spec)));
        manifests.AddRange(templates.Select(t => new ExportedManifest($"analysistemplate-{t.Name}.yaml", AnalysisTemplateManifest.Build(spec, t))));
        manifests.Add(new("rollout.yaml", RolloutManifest.Build(spec)));
        return manifests;
    }

    /// <summary>
    /// Writes every object to <paramref name="folder"/>, one YAML file each: all are built first and staged, then
    /// renamed into place, so a refused spec or a failed write leaves no file behind.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(RolloutSpec spec, string folder, CancellationToken cancellationToken)
    {
        var manifests = Export(spec);
        InputFile.CheckPath(folder, "an output folder");
        if (File.Exists(folder))
            throw new InputException($"{folder}: is a file; expected an output folder");
        Directory.CreateDirectory(folder);
        var staged = new List<(string Staged, string Path)>();
        try
        {
            foreach (var manifest in manifests)
            {
                var path = Path.Combine(folder, manifest.FileName);
                var yaml = manifest.ToYaml();
                staged.Add((await AtomicFile.StageAsync(path, (stream, ct) => stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(yaml), ct).AsTask(), cancellationToken), path));
            }
            foreach (var (stagedPath, path) in staged)
                AtomicFile.Commit(stagedPath, path);
            return staged.Select(s => s.Path).ToList();
        }
        catch
        {
            foreach (var (stagedPath, _) in staged)
                AtomicFile.Delete(stagedPath);
            throw;
        }
    }
}
