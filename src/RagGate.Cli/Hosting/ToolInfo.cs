using System.Diagnostics;
using System.Reflection;

namespace RagGate.Cli.Hosting;

/// <summary>The tool's version and the git commit of the working folder, for run identities.</summary>
internal static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The HEAD commit of the git repository around <paramref name="folder"/>, or null.</summary>
    public static string? GitSha(string folder)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null) return null;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && sha.Length == 40 ? sha : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed.
        }
    }
}
