using System.Diagnostics;

namespace RagGate.Server.Tests.Deploy;

/// <summary>
/// <c>dotnet publish src/RagGate.Server</c> once per test run (from the build the tests already
/// made, so it costs seconds, not a rebuild), into a temp folder deleted at the end.
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

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet", ["publish", RepoRoot.Combine("src", "RagGate.Server", "RagGate.Server.csproj"), "-c", Configuration, "--no-build", "-o", Folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish exited {publish.ExitCode}: {await output}\n{await errors}");
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
