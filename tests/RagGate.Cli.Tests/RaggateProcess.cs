using System.Diagnostics;

namespace RagGate.Cli.Tests;

/// <summary>Runs the real raggate executable (the built raggate.dll) in a child process, as a user would.</summary>
internal static class RaggateProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) =>
        RunWithEnvironmentAsync(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>Runs raggate with extra environment variables (e.g. COLUMNS for the width of redirected tables).</summary>
    public static async Task<Result> RunWithEnvironmentAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>How raggate is started: the built raggate.dll, stdout and stderr redirected, no CI variables.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "raggate.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", dll, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("GITHUB_ACTIONS");
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        return start;
    }
}
