using OpenTelemetry.Metrics;
using RagGate.Server.Hosting;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// The canary router: a YARP reverse proxy on 127.0.0.1 in front of the revisions (stable, canary,
/// optionally baseline), splitting traffic by a named policy. Revisions and weights change live through
/// YARP's in-memory config provider; <c>/metrics</c> serves the per-revision counts, errors and latency
/// histograms, and <see cref="Statistics"/> the same requests in process for the judge.
/// </summary>
public sealed class CanaryRouter : IAsyncDisposable
{
    private const string ClusterId = "rollout";

    private readonly WebApplication _app;
    private readonly InMemoryConfigProvider _config;
    private readonly IProxyStateLookup _state;
    private readonly TrafficSplitPolicyRegistry _policies;
    private readonly RouterOptions _options;
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, Uri> _destinations = new Dictionary<string, Uri>();
    private TrafficSplit _split = new();

    private CanaryRouter(WebApplication app, RouterOptions options, Uri address)
    {
        _app = app;
        _options = options;
        Address = address;
        _config = app.Services.GetRequiredService<InMemoryConfigProvider>();
        _state = app.Services.GetRequiredService<IProxyStateLookup>();
        _policies = app.Services.GetRequiredService<TrafficSplitPolicyRegistry>();
        Statistics = app.Services.GetRequiredService<RouterStatistics>();
    }

    /// <summary>Where clients send their requests.</summary>
    public Uri Address { get; }

    /// <summary>Every forwarded request per revision, for the judge.</summary>
    public RouterStatistics Statistics { get; }

    /// <summary>The split in force.</summary>
    public TrafficSplit Split => _split;

    /// <summary>The revisions routed to, by name.</summary>
    public IReadOnlyDictionary<string, Uri> Destinations => _destinations;

    /// <summary>Starts the router with <paramref name="stable"/> taking all traffic.</summary>
    public static async Task<CanaryRouter> StartAsync(Uri stable, RouterOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton(options.Time);
        services.AddSingleton<RouterStatistics>();
        services.AddSingleton<RouterMetrics>();
        services.AddSingleton<ITrafficSplitPolicy, StickyHashSplitPolicy>();
        services.AddSingleton<ITrafficSplitPolicy, RandomSplitPolicy>();
        services.AddSingleton<TrafficSplitPolicyRegistry>();
        services.AddProblemDetails();
        // Five transport failures (connection refused, reset, timeout) in ten seconds take a revision out.
        services.Configure<TransportFailureRateHealthPolicyOptions>(o =>
        {
            o.DetectionWindowSize = TimeSpan.FromSeconds(10);
            o.MinimalTotalCountThreshold = 5;
            o.DefaultFailureRateLimit = 0.3;
        });
        var destinations = new Dictionary<string, Uri> { [Revisions.Stable] = stable };
        services.AddReverseProxy().LoadFromMemory([Route()], [Cluster(destinations, new TrafficSplit(), options)]);
        services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(RouterMetrics.MeterName).AddPrometheusExporter());

        var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<TrafficSplitMiddleware>();
            proxy.UsePassiveHealthChecks();
        });
        await app.StartAsync(cancellationToken);
        return new CanaryRouter(app, options, LoopbackApp.BaseAddress(app)) { _destinations = destinations };
    }

    /// <summary>Sets the split (weights, policy); in force for requests that start after it returns.</summary>
    public Task SetSplitAsync(TrafficSplit split, CancellationToken cancellationToken) =>
        UpdateAsync(_destinations, split, cancellationToken);

    /// <summary>Sets the revisions routed to (stable is required) and the split together.</summary>
    public async Task UpdateAsync(IReadOnlyDictionary<string, Uri> destinations, TrafficSplit split, CancellationToken cancellationToken)
    {
        if (!destinations.ContainsKey(Revisions.Stable)) throw new ArgumentException("the stable revision is required", nameof(destinations));
        if (_policies.Find(split.Policy) is null)
        {
            throw new ArgumentException($"traffic split policy '{split.Policy}' is unknown; expected one of: {string.Join(", ", _policies.Names)}", nameof(split));
        }

        if (split.CanaryWeight is < 0 or > 100 || split.BaselineWeight < 0 || split.CanaryWeight + split.BaselineWeight > 100)
        {
            throw new ArgumentException($"weights canary {split.CanaryWeight} and baseline {split.BaselineWeight} are out of range; expected each 0 to 100, together at most 100", nameof(split));
        }

        ClusterConfig cluster;
        lock (_gate)
        {
            cluster = Cluster(destinations, split, _options);
            _config.Update([Route()], [cluster]);
            _destinations = new Dictionary<string, Uri>(destinations);
            _split = split;
        }

        // YARP applies a config change from a change-token callback; wait until the cluster in force is this one.
        var deadline = _options.Time.GetUtcNow().AddSeconds(5);
        while (!(_state.TryGetCluster(ClusterId, out var model) && ReferenceEquals(model.Model.Config, cluster) || Equivalent(model?.Model.Config, cluster)))
        {
            if (_options.Time.GetUtcNow() > deadline) throw new TimeoutException("the router did not apply its new configuration in 5 s");
            await Task.Delay(2, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool Equivalent(ClusterConfig? applied, ClusterConfig wanted) => applied is not null && applied.Equals(wanted);

    private static RouteConfig Route() => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        // After /metrics: a literal route is more specific than the catch-all.
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    private static ClusterConfig Cluster(IReadOnlyDictionary<string, Uri> destinations, TrafficSplit split, RouterOptions options) => new()
    {
        ClusterId = ClusterId,
        Destinations = destinations.ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Value.AbsoluteUri }),
        Metadata = split.ToMetadata(),
        HealthCheck = new HealthCheckConfig
        {
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = options.ReactivationPeriod,
            },
        },
    };
}
