using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace RagGate.Server.Tests.Deploy;

/// <summary>
/// The published server, started from its publish folder as the image starts it: serves the
/// sample, passes its own health probe, finishes in-flight requests on SIGTERM, and exits 2 with
/// one line on a bad config.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed class PublishedServerTests(SampleKb sample, PublishedServer published)
{
    [Fact]
    public async Task Published_Sample_AnswersThenFinishesInFlightRequestsOnSigterm()
    {
        var config = sample.WriteConfig("raggate.published.yaml");
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        using var server = Start("--config", config, "--urls", address.AbsoluteUri.TrimEnd('/'));
        var stderr = server.StandardError.ReadToEndAsync();
        var stdout = server.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            await WaitReadyAsync(client, server);
            Assert.Equal(0, await RunProbeAsync(new Uri(address, "readyz")));

            using var answer = await client.PostAsJsonAsync("answer", new { query = "How do I reset my password?" });
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using (var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()))
            {
                Assert.True(body.RootElement.GetProperty("usage").GetProperty("promptTokens").GetInt32() > 0);
            }

            // 24 answers on two cores take seconds: most are still running when SIGTERM arrives.
            var inFlight = Enumerable.Range(0, 24).Select(i => client.PostAsJsonAsync("answer", new { query = $"How do I reset my password? ({i})" })).ToList();
            await Task.Delay(300);
            using (var term = Process.Start("kill", ["-TERM", server.Id.ToString()]))
            {
                await term.WaitForExitAsync();
            }

            var responses = await Task.WhenAll(inFlight);
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            foreach (var response in responses) response.Dispose();
            using var exit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await server.WaitForExitAsync(exit.Token);
            Assert.True(server.ExitCode == 0, $"exit {server.ExitCode}: {await stderr}");
            Assert.Contains("Application is shutting down", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    [Theory]
    [InlineData("missing.yaml", "", "missing.yaml: file not found")]
    [InlineData("raggate.bad-k.yaml", "server:\n  max_k: 0\n", "server.max_k")]
    [InlineData("raggate.no-token.yaml", "server:\n  admin:\n    enabled: true\n    token_env: RAGGATE_TEST_UNSET_TOKEN\n", "RAGGATE_TEST_UNSET_TOKEN")]
    public async Task Published_BadConfig_ExitsTwoWithOneLine(string name, string section, string expected)
    {
        var config = name == "missing.yaml" ? Path.Combine(sample.Folder, name) : sample.WriteConfig(name, section);
        using var server = Start("--config", config, "--urls", $"http://127.0.0.1:{FreePort()}");
        var stderr = server.StandardError.ReadToEndAsync();
        var stdout = server.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await server.WaitForExitAsync(timeout.Token);
        await stdout;

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, server.ExitCode);
        Assert.Single(lines);
        Assert.StartsWith("raggate: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", published.Dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = published.Folder,
        };
        start.Environment.Remove("RAGGATE_TEST_UNSET_TOKEN");
        return Process.Start(start)!;
    }

    private async Task<int> RunProbeAsync(Uri url)
    {
        using var probe = Start("--probe", url.AbsoluteUri);
        await probe.WaitForExitAsync();
        return probe.ExitCode;
    }

    private static async Task WaitReadyAsync(HttpClient client, Process server)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline && !server.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("the published server did not become ready");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
