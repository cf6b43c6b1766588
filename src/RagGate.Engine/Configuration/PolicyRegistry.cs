namespace RagGate.Engine.Configuration;

/// <summary>
/// The named policies of one kind (retrieval modes, chunking modes, answerers...), in the order a
/// message lists them. Config names a policy by a string; the reader resolves it here, so an
/// unknown name is rejected with the registered names, as YARP checks a route's load-balancing
/// policy against the policies registered with it.
/// </summary>
/// <typeparam name="T">What a name stands for (an enum value, or a factory).</typeparam>
public sealed class PolicyRegistry<T>
    where T : notnull
{
    private readonly List<(string Name, T Policy)> _policies;

    /// <summary>Creates a registry of <paramref name="kind"/> (for messages) with its built-in policies.</summary>
    public PolicyRegistry(string kind, params (string Name, T Policy)[] policies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        Kind = kind;
        _policies = [];
        foreach (var (name, policy) in policies)
        {
            Add(name, policy);
        }
    }

    /// <summary>What the policies are, in words (<c>retrieval mode</c>).</summary>
    public string Kind { get; }

    /// <summary>Every registered name, in registration order.</summary>
    public IReadOnlyList<string> Names => _policies.ConvertAll(p => p.Name);

    private void Add(string name, T policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name != name.ToLowerInvariant() || TryGet(name, out _))
        {
            throw new ArgumentException($"{Kind} '{name}': expected a new lower-case name", nameof(name));
        }

        _policies.Add((name, policy));
    }

    /// <summary>The policy registered as <paramref name="name"/> (case-insensitive), if any.</summary>
    public bool TryGet(string name, out T policy)
    {
        foreach (var (registered, value) in _policies)
        {
            if (string.Equals(registered, name, StringComparison.OrdinalIgnoreCase))
            {
                policy = value;
                return true;
            }
        }

        policy = default!;
        return false;
    }

    /// <summary>The policy registered as <paramref name="name"/>; for names already checked (an unknown one is a bug, not an input error).</summary>
    public T Get(string name) =>
        TryGet(name, out var policy) ? policy : throw new ArgumentException($"'{name}' is not a registered {Kind}; {Expected}", nameof(name));

    /// <summary>The name <paramref name="policy"/> is registered under; the first when it has several.</summary>
    public string NameOf(T policy) =>
        _policies.Find(p => EqualityComparer<T>.Default.Equals(p.Policy, policy)).Name
        ?? throw new ArgumentException($"{Kind} {policy} is not registered", nameof(policy));

    /// <summary>The sentence that ends an error about a name that is not registered.</summary>
    public string Expected => $"expected one of: {string.Join(", ", Names)}";
}
