using System.Diagnostics;
using System.Reflection;

namespace RagGate.Cli.Hosting;

/// <summary>The tool's version and the git commit and branch of the working folder, for run identities.</summary>
internal static class ToolInfo
{
    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The HEAD commit of the git repository around <paramref name="folder"/>, or null.</summary>
    public static string? GitSha(string folder) => Git(folder, "rev-parse", "HEAD") is { Length: 40 } sha ? sha : null;

    /// <summary>
    /// The branch a run belongs to: in GitHub Actions the pull request's head branch (GITHUB_HEAD_REF) or the
    /// pushed branch (GITHUB_REF_NAME), where a checkout is a detached HEAD; elsewhere git's current branch; else null.
    /// </summary>
    public static string? GitBranch(string folder)
    {
        foreach (var variable in (string[])["GITHUB_HEAD_REF", "GITHUB_REF_NAME"])
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } name)
                return name;
        }

        return Git(folder, "rev-parse", "--abbrev-ref", "HEAD") is { Length: > 0 } branch && branch != "HEAD" ? branch : null;
    }

    private static string? Git(string folder, params string[] args)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed.
        }
    }
}
