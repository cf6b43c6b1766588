using RagGate.Evaluation.Config;

namespace RagGate.Evaluation.Tests.Config;

public sealed class RagGateConfigLoaderTests
{
    private const string Minimal = "corpus: docs\ngolden: golden.json\n";

    private static RagGateConfig Parse(string yaml) => RagGateConfigLoader.Parse("raggate.yaml", yaml, "/base");

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    [Fact]
    public void Parse_MinimalConfig_ResolvesPathsAndAppliesDefaults()
    {
        var config = Parse(Minimal);

        Assert.Equal("/base/docs", config.Corpus);
        Assert.Equal("/base/golden.json", config.Eval.Golden);
        Assert.Equal("minilm-l6-v2", config.Embedding.Model);
        Assert.Equal("dense", config.Retrieval.Mode);
        Assert.Equal(10, config.Eval.K);
        Assert.Empty(config.Gates);
    }

    [Fact]
    public void Parse_SplitAndPrompts_AreRead()
    {
        var config = Parse(Minimal + "eval:\n  split: dev\nanswer:\n  answerer: extractive\n  system_prompt: \"Answer from {context}.\"\n  prompt_template: \"Q: {question}\"\n");

        Assert.Equal("dev", config.Eval.Split);
        Assert.Equal("Answer from {context}.", config.Answer.SystemPrompt);
        Assert.Equal("Q: {question}", config.Answer.PromptTemplate);
    }

    [Fact]
    public void Parse_NoMinRelevance_UsesTheOneDefault()
    {
        Assert.Equal(AnswerSettings.DefaultMinRelevance, Parse(Minimal).Answer.MinRelevance);
        Assert.Equal(AnswerSettings.DefaultMinRelevance, new AnswerSettings().MinRelevance);
    }

    [Fact]
    public void Parse_GatesInBothForms_ReadsOperatorThresholdModeAndCategory()
    {
        var config = Parse(Minimal + """
            gates:
              - recall@10 >= 0.85
              - latency_p95_ms < 500
              - metric: hit_rate@5
                min: 0.7
                mode: lower-bound
                category: billing
              - metric: tokens_per_query
                max: 3000
            """);

        Assert.Collection(config.Gates,
            g => Assert.Equal(("recall@10", GateOperator.AtLeast, 0.85, GateMode.Point), (g.Metric, g.Operator, g.Threshold, g.Mode)),
            g => Assert.Equal(("latency_p95_ms", GateOperator.Below, 500.0), (g.Metric, g.Operator, g.Threshold)),
            g => Assert.Equal(("success@5", GateOperator.AtLeast, 0.7, GateMode.LowerBound, "billing"), (g.Metric, g.Operator, g.Threshold, g.Mode, g.Category)),
            g => Assert.Equal(("tokens_per_query", GateOperator.AtMost, 3000.0), (g.Metric, g.Operator, g.Threshold)));
        Assert.Equal("raggate.yaml:5", config.Gates[1].Source);
    }

    [Fact]
    public void Parse_EmbeddingPrecision_DefaultsToFp32AndReadsInt8()
    {
        Assert.Equal("fp32", Parse(Minimal).Embedding.Precision);
        Assert.Equal("int8", Parse(Minimal + "embedding:\n  precision: int8\n").Embedding.Precision);
    }

    [Fact]
    public void Parse_UnknownEmbeddingPrecision_NamesTheChoices()
    {
        var message = ErrorOf(Minimal + "embedding:\n  precision: int4\n");

        Assert.Contains("raggate.yaml:4", message);
        Assert.Contains("int8", message);
    }

    [Fact]
    public void Parse_RetrievalVectors_DefaultsToFp32AndReadsInt8Choices()
    {
        Assert.Equal("fp32", Parse(Minimal).Retrieval.Vectors);
        Assert.Equal("int8", Parse(Minimal + "retrieval:\n  vectors: int8\n").Retrieval.Vectors);
        Assert.Equal("int8-rescore", Parse(Minimal + "retrieval:\n  vectors: int8-rescore\n").Retrieval.Vectors);
    }

    [Fact]
    public void Parse_UnknownRetrievalVectors_NamesTheChoices()
    {
        var message = ErrorOf(Minimal + "retrieval:\n  vectors: int4\n");

        Assert.Contains("raggate.yaml:4", message);
        Assert.Contains("int8-rescore", message);
    }

    [Fact]
    public void Parse_RegressionRules_ReadsDropAndAlpha()
    {
        var config = Parse(Minimal + "regression:\n  - metric: ndcg@10\n    max_drop: 0.03\n    alpha: 0.01\n");

        var rule = Assert.Single(config.Regressions);
        Assert.Equal(("ndcg@10", 0.03, 0.01), (rule.Metric, rule.MaxDrop, rule.Alpha));
    }

