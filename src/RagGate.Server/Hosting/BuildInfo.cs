using System.Reflection;

namespace RagGate.Server.Hosting;

/// <summary>The version and git commit stamped into the assembly at build time (<c>0.1.0+sha</c>).</summary>
internal static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version without the commit.</summary>
    public static string Version { get; } = Informational.Split('+')[0];

    /// <summary>The commit the SDK recorded from git at build time, or null when built outside a repository.</summary>
    public static string? GitSha { get; } = Informational.Split('+') is [_, var sha, ..] && sha.Length > 0 ? sha : null;
}
