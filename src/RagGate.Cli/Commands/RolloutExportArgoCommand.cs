using System.CommandLine;
using RagGate.Cli.Hosting;
using RagGate.Server.Rollouts.Export;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Cli.Commands;

/// <summary>
/// <c>raggate rollout export argo --spec FILE --out DIR</c>: the spec's steps as an Argo Rollouts <c>Rollout</c>, its
/// analysis templates as <c>AnalysisTemplate</c>s that run RagGate against the canary, and the Services they need.
/// </summary>
internal sealed class RolloutExportArgoCommand : RaggateCommand<RolloutExportArgoCommandSettings>
{
    private readonly Option<string> _spec = new("--spec") { Description = "The rollout spec (rollout.yaml)", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "Folder for the manifests, one YAML file per object", Required = true };

    public RolloutExportArgoCommand()
        : base("argo", "Write Rollout, AnalysisTemplate, Service and ConfigMap manifests for Argo Rollouts") => AddSymbols(_spec, _out);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(RolloutExportArgoCommandSettings settings, CancellationToken cancellationToken)
    {
        var spec = RolloutSpecLoader.Load(settings.Spec);
        var written = await ArgoExporter.WriteAsync(spec, settings.Out, cancellationToken);
        foreach (var file in written)
            Console.WriteLine(file);
        Console.WriteLine($"Wrote {written.Count} manifests for rollout '{spec.Name}'; apply them with kubectl apply -f {settings.Out}");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override RolloutExportArgoCommandSettings Bind(ParseResult parse) =>
        new() { Spec = parse.GetValue(_spec)!, Out = parse.GetValue(_out)! };
}
