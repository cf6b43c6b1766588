using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Runs;

public sealed class RunFileTests
{
    [Fact]
    public async Task WriteThenRead_FullRun_RoundTripsEveryField()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "out", "run.json");
        var run = new Run
        {
            ToolVersion = "0.1.0",
            StartedAt = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero),
            WallTimeMs = 1234.5,
            GitSha = "abc123",
            System = new SystemIdentity("embedded", "minilm-l6-v2", "gpt-4o-mini", "dense", "cfg", "idx") { Properties = new Dictionary<string, string> { ["chunking"] = "whole" } },
            GoldenSet = "golden.json",
            GoldenSetHash = "ff",
            TopK = 10,
            Queries =
            [
                new QueryRecord
                {
                    Id = "q1", Query = "refunds?", Category = "billing", Retrieved = [new("refunds", 0.8, 1) { Text = "Refunds take 30 days." }],
                    Context = "ctx", Answer = "30 days [refunds]", RetrievalLatencyMs = [1.5, 2.5], EndToEndLatencyMs = [3.0, 4.0],
                    PromptTokens = 100, CompletionTokens = 20, ContextTokens = 80,
                },
            ],
        };

        await RunFile.WriteAsync(run, path, CancellationToken.None);
        var read = await RunFile.ReadAsync(path, CancellationToken.None);

        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("\"schemaVersion\": 1", text, StringComparison.Ordinal);
        Assert.Contains("\"retrievalLatencyMs\"", text, StringComparison.Ordinal);
        Assert.Equal(["run.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Assert.Equal(run.StartedAt, read.StartedAt);
        Assert.Equal(run.System with { Properties = read.System.Properties }, read.System);
        Assert.Equal("whole", read.System.Properties["chunking"]);
        Assert.Equal(run.Queries[0].Retrieved, read.Queries[0].Retrieved);
        Assert.Equal("Refunds take 30 days.", read.Queries[0].Retrieved[0].Text);
        Assert.Equal([1.5, 2.5], read.Queries[0].RetrievalLatencyMs);
        Assert.Equal(100, read.Queries[0].PromptTokens);
        Assert.Equal("abc123", read.GitSha);
    }

    [Fact]
    public async Task ReadAsync_FutureSchemaVersion_ThrowsInputException()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("run.json", "{\"schemaVersion\": 2, \"queries\": []}");

        var error = await Assert.ThrowsAsync<InputException>(() => RunFile.ReadAsync(path, CancellationToken.None));

        Assert.Equal($"{path}:schemaVersion: version 2 is not supported; this RagGate reads version 1", error.Message);
    }

    [Fact]
    public async Task ReadAsync_BrokenJson_NamesTheLine()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("run.json", "{\n  \"schemaVersion\": 1,\n  \"queries\": [,]\n}");

        var error = await Assert.ThrowsAsync<InputException>(() => RunFile.ReadAsync(path, CancellationToken.None));

        Assert.StartsWith($"{path}:3: invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongType_NamesTheLine()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("run.json", "{\n  \"schemaVersion\": 1,\n  \"system\": {\"name\": \"s\", \"generationModel\": \"none\"},\n  \"queries\": [],\n  \"topK\": \"ten\"\n}");

        var error = await Assert.ThrowsAsync<InputException>(() => RunFile.ReadAsync(path, CancellationToken.None));

        Assert.StartsWith($"{path}:5: wrong type at $.topK; expected a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.topK", error.Message, StringComparison.Ordinal);
    }
}
