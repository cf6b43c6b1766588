using System.Diagnostics;

namespace RagGate.Server.Tests.Deploy;

/// <summary>
/// The image's publish folder, made as deploy/Dockerfile makes it: <c>dotnet publish src/RagGate.Cli</c>, then
/// <c>src/RagGate.Server</c> into the same folder, once per test run (from the build the tests already made, so it
/// costs seconds, not a rebuild), into a temp folder deleted at the end.
/// </summary>
public sealed class PublishedServer : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly TempFolder _folder = new();

    /// <summary>The publish output folder.</summary>
    public string Folder => Path.Combine(_folder.Path, "publish");

    /// <summary>The published server's entry assembly.</summary>
    public string Dll => Path.Combine(Folder, "RagGate.Server.dll");

    /// <summary>The projects published into <see cref="Folder"/>, in the Dockerfile's order.</summary>
    public static IReadOnlyList<string> Projects { get; } = ["src/RagGate.Cli/RagGate.Cli.csproj", "src/RagGate.Server/RagGate.Server.csproj"];

    public async Task InitializeAsync()
    {
        foreach (var project in Projects) await PublishAsync(project);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task PublishAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet", ["publish", RepoRoot.Combine(project.Split('/')), "-c", Configuration, "--no-build", "-o", Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish {project} exited {publish.ExitCode}: {await output}\n{await errors}");
    }
}
