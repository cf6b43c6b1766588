using System.Diagnostics;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>Runs headless Chromium on a local file, isolated from the network and from any profile.</summary>
internal static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>The DOM after the page's scripts ran, as Chromium serializes it.</summary>
    public static async Task<string> DumpDomAsync(string file, string fragment = "")
    {
        var (stdout, _) = await RunAsync(["--dump-dom", new Uri(file).AbsoluteUri + fragment]);
        return stdout;
    }

    /// <summary>A PNG of the page, for a person to look at.</summary>
    public static Task ScreenshotAsync(string file, string png) =>
        RunAsync([$"--screenshot={png}", "--window-size=1280,2000", "--hide-scrollbars", new Uri(file).AbsoluteUri]);

    private static async Task<(string Stdout, string Stderr)> RunAsync(IEnumerable<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("raggate-chromium-");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                $"--user-data-dir={profile.FullName}", .. args])
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var (output, error) = (await stdout, await stderr);
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {error}");
            return (output, error);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
