namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// Malformed inputs give exit code 2 and exactly one clear line naming the file and the place,
/// never a stack trace, and leave no report behind.
/// </summary>
public sealed class EvalCommandInputErrorTests : IDisposable
{
    private const string Golden = """
        {"queries": [
          {"query": "How do I reset my password?", "expected_doc_ids": ["passwords"], "expected_keywords": ["reset"]},
          {"query": "What is the refund window?", "expected_doc_ids": ["refunds"], "expected_keywords": ["30 days"]}
        ]}
        """;

    private readonly TempFolder _folder = new();

    public EvalCommandInputErrorTests()
    {
        _folder.Write("docs/passwords.md", "# Reset your password\n\nOpen Settings and choose Reset password. We email you a link.\n");
        _folder.Write("docs/refunds.md", "# Refunds\n\nAnnual plans can be refunded within 30 days of the charge.\n");
    }

    public void Dispose() => _folder.Dispose();

    private async Task<string> ExpectInputErrorAsync(string config, string? golden = Golden)
    {
        _folder.Write("raggate.yaml", config);
        if (golden is not null) _folder.Write("golden.json", golden);
        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "raggate.yaml", "--out", "out");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("raggate: ", line);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
        Assert.DoesNotContain("Exception", line);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "out")) && Directory.EnumerateFileSystemEntries(Path.Combine(_folder.Path, "out")).Any(),
            "a failed eval must leave no report behind");
        return line;
    }

    private const string Config = "corpus: docs\ngolden: golden.json\n";

    [Fact]
    public async Task Eval_BrokenJsonGolden_NamesFileAndLine()
    {
        var line = await ExpectInputErrorAsync(Config, "{\"queries\": [\n  {\"query\": \"a\", \"expected_doc_ids\": [\"x\"]\n  oops\n]}");

        Assert.Matches(@"golden\.json:3: invalid JSON", line);
    }

    [Fact]
    public async Task Eval_QueryWithoutQueryField_NamesTheQuery()
    {
        var line = await ExpectInputErrorAsync(Config, "{\"queries\": [\n  {\"expected_doc_ids\": [\"passwords\"]}\n]}");

        Assert.Contains("golden.json:2:", line);
        Assert.Contains("\"query\"", line);
    }

    [Fact]
    public async Task Eval_UnknownDocumentId_NamesTheIdAndTheLine()
    {
        var line = await ExpectInputErrorAsync(Config, "{\"queries\": [\n  {\"query\": \"a\", \"expected_doc_ids\": [\"passwords\"]},\n  {\"query\": \"b\", \"expected_doc_ids\": [\"billing/vat\"]}\n]}");

        Assert.Contains("golden.json:3:", line);
        Assert.Contains("billing/vat", line);
    }

    [Fact]
    public async Task Eval_DuplicateQueryId_NamesBothPlaces()
    {
        var line = await ExpectInputErrorAsync(Config, "{\"queries\": [\n  {\"id\": \"q1\", \"query\": \"a\", \"expected_doc_ids\": [\"passwords\"]},\n  {\"id\": \"q1\", \"query\": \"b\", \"expected_doc_ids\": [\"refunds\"]}\n]}");

        Assert.Contains("golden.json:3:", line);
        Assert.Contains("q1", line);
    }

    [Fact]
    public async Task Eval_EmptyGoldenSet_IsAnError()
    {
        var line = await ExpectInputErrorAsync(Config, "{\"queries\": []}");

        Assert.Contains("golden.json", line);
        Assert.Contains("no queries", line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Eval_MissingGoldenFile_NamesTheFile()
    {
        var line = await ExpectInputErrorAsync("corpus: docs\ngolden: missing.json\n", golden: null);

        Assert.Contains("missing.json", line);
    }

    [Fact]
    public async Task Eval_BrokenYaml_NamesTheConfigLine()
    {
        var line = await ExpectInputErrorAsync("corpus: docs\ngolden: golden.json\ngates:\n  - recall@10 >= 0.8\n   - bad: [\n");

        Assert.Contains("raggate.yaml:", line);
        Assert.Contains("invalid YAML", line);
    }

    [Fact]
    public async Task Eval_UnknownMetricInGate_NamesTheGate()
    {
        var line = await ExpectInputErrorAsync(Config + "gates:\n  - recal@10 >= 0.8\n");

        Assert.Equal("raggate: raggate.yaml:4: gates[0]: unknown metric 'recal@10'; expected one of: " + Evaluation.Metrics.MetricCatalog.Describe(), line);
    }

    [Fact]
    public async Task Eval_ThresholdOutOfRange_SaysTheRange()
    {
        var line = await ExpectInputErrorAsync(Config + "gates:\n  - recall@10 >= 1.5\n");

        Assert.Equal("raggate: raggate.yaml:4: gates[0]: threshold 1.5 is out of range; expected a number between 0 and 1 for recall@10", line);
    }

    [Fact]
    public async Task Eval_MissingConfig_NamesIt()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--config", "nope.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("raggate: nope.yaml: file not found; expected a raggate.yaml config", result.Stderr.Trim());
    }
}
