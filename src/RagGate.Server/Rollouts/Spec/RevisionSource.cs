namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// Where a revision comes from: a <c>raggate.yaml</c> the controller serves with <c>raggate serve</c> as a
/// child process, or the URL of a service already running. Exactly one of the two is set.
/// </summary>
public sealed record RevisionSource
{
    /// <summary>The absolute path of the revision's raggate.yaml, or null for a URL.</summary>
    public string? Config { get; init; }

    /// <summary>The base URL of a running service speaking RagGate's HTTP contract, or null for a config.</summary>
    public Uri? Url { get; init; }

    /// <summary>A revision served from a config file.</summary>
    public static RevisionSource FromConfig(string path) => new() { Config = System.IO.Path.GetFullPath(path) };

    /// <summary>A revision that is already running at <paramref name="url"/>.</summary>
    public static RevisionSource FromUrl(Uri url) => new() { Url = url };

    /// <summary>The config path or the URL, as a person would write it.</summary>
    public override string ToString() => Config ?? Url!.ToString();
}
