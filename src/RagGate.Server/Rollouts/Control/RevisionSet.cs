using System.Diagnostics;
using System.Globalization;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>The revisions of one rollout (stable, canary, optionally baseline) and the router in front of them.</summary>
internal sealed class RevisionSet : IAsyncDisposable
{
    private readonly Dictionary<string, RunningRevision> _running = new(StringComparer.Ordinal);

    private RevisionSet(CanaryRouter router)
    {
        Router = router;
    }

    /// <summary>The router.</summary>
    public CanaryRouter Router { get; }

    /// <summary>The child process ids, for the journal.</summary>
    public List<int> ProcessIds => [.. _running.Values.Where(r => r.Process is not null).Select(r => r.Process!.Id)];

    /// <summary>The canary's process, or null when it is a URL or stopped.</summary>
    public RevisionProcess? CanaryProcess => _running.GetValueOrDefault(Revisions.Canary)?.Process;

    /// <summary>Starts the revisions together (each loads its own model), then the router with the canary at <paramref name="weight"/>.</summary>
    public static async Task<RevisionSet> StartAsync(
        IRevisionHost host, RevisionSource stable, RevisionSource canary, bool baseline, double weight, RouterOptions options, CancellationToken cancellationToken)
    {
        var names = new List<(string Name, RevisionSource Source)> { (Revisions.Stable, stable), (Revisions.Canary, canary) };
        if (baseline) names.Add((Revisions.Baseline, stable));
        var starts = names.Select(n => (n.Name, Task: host.StartAsync(n.Source, cancellationToken))).ToList();
        try
        {
            await Task.WhenAll(starts.Select(s => s.Task));
        }
        catch
        {
            foreach (var start in starts.Where(s => s.Task.IsCompletedSuccessfully)) await start.Task.Result.DisposeAsync();
            throw;
        }

        var router = await CanaryRouter.StartAsync(starts[0].Task.Result.Address, options, cancellationToken);
        var set = new RevisionSet(router);
        foreach (var (name, task) in starts) set._running[name] = task.Result;
        await set.SetWeightAsync(weight, cancellationToken);
        return set;
    }

    /// <summary>Sends <paramref name="weight"/> percent to the canary (and as much to the baseline, from stable's share).</summary>
    public Task SetWeightAsync(double weight, CancellationToken cancellationToken)
    {
        var destinations = _running.ToDictionary(r => r.Key, r => r.Value.Address);
        var baseline = destinations.ContainsKey(Revisions.Baseline) ? Math.Min(weight, 100 - weight) : 0;
        return Router.UpdateAsync(destinations, Router.Split with { CanaryWeight = weight, BaselineWeight = baseline }, cancellationToken);
    }

    /// <summary>All traffic to stable at once (the first half of a rollback): in force when this returns.</summary>
    public Task RouteAllToStableAsync(CancellationToken cancellationToken)
    {
        var stable = new Dictionary<string, Uri> { [Revisions.Stable] = _running[Revisions.Stable].Address };
        return Router.UpdateAsync(stable, Router.Split with { CanaryWeight = 0, BaselineWeight = 0 }, cancellationToken);
    }

    /// <summary>Stops the canary and the baseline (the second half of a rollback).</summary>
    public async Task StopCanaryAsync()
    {
        await StopAsync(Revisions.Canary);
        await StopAsync(Revisions.Baseline);
    }

    /// <summary>All traffic to the canary (the promotion); the baseline is no longer needed.</summary>
    public async Task PromoteAsync(CancellationToken cancellationToken)
    {
        await SetWeightAsync(100, cancellationToken);
        await StopAsync(Revisions.Baseline);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Router.DisposeAsync();
        foreach (var name in _running.Keys.ToList()) await StopAsync(name);
    }

    /// <summary>Kills the <c>raggate serve</c> processes a crashed controller left behind (checked by their command line).</summary>
    public static void StopOrphans(IEnumerable<int> processIds)
    {
        foreach (var id in processIds)
        {
            try
            {
                var commandLine = File.Exists($"/proc/{id}/cmdline") ? File.ReadAllText($"/proc/{id}/cmdline") : "";
                if (!commandLine.Contains("serve", StringComparison.Ordinal) && !commandLine.Contains("RagGate.Server", StringComparison.Ordinal)) continue;
                using var process = Process.GetProcessById(id);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                // Already gone, or not ours.
            }
        }
    }

    private async Task StopAsync(string name)
    {
        if (_running.Remove(name, out var revision)) await revision.DisposeAsync();
    }

    /// <summary>A revision source from the journal's text: a URL, or a config path.</summary>
    public static RevisionSource Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? RevisionSource.FromUrl(uri)
            : RevisionSource.FromConfig(text);

    /// <summary>Percent as people write it.</summary>
    public static string Percent(double weight) => weight.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
