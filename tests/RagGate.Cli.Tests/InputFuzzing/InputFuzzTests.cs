using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>
/// Seeded fuzzing of every input format raggate reads, through its real command line: each valid input exits
/// 0 or 1; each mutation exits 0 or 1 (still valid) or 2 with at most three lines naming the file and the place,
/// never a stack trace, and never leaves anything in --out. RAGGATE_FUZZ_CASES raises the count per format.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class InputFuzzTests : IDisposable
{
    private const int DefaultCases = 40;

    private readonly ValidInputs _inputs = new();

    public void Dispose() => _inputs.Dispose();

    /// <summary>Format name, the file mutated, and the command that reads it.</summary>
    public static TheoryData<string, string, string> Formats => new()
    {
        { "config", "raggate.yaml", "compare base.json cand.json --config raggate.yaml --out out" },
        { "prices", "prices.yaml", "compare base.json cand.json --config raggate.yaml --out out" },
        { "golden-json", "golden.json", "compare base.json cand.json --golden golden.json --out out" },
        { "golden-jsonl", "golden.jsonl", "compare base.json cand.json --golden golden.jsonl --out out" },
        { "beir-queries", "beir/queries.jsonl", "compare base.json cand.json --golden beir --out out" },
        { "beir-qrels", "beir/qrels/test.tsv", "compare base.json cand.json --golden beir --out out" },
        { "run-json", "cand.json", "compare base.json cand.json --golden golden.json --out out" },
        { "trec-qrels", "qrels.txt", "trec-eval -q -c -m ndcg_cut.3 -m map -m recall.1,3 qrels.txt run.trec" },
        { "trec-run", "run.trec", "trec-eval -q -m ndcg_cut.3 -m P.1 qrels.txt run.trec" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Fuzz_MutatedInput_ExitsCleanly(string format, string file, string command)
    {
        var args = Arguments(command);
        var valid = await InProcessRaggate.RunAsync(args);
        Assert.True(valid.ExitCode is 0 or 1, $"{format}: the valid input exited {valid.ExitCode}: {valid.Stderr}");
        DeleteOut();

        var path = _inputs.Combine(file);
        var original = await File.ReadAllBytesAsync(path);
        var seed = 20261202 + format.Length * 7919 + format[0];
        var mutator = new ByteMutator(seed);
        var cases = int.TryParse(Environment.GetEnvironmentVariable("RAGGATE_FUZZ_CASES"), out var n) && n > 0 ? n : DefaultCases;
        var failures = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var (bytes, description) = mutator.Mutate(original);
            await File.WriteAllBytesAsync(path, bytes);
            var result = await InProcessRaggate.RunAsync(args);
            if (Problem(result, file) is { } problem)
                failures.Add($"{format} seed {seed} case {i} ({description}): {problem}");
            DeleteOut();
        }

        await File.WriteAllBytesAsync(path, original);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A handful of cases through the real executable: what kills a process (a stack overflow) only shows there.</summary>
    [Fact]
    public async Task RealExecutable_HandfulOfBadInputs_ExitTwoWithOneLine()
    {
        await File.WriteAllTextAsync(_inputs.Combine("deep.yaml"), "golden: golden.json\nname: " + new string('[', 60_000) + "\n");
        await File.WriteAllTextAsync(_inputs.Combine("utf16.json"), ValidInputs.GoldenJson, System.Text.Encoding.Unicode);
        await File.WriteAllTextAsync(_inputs.Combine("null.json"), "{\"schemaVersion\": 1, \"system\": {\"name\": \"x\", \"generationModel\": \"none\"}, \"queries\": [null]}");
        string[][] cases =
        [
            ["compare", "base.json", "cand.json", "--config", "deep.yaml", "--out", "out"],
            ["compare", "base.json", "cand.json", "--golden", "utf16.json", "--out", "out"],
            ["compare", "base.json", "null.json", "--golden", "golden.json", "--out", "out"],
            ["compare", "base.json", "cand.json", "--golden", "golden.json", "--out", "golden.json"],
        ];
        string[] expected = ["deep.yaml:2: invalid YAML (nesting deeper than 64 levels)", "utf16.json:1: the file is UTF-16 encoded", "null.json:queries[0]: null", "golden.json: is a file"];

        for (var i = 0; i < cases.Length; i++)
        {
            var result = await RaggateProcess.RunAsync(_inputs.Path, cases[i]);

            Assert.Null(Problem(result, cases[i][Array.IndexOf(cases[i], "--out") - 1]));
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected[i], result.Stderr, StringComparison.Ordinal);
        }
    }

    private string? Problem(RaggateProcess.Result result, string file)
    {
        var all = result.Stdout + result.Stderr;
        if (all.Contains("   at ", StringComparison.Ordinal) || all.Contains("Unhandled exception", StringComparison.Ordinal))
            return $"stack trace (exit {result.ExitCode}): {First(result.Stderr)}";
        if (result.ExitCode is 0 or 1)
            return result.Stderr.Length == 0 ? null : $"exit {result.ExitCode} with stderr: {First(result.Stderr)}";
        if (result.ExitCode != 2)
            return $"exit {result.ExitCode}: {First(result.Stderr)}";
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length is 0 or > 3)
            return $"exit 2 with {lines.Length} lines on stderr: {First(result.Stderr)}";
        if (!FileAndPlace().IsMatch(lines[0]))
            return $"exit 2 without 'raggate: <file>:<place>:' ({lines[0]})";
        if (!lines[0].Contains(Path.GetFileName(file), StringComparison.Ordinal) && !NamesAnInputFile(lines[0]))
            return $"exit 2 naming neither {file} nor another input: {lines[0]}";
        var outDir = _inputs.Combine("out");
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            return $"exit 2 left files in --out: {string.Join(", ", Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName))}";
        return null;
    }

    // A mutated config may point at another file (golden: golden.jso): the error then names that file.
    private bool NamesAnInputFile(string line) =>
        PathToken().Match(line) is { Success: true } match && (match.Groups["path"].Value.StartsWith(_inputs.Path, StringComparison.Ordinal)
            || File.Exists(_inputs.Combine(match.Groups["path"].Value)));

    private void DeleteOut()
    {
        var outDir = _inputs.Combine("out");
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
    }

    private string[] Arguments(string command) =>
        command.Split(' ').Select(a => InputName().IsMatch(a) ? _inputs.Combine(a) : a).ToArray();

    private static string First(string text) => text.Split('\n').FirstOrDefault(l => l.Length > 0) ?? "(empty)";

    [GeneratedRegex(@"^raggate( trec-eval)?: \S[^\n]*?:")]
    private static partial Regex FileAndPlace();

    [GeneratedRegex(@"^(\w+\.(json|jsonl|yaml|txt|trec)|beir|out)$")]
    private static partial Regex InputName();

    [GeneratedRegex(@"^raggate( trec-eval)?: (?<path>[^:]+):")]
    private static partial Regex PathToken();
}
