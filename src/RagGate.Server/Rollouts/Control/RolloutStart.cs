using RagGate.Engine.Configuration;
using RagGate.Evaluation;
using RagGate.Server.Hosting;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// <c>raggate rollout start</c>: checks the spec and the canary (exit 2 on bad input, before anything
/// starts), then runs the controller with its admin endpoint to the end: 0 promoted, 1 rolled back.
/// </summary>
public static class RolloutStart
{
    /// <summary>The state folder of a spec when none is given.</summary>
    public static string DefaultStateFolder(RolloutSpec spec) =>
        Path.Combine(Path.GetDirectoryName(spec.Path)!, ".raggate", "rollouts", spec.Name);

    /// <summary>The canary named on the command line (a URL, or a config file that must exist), else the spec's.</summary>
    public static RevisionSource Canary(RolloutSpec spec, string? given)
    {
        if (given is null)
        {
            return spec.Revisions.Canary ?? throw new InputException($"{spec.Path}: revisions.canary: missing; expected --canary CONFIG|URL or revisions.canary in the spec");
        }

        if (Uri.TryCreate(given, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") return RevisionSource.FromUrl(url);
        return File.Exists(given) ? RevisionSource.FromConfig(given) : throw new InputException($"--canary: file not found: {given}; expected a raggate.yaml or an http(s) URL");
    }

    /// <summary>The golden set of the probes: the traffic section's, else the stable config's.</summary>
    public static string GoldenSet(RolloutSpec spec)
    {
        if (spec.Traffic?.GoldenSet is { } golden) return golden;
        if (spec.Revisions.Stable.Config is { } config) return RagGateConfigLoader.Load(config).Evaluation.Eval.Golden;
        throw new InputException($"{spec.Path}: traffic.goldenSet: missing; expected a golden set when stable is a URL");
    }

    /// <summary>Runs the rollout; returns the exit code (0 promoted, 1 rolled back).</summary>
    public static async Task<int> RunAsync(
        RolloutStartOptions start, Func<RolloutSpec, IAnalysisRunner> judge, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        var spec = RolloutSpecLoader.Load(start.SpecPath);
        var canary = Canary(spec, start.Canary);
        var golden = GoldenSet(spec);
        var state = start.StateFolder ?? DefaultStateFolder(spec);
        var previous = new JournalStore(state).Read();
        if (previous is { Finished: false, AdminUrl: { } admin } && await AnswersAsync(new Uri(admin), cancellationToken))
        {
            throw new InputException($"{state}: a controller is already running this rollout (admin endpoint {admin}); expected one controller per state folder");
        }

        using var controller = new RolloutController(new ControllerOptions
        {
            Spec = spec,
            Canary = canary,
            StateFolder = state,
            GoldenSet = golden,
            Revisions = new ProcessRevisionHost(start.Serve, start.AllowFaults),
            Analysis = judge(spec),
        }, logging.CreateLogger("raggate.rollout"));
        await using var endpoint = await AdminEndpoint.StartAsync(controller.Commands, cancellationToken);
        controller.AdminAddress = endpoint.Address;
        var phase = await controller.RunAsync(cancellationToken);
        return phase == RolloutPhase.Healthy ? ServerExitCodes.Success : ServerExitCodes.RolledBack;
    }

    private static async Task<bool> AnswersAsync(Uri admin, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await client.GetAsync(admin, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
