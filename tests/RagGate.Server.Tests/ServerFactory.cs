using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RagGate.Server.Tests;

/// <summary>
/// The real server, in memory (TestServer), started with a config file and extra configuration
/// (for example an admin token); it records every log entry so tests can check levels.
/// </summary>
public sealed class ServerFactory(string configPath, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<ServerApp>
{
    /// <summary>Every log entry written so far: level, category and message.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Logs { get; } = new();

    /// <summary>Polls <c>/readyz</c> until 200 (bounded), so tests query a loaded, warm engine.</summary>
    public async Task WaitReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not become ready in 5 minutes: " + string.Join("\n", Logs.Select(l => l.Message)));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches the server's Main as arguments, as --config does from the command line.
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["config"] = configPath,
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed: no developer exception page.
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(new RecordingLoggerProvider(Logs)));
    }
}
