using System.Text;
using System.Text.Json.Nodes;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Runs;

namespace RagGate.Cli.Tests.InputFuzzing;

/// <summary>
/// One reproduction per family of bad input that used to crash or mislead: each now exits 2 with one line
/// naming the file and the place (or, where the input is valid after all, scores it).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class InputFamilyTests : IDisposable
{
    private readonly ValidInputs _inputs = new();

    public void Dispose() => _inputs.Dispose();

    [Theory]
    [InlineData("duplicate-id", "cand.json:queries[3].id: query id 'q1' is used twice (first at queries[0])")]
    [InlineData("queries-null", "cand.json:queries: is null; expected an array of query records")]
    [InlineData("query-null", "cand.json:queries[0]: null; expected a query record object")]
    [InlineData("id-null", "cand.json:queries[0].id: missing or empty; expected a non-empty query id")]
    [InlineData("retrieved-null", "cand.json:queries[0].retrieved: null; expected an array of retrieved documents")]
    [InlineData("retrieved-item-null", "cand.json:queries[0].retrieved[0]: null; expected {\"id\", \"score\", \"rank\"}")]
    [InlineData("retrieved-id-null", "cand.json:queries[0].retrieved[0].id: missing or empty; expected a document id")]
    [InlineData("system-null", "cand.json:system: is null; expected an object with name and generationModel")]
    [InlineData("queries-wrong-type", "cand.json:queries: is a string; expected an array of query records")]
    [InlineData("topk-wrong-type", "cand.json:1: wrong type at $.topK; expected a whole number")]
    public async Task Compare_RunJsonWithWrongShape_NamesTheField(string mutation, string expected)
    {
        EditCandidate(run =>
        {
            var queries = run["queries"]!.AsArray();
            switch (mutation)
            {
                case "duplicate-id": queries.Add(queries[0]!.DeepClone()); break;
                case "queries-null": run["queries"] = null; break;
                case "query-null": queries[0] = null; break;
                case "id-null": queries[0]!["id"] = null; break;
                case "retrieved-null": queries[0]!["retrieved"] = null; break;
                case "retrieved-item-null": queries[0]!["retrieved"]!.AsArray()[0] = null; break;
                case "retrieved-id-null": queries[0]!["retrieved"]![0]!["id"] = null; break;
                case "system-null": run["system"] = null; break;
                case "queries-wrong-type": run["queries"] = "q1"; break;
                case "topk-wrong-type": run["topK"] = "ten"; break;
            }
        });

        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--golden", "golden.json", "--out", "out");

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RunJsonWithoutSystemProperties_IsScored()
    {
        EditCandidate(run => run["system"]!.AsObject().Remove("properties"));

        var result = await RunAsync("compare", "base.json", "cand.json", "--golden", "golden.json");

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
    }

    [Fact]
    public async Task Compare_GoldenSharesNoQueryWithTheRun_NamesBothFiles()
    {
        _inputs.Write("other.json", """{"queries": [{"id": "z1", "query": "Unrelated?", "expected_doc_ids": ["x"]}]}""");

        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--golden", "other.json");
        var evalLine = await ExpectInputErrorAsync("eval", "--config", WriteConfig("golden: other.json"), "--run", "cand.json", "--out", "out");

        Assert.Contains("base.json: no query of the run is in the golden set", line, StringComparison.Ordinal);
        Assert.Contains("other.json", line, StringComparison.Ordinal);
        Assert.Contains("cand.json: no query of the run is in the golden set", evalLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoAnsweredQueryInTheGoldenSet_ReportsCostWithoutCrashing()
    {
        // q1 is in the golden set but unanswered; the only answered record (q9) is not in it: the cost sample is empty.
        EditCandidate(run =>
        {
            var queries = run["queries"]!.AsArray();
            queries[0]!["answer"] = null;
            queries[1]!["id"] = "q9";
            queries.RemoveAt(2);
        });
        _inputs.Write("one.json", """{"queries": [{"id": "q1", "query": "How do I reset my password?", "expected_doc_ids": ["passwords"]}]}""");

        var result = await RunAsync("compare", "cand.json", "cand.json", "--golden", "one.json");

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [InlineData("corpus: docs\ngolden: golden.json\nk: [a\nname: x\n", "c.yaml:3: invalid YAML")]
    [InlineData("corpus: docs\ngolden: golden.json\nretrieval:\n\tmode: bm25\n", "c.yaml:4: invalid YAML (a tab character is used for indentation)")]
    [InlineData("corpus: docs\ngolden: golden.json\nname: x\n\nembedding:\n  model: *missing\n", "c.yaml:6: invalid YAML (alias '*missing' names no anchor")]
    [InlineData("corpus: docs\ngolden: golden.json\nname: a\nname: b\n", "c.yaml:4: invalid YAML (key 'name' appears twice")]
    [InlineData("corpus: docs\ngolden: golden.json\neval:\n : k: 3\n  seed: 7\n", "c.yaml:5: invalid YAML (the YAML parser stopped here")]
    public async Task Compare_BrokenYaml_NamesTheLineOfTheCause(string config, string expected)
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", WriteConfig(config, raw: true));

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_YamlNestedFiftyThousandLevels_CapsTheDepth()
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", WriteConfig("name: " + new string('[', 50_000) + "\n", raw: true));

        Assert.Contains("c.yaml:1: invalid YAML (nesting deeper than 64 levels)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("golden: \"gold\\0en.json\"", "c.yaml:2: golden: the path contains a NUL or control character")]
    [InlineData("golden: golden.json\neval:\n  prices: \"pri\\0ces.yaml\"", "c.yaml:4: eval.prices: the path contains a NUL")]
    [InlineData("golden: ''", "c.yaml:2: golden: the path is empty; expected a file or folder path")]
    [InlineData("golden: golden.json\neval:\n  prices: docs", "docs: is a folder; expected a price table")]
    public async Task Compare_BadPathInConfig_NamesTheConfigLineOrTheFolder(string golden, string expected)
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", WriteConfig(golden));

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OutIsAnExistingFile_SaysSoBeforeAnyWork()
    {
        _inputs.Write("report.txt", "not a folder");

        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--golden", "golden.json", "--out", "report.txt");

        Assert.Contains("report.txt: is a file; expected a folder for the reports (--out)", line, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(_inputs.Combine("report.txt")));
    }

    [Fact]
    public async Task Compare_GoldenIsAFolderWithoutQueries_NamesTheFolder()
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--golden", "docs");

        Assert.Contains("docs: no queries.jsonl; expected a BEIR folder", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_InvalidUtf8InAGoldenString_NamesTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidInputs.GoldenJson.Replace("reset my password", "reset my \u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        File.WriteAllBytes(_inputs.Combine("golden.json"), bytes);

        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--golden", "golden.json");

        Assert.Contains("golden.json:2: invalid UTF-8 text (byte 0xFF); expected UTF-8", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("golden.json")]
    [InlineData("golden.jsonl")]
    [InlineData("cand.json")]
    [InlineData("raggate.yaml")]
    [InlineData("beir/queries.jsonl")]
    public async Task Compare_Utf8ByteOrderMark_IsAccepted(string file)
    {
        File.WriteAllBytes(_inputs.Combine(file), [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(_inputs.Combine(file))]);
        var golden = file.StartsWith("beir", StringComparison.Ordinal) ? "beir" : file == "golden.jsonl" ? "golden.jsonl" : "golden.json";

        var result = await RunAsync("compare", "base.json", "cand.json", "--config", "raggate.yaml", "--golden", golden);

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
    }

    [Theory]
    [InlineData("golden.json")]
    [InlineData("cand.json")]
    [InlineData("raggate.yaml")]
    public async Task Compare_Utf16File_IsNamedAsUtf16(string file)
    {
        var text = File.ReadAllText(_inputs.Combine(file));
        File.WriteAllText(_inputs.Combine(file), text, Encoding.Unicode);

        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", "raggate.yaml", "--golden", "golden.json");

        Assert.Contains($"{file}:1: the file is UTF-16 encoded; expected UTF-8", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DocumentIdWithWhitespace_RejectedBeforeAnyWorkAndOldReportsKept()
    {
        _inputs.Write("docs/passwords/account locked.md", "# Locked\n\nYour account is locked after five attempts.\n");
        _inputs.Write("out/run.json", "old run");
        _inputs.Write("out/report.md", "old report");

        var line = await ExpectInputErrorAsync(["eval", "--config", WriteConfig("golden: golden.json"), "--out", "out"], keepOut: true);

        Assert.Contains("document id 'passwords/account locked' is empty or contains whitespace", line, StringComparison.Ordinal);
        Assert.Equal(["report.md", "run.json"], Directory.GetFiles(_inputs.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("old run", File.ReadAllText(_inputs.Combine("out/run.json")));
    }

    [Fact]
    public async Task ReportFolder_WriteFailsHalfway_LeavesThePreviousReports()
    {
        _inputs.Write("out/run.json", "old run");

        await Assert.ThrowsAsync<IOException>(() => Cli.Hosting.ReportFolder.WriteAsync(_inputs.Combine("out"), async folder =>
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "run.json"), "new run");
            throw new IOException("disk full");
        }));

        Assert.Equal("old run", File.ReadAllText(_inputs.Combine("out/run.json")));
        Assert.Equal(new[] { "beir", "docs", "out" }, Directory.GetDirectories(_inputs.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("  - latency_p95_ms <= 1e999", "gates[0]: threshold '1e999' is not a finite number")]
    [InlineData("  - metric: latency_p95_ms\n    max: .inf", "gates[0].max: '.inf' is not a finite number")]
    public async Task Compare_NonFiniteThreshold_RejectedInBothForms(string gate, string expected)
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", WriteConfig("golden: golden.json\ngates:\n" + gate));

        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RunsImportedFromTrec_NeedNoPrice()
    {
        foreach (var name in new[] { "a", "b" })
        {
            var run = TrecRunFile.Read(_inputs.Combine("run.trec"));
            run.Regressions = [new RegressionRule("recall@10", 0.02, 0.05, "raggate.yaml:1")];
            await RunFile.WriteAsync(run, _inputs.Combine($"{name}.json"), CancellationToken.None);
        }

        var result = await RunAsync("compare", "a.json", "b.json", "--golden", "golden.json");

        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task EvalRunAndTrecEval_DocumentRetrievedTwice_SameRuleSameMessage()
    {
        _inputs.Write("dup.trec", "q1 Q0 passwords 1 2 t\nq1 Q0 passwords 2 1 t\nq2 Q0 refunds 1 1 t\n");

        var trecEval = await ExpectInputErrorAsync("trec-eval", "-m", "map", "qrels.txt", "dup.trec");
        var eval = await ExpectInputErrorAsync("eval", "--config", WriteConfig("golden: golden.json"), "--run", "dup.trec", "--out", "out");

        const string Rule = "dup.trec: document 'passwords' is retrieved twice for query 'q1'; expected each document once per query";
        Assert.Contains(Rule, trecEval, StringComparison.Ordinal);
        Assert.Contains(Rule, eval, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("golden: golden.json\neval:\n  k: 99999999999", "c.yaml:4: eval.k: 99999999999 is out of range; expected between 1 and 10000")]
    [InlineData("golden: golden.json\neval:\n  seed: 2147483648", "c.yaml:4: eval.seed: 2147483648 is out of range")]
    [InlineData("golden: golden.json\ngates:\n  - recall@0 >= 0.5", "metric 'recall@0' has cutoff '0'; expected a positive whole number")]
    [InlineData("golden: golden.json\ngates:\n  - recall@abc >= 0.5", "metric 'recall@abc' has cutoff 'abc'")]
    [InlineData("golden: golden.json\ngates:\n  - recall >= 0.5", "metric 'recall' needs a cutoff; expected recall@k")]
    [InlineData("golden: golden.json\ngates:\n  - recall@99999999999 >= 0.5", "cutoff 99999999999, which is out of range")]
    [InlineData("golden: golden.json\nanswer:\n  generation_model: llama-9", "c.yaml:4: answer.generation_model: no price for 'llama-9'")]
    [InlineData("golden: golden.json\nretrieval:\n  topk: 3", "c.yaml:4: retrieval.topk: unknown field 'topk'; did you mean 'top_k'?")]
    [InlineData("golden: golden.json\nzzz: 3", "c.yaml:3: zzz: unknown field 'zzz'; expected one of: answer, chunking, corpus")]
    public async Task Compare_NumbersMetricsModelsAndKeys_SayWhatIsExpected(string config, string expected)
    {
        var line = await ExpectInputErrorAsync("compare", "base.json", "cand.json", "--config", WriteConfig(config));

        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown metric", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qrels_GradeOutOfRange_SaysOutOfRange()
    {
        _inputs.Write("big.txt", "q1 0 passwords 2147483648\n");

        var line = await ExpectInputErrorAsync("trec-eval", "-m", "map", "big.txt", "run.trec");

        Assert.Contains("big.txt:1: relevance '2147483648' is out of range", line, StringComparison.Ordinal);
    }

    private string WriteConfig(string body, bool raw = false)
    {
        _inputs.Write("c.yaml", raw ? body : "corpus: docs\n" + body + "\n");
        return "c.yaml";
    }

    private void EditCandidate(Action<JsonObject> edit)
    {
        var run = JsonNode.Parse(File.ReadAllText(_inputs.Combine("cand.json")))!.AsObject();
        edit(run);
        File.WriteAllText(_inputs.Combine("cand.json"), run.ToJsonString());
    }

    private Task<RaggateProcess.Result> RunAsync(params string[] args) =>
        InProcessRaggate.RunAsync(args.Select(a => File.Exists(_inputs.Combine(a)) || Directory.Exists(_inputs.Combine(a)) || a is "out" ? _inputs.Combine(a) : a).ToArray());

    private async Task<string> ExpectInputErrorAsync(params string[] args) => await ExpectInputErrorAsync(args, keepOut: false);

    private async Task<string> ExpectInputErrorAsync(string[] args, bool keepOut)
    {
        var result = await RunAsync(args);

        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("raggate", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        if (!keepOut)
            Assert.False(Directory.Exists(_inputs.Combine("out")), "a failed command must leave no report folder");
        return line;
    }
}
