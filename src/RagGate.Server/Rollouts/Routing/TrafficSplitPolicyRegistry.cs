namespace RagGate.Server.Rollouts.Routing;

/// <summary>The registered <see cref="ITrafficSplitPolicy"/> implementations by name; an unknown name is refused when a split is set, not per request.</summary>
internal sealed class TrafficSplitPolicyRegistry(IEnumerable<ITrafficSplitPolicy> policies)
{
    private readonly Dictionary<string, ITrafficSplitPolicy> _byName = policies.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names registered.</summary>
    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    /// <summary>The policy called <paramref name="name"/>, or null.</summary>
    public ITrafficSplitPolicy? Find(string name) => _byName.GetValueOrDefault(name);
}
