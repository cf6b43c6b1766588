namespace RagGate.Cli.Tests.Commands;

/// <summary><c>raggate rollout export argo</c> as a process: the sample exports; a bad spec exits 2 with one line and writes nothing.</summary>
public sealed class RolloutExportArgoCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public RolloutExportArgoCommandTests() => _folder.Write("raggate.yaml", "version: 1\ncorpus: docs\ngolden: golden.json\n");

    public void Dispose() => _folder.Dispose();

    private const string Spec = """
        version: 1
        name: demo
        revisions:
          stable:
            config: raggate.yaml
        strategy:
          canary:
            steps:
              - setWeight: 20
              - analysis:
                  templates:
                    - templateName: health
        analysisTemplates:
          - name: health
            metrics:
              - name: errors
                provider:
                  raggate:
                    measure: errors
        """;

    [Fact]
    public async Task ExportArgo_SupportKbSample_WritesTheManifests()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "rollout", "export", "argo",
            "--spec", RepoRoot.Combine("samples", "support-kb", "rollout.yaml"), "--out", "argo");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            ["analysistemplate-health.yaml", "analysistemplate-quality.yaml", "configmap-eval.yaml", "rollout.yaml", "service-canary.yaml", "service-stable.yaml"],
            Directory.GetFiles(_folder.File("argo")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("Wrote 6 manifests for rollout 'support-kb'", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- setWeight: 20", "- setWieght: 20", "rollout.yaml:9: strategy.canary.steps[0].setWieght: unknown field 'setWieght'; did you mean 'setWeight'?")]
    [InlineData("- setWeight: 20", "- setWeight: 120", "rollout.yaml:9: strategy.canary.steps[0].setWeight: 120 is out of range; expected between 0 and 100")]
    [InlineData("measure: errors", "measure: error", "rollout.yaml:19: analysisTemplates[0].metrics[0].provider.raggate.measure: unknown metric 'error'; did you mean 'errors'?")]
    [InlineData("templateName: health", "templateName: healthz", "rollout.yaml:12: strategy.canary.steps[1].analysis.templates[0].templateName: unknown template 'healthz'")]
    public async Task ExportArgo_BadSpec_ExitsTwoWithOneLineAndWritesNothing(string good, string bad, string expected)
    {
        _folder.Write("rollout.yaml", Spec.Replace(good, bad, StringComparison.Ordinal));

        var result = await RaggateProcess.RunAsync(_folder.Path, "rollout", "export", "argo", "--spec", "rollout.yaml", "--out", "argo");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Stderr);
        Assert.StartsWith("raggate: " + expected, lines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("argo")));
    }

    [Fact]
    public async Task ExportArgo_MissingSpec_ExitsTwo()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "rollout", "export", "argo", "--spec", "nowhere.yaml", "--out", "argo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.yaml: file not found", result.Stderr, StringComparison.Ordinal);
    }
}