    [Fact]
    public void Parse_BrokenYaml_NamesFileAndLine()
    {
        var message = ErrorOf("corpus: docs\ngolden: [unclosed\n");

        Assert.StartsWith("raggate.yaml:", message);
        Assert.Contains("invalid YAML", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Parse_UnknownMetricInGate_NamesLineAndListsKnownMetrics()
    {
        var message = ErrorOf(Minimal + "gates:\n  - recal@10 >= 0.8\n");

        Assert.StartsWith("raggate.yaml:4: gates[0]: unknown metric 'recal@10'", message);
        Assert.Contains("recall@k", message);
    }

    [Fact]
    public void Parse_RatioThresholdOutOfRange_IsAnError()
    {
        var message = ErrorOf(Minimal + "gates:\n  - metric: recall@10\n    min: 1.5\n");

        Assert.Equal("raggate.yaml:4: gates[0]: threshold 1.5 is out of range; expected a number between 0 and 1 for recall@10", message);
    }

    [Fact]
    public void Parse_UnknownField_IsAnErrorWithItsLine()
    {
        var message = ErrorOf(Minimal + "retrieval:\n  mode: dense\n  topk: 5\n");

        Assert.Equal("raggate.yaml:5: retrieval.topk: unknown field 'topk'; did you mean 'top_k'? expected one of: b, k1, mode, rrf_k, top_k, vectors", message);
    }

    [Fact]
    public void Parse_BadChoiceAndBadNumber_NameTheField()
    {
        Assert.Equal("raggate.yaml:4: retrieval.mode: 'sparse' is not allowed; expected one of: dense, bm25, hybrid",
            ErrorOf(Minimal + "retrieval:\n  mode: sparse\n"));
        Assert.Equal("raggate.yaml:4: eval.k: expected a whole number", ErrorOf(Minimal + "eval:\n  k: ten\n"));
        Assert.Equal("raggate.yaml:4: eval.k: 0 is out of range; expected between 1 and 10000", ErrorOf(Minimal + "eval:\n  k: 0\n"));
    }

    [Fact]
    public void Parse_OverlapNotBelowMaxTokens_IsAnError()
    {
        Assert.Contains("chunking.overlap: 64 is out of range; expected less than max_tokens (64)",
            ErrorOf(Minimal + "chunking:\n  max_tokens: 64\n  overlap: 64\n"));
    }

    [Fact]
    public void Parse_MissingGolden_IsAnError()
    {
        Assert.Contains("golden: missing", ErrorOf("corpus: docs\n"));
    }

    [Fact]
    public void Parse_GateWithoutMinOrMax_IsAnError()
    {
        Assert.Contains("expected exactly one of 'min' or 'max'", ErrorOf(Minimal + "gates:\n  - metric: recall@10\n"));
    }

    [Fact]
    public void Load_MissingFile_IsAnError()
    {
        var message = Assert.Throws<InputException>(() => RagGateConfigLoader.Load("/nonexistent/raggate.yaml")).Message;

        Assert.Equal("/nonexistent/raggate.yaml: file not found; expected a raggate.yaml config", message);
    }

    [Theory]
    [InlineData("gates:\n  - recall@50 >= 0.9\n", "raggate.yaml:6: gates[0]: recall@50 needs the top 50 documents, deeper than eval.k (10)")]
    [InlineData("gates:\n  - metric: ndcg@20\n    min: 0.5\n", "raggate.yaml:6: gates[0]: ndcg@20 needs the top 20 documents, deeper than eval.k (10)")]
    [InlineData("regression:\n  - metric: recall@11\n", "raggate.yaml:6: regression[0]: recall@11 needs the top 11 documents, deeper than eval.k (10)")]
    public void Parse_CutoffDeeperThanEvalK_NamesTheRuleAndTheDepth(string rules, string expected)
    {
        var message = ErrorOf(Minimal + "eval:\n  k: 10\n" + rules);

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CutoffWithinEvalK_Accepted()
    {
        var config = Parse(Minimal + "eval:\n  k: 50\ngates:\n  - recall@50 >= 0.9\n  - mrr >= 0.5\n");

        Assert.Equal(["recall@50", "mrr"], config.Gates.Select(g => g.Metric));
    }

    [Fact]
    public void Parse_ConcurrencyMaxCostAndUsage_ReadsThem()
    {
        var config = Parse(Minimal + "target:\n  kind: http\n  url: http://127.0.0.1:9/\n  usage: required\neval:\n  concurrency: [1, 4, 16]\n  max_cost: 0.5\n");
        var single = Parse(Minimal + "eval:\n  concurrency: 8\n");

        Assert.Equal([1, 4, 16], config.Eval.Concurrency);
        Assert.Equal(0.5, config.Eval.MaxCost);
        Assert.Equal(TargetSettings.UsageRequired, config.Target.Usage);
        Assert.Equal([8], single.Eval.Concurrency);
        var defaults = Parse(Minimal);
        Assert.Equal([1], defaults.Eval.Concurrency);
        Assert.Equal(((double?)null, TargetSettings.UsageEstimate), (defaults.Eval.MaxCost, defaults.Target.Usage));
    }

    [Theory]
    [InlineData("eval:\n  concurrency: 0\n", "raggate.yaml:4: eval.concurrency: 0 is out of range")]
    [InlineData("eval:\n  concurrency: [2, x]\n", "raggate.yaml:4: eval.concurrency[1]: expected a whole number")]
    [InlineData("eval:\n  max_cost: -1\n", "raggate.yaml:4: eval.max_cost: -1 is out of range")]
    [InlineData("target:\n  usage: sometimes\n", "raggate.yaml:4: target.usage: 'sometimes' is not allowed")]
    public void Parse_BadRunnerSettings_NamesTheField(string yaml, string expected)
    {
        Assert.StartsWith(expected, ErrorOf(Minimal + yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PassAllKGate_Accepted()
    {
        Assert.Equal("pass^k", Assert.Single(Parse(Minimal + "gates:\n  - pass^k >= 0.8\n").Gates).Metric);
    }
}
