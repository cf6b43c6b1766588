using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Retrieval;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Engine.Tests.Configuration;

public sealed class RagGateConfigLoaderTests
{
    private const string Minimal = "corpus: docs\ngolden: golden.json\n";

    private static RagGateConfig Parse(string yaml) => RagGateConfigLoader.Parse("raggate.yaml", yaml, "/base");

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    [Fact]
    public void Parse_MinimalConfig_ResolvesPathsAndAppliesDefaults()
    {
        var config = Parse(Minimal);

        Assert.Equal("/base/docs", config.Engine.Corpus);
        Assert.Equal("/base/golden.json", config.Evaluation.Eval.Golden);
        Assert.Equal("minilm-l6-v2", config.Engine.Embedding.Model);
        Assert.Equal(RetrievalMode.Dense, config.Engine.Retrieval.Mode);
        Assert.Equal(10, config.Evaluation.Eval.K);
        Assert.Empty(config.Evaluation.Gates);
    }

    [Fact]
    public void Parse_SplitAndPrompts_AreRead()
    {
        var config = Parse(Minimal + "eval:\n  split: dev\nanswer:\n  answerer: extractive\n  system_prompt: \"Answer from {context}.\"\n  prompt_template: \"Q: {question}\"\n");

        Assert.Equal("dev", config.Evaluation.Eval.Split);
        Assert.Equal("Answer from {context}.", config.Engine.Answer.SystemPrompt);
        Assert.Equal("Q: {question}", config.Engine.Answer.PromptTemplate);
    }

    [Fact]
    public void Parse_NoMinRelevance_UsesTheOneDefault()
    {
        Assert.Equal(AnswerOptions.DefaultMinRelevance, Parse(Minimal).Engine.Answer.MinRelevance);
        Assert.Equal(AnswerOptions.DefaultMinRelevance, new AnswerOptions().MinRelevance);
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

        Assert.Collection(config.Evaluation.Gates,
            g => Assert.Equal(("recall@10", GateOperator.AtLeast, 0.85, GateMode.Point), (g.Metric, g.Operator, g.Threshold, g.Mode)),
            g => Assert.Equal(("latency_p95_ms", GateOperator.Below, 500.0), (g.Metric, g.Operator, g.Threshold)),
            g => Assert.Equal(("success@5", GateOperator.AtLeast, 0.7, GateMode.LowerBound, "billing"), (g.Metric, g.Operator, g.Threshold, g.Mode, g.Category)),
            g => Assert.Equal(("tokens_per_query", GateOperator.AtMost, 3000.0), (g.Metric, g.Operator, g.Threshold)));
        Assert.Equal("raggate.yaml:5", config.Evaluation.Gates[1].Source);
    }

    [Fact]
    public void Parse_EmbeddingPrecision_DefaultsToFp32AndReadsInt8()
    {
        Assert.Equal(EmbeddingPrecision.Fp32, Parse(Minimal).Engine.Embedding.Precision);
        Assert.Equal(EmbeddingPrecision.Int8, Parse(Minimal + "embedding:\n  precision: int8\n").Engine.Embedding.Precision);
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
        Assert.Equal(VectorStorage.Fp32, Parse(Minimal).Engine.Retrieval.Vectors);
        Assert.Equal(VectorStorage.Int8, Parse(Minimal + "retrieval:\n  vectors: int8\n").Engine.Retrieval.Vectors);
        Assert.Equal(VectorStorage.Int8Rescore, Parse(Minimal + "retrieval:\n  vectors: int8-rescore\n").Engine.Retrieval.Vectors);
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

        var rule = Assert.Single(config.Evaluation.Regressions);
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
        Assert.Equal("raggate.yaml:4: retrieval.mode: 'sparse' is not a registered retrieval mode; expected one of: dense, bm25, hybrid",
            ErrorOf(Minimal + "retrieval:\n  mode: sparse\n"));
        Assert.Equal("raggate.yaml:4: eval.k: expected a whole number", ErrorOf(Minimal + "eval:\n  k: ten\n"));
        Assert.Equal("raggate.yaml:4: eval.k: 0 is out of range; expected between 1 and 10000", ErrorOf(Minimal + "eval:\n  k: 0\n"));
    }

    [Fact]
    public void Parse_OverlapNotBelowMaxTokens_IsAnError()
    {
        Assert.Contains("chunking.overlap: 64 is out of range; expected at least 0 and less than max_tokens (64)",
            ErrorOf(Minimal + "chunking:\n  max_tokens: 64\n  overlap: 64\n"));
    }

    [Theory]
    [InlineData("chunking:\n  mode: lines\n", "chunking.mode: 'lines' is not a registered chunking mode; expected one of: tokens, whole")]
    [InlineData("retrieval:\n  vectors: int4\n", "retrieval.vectors: 'int4' is not a registered vector storage; expected one of: fp32, int8, int8-rescore")]
    [InlineData("embedding:\n  precision: fp16\n", "embedding.precision: 'fp16' is not a registered embedding precision; expected one of: fp32, int8")]
    [InlineData("answer:\n  answerer: llama\n", "answer.answerer: 'llama' is not a registered answerer; expected one of: extractive, chat")]
    [InlineData("embedding:\n  model: e5-small\n", "embedding.model: 'e5-small' is not an embedding model; expected one of: minilm-l6-v2, arctic-embed-xs")]
    [InlineData("answer:\n  answerer: chat\n  chat:\n    base_url: localhost:8080\n    model: m\n", "answer.chat.base_url: 'localhost:8080' is not an http(s) URL; expected for example http://127.0.0.1:8080/v1")]
    [InlineData("answer:\n  answerer: chat\n", "answer.chat: the chat answerer needs chat.base_url and chat.model")]
    public void Parse_EngineNameNotRegistered_NamesTheFieldAndTheRegisteredNames(string section, string expected)
    {
        var message = ErrorOf(Minimal + section);

        Assert.StartsWith("raggate.yaml:", message, StringComparison.Ordinal);
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EngineSections_ReadIntoTheEnginesOwnOptions()
    {
        var config = Parse(Minimal + "embedding:\n  precision: INT8\n  cache: .cache\nchunking:\n  mode: whole\nretrieval:\n  mode: hybrid\n  vectors: int8-rescore\n  top_k: 7\n"
            + "answer:\n  answerer: chat\n  generation_model: gpt-4o\n  chat:\n    base_url: http://127.0.0.1:9/v1\n    model: m\n");

        Assert.Equal(
            (EmbeddingPrecision.Int8, "/base/.cache", ChunkingMode.Whole, RetrievalMode.Hybrid, VectorStorage.Int8Rescore, 7),
            (config.Engine.Embedding.Precision, config.Engine.Embedding.CacheDirectory, config.Engine.Chunking.Mode, config.Engine.Retrieval.Mode, config.Engine.Retrieval.Vectors, config.Engine.Retrieval.TopK));
        Assert.Equal((AnswererKind.Chat, "http://127.0.0.1:9/v1", "m", ChatEndpoint.DefaultApiKeyEnv),
            (config.Engine.Answer.Answerer, config.Engine.Answer.Chat!.BaseUrl.OriginalString, config.Engine.Answer.Chat.Model, config.Engine.Answer.Chat.ApiKeyEnv));
        // The one field both halves read: the engine counts context with it, the evaluation prices it.
        Assert.Equal(("gpt-4o", "gpt-4o"), (config.Engine.Answer.GenerationModel, config.Evaluation.GenerationModel));
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

        Assert.Equal(["recall@50", "mrr"], config.Evaluation.Gates.Select(g => g.Metric));
    }

    [Fact]
    public void Parse_ConcurrencyMaxCostAndUsage_ReadsThem()
    {
        var config = Parse(Minimal + "target:\n  kind: http\n  url: http://127.0.0.1:9/\n  usage: required\neval:\n  concurrency: [1, 4, 16]\n  max_cost: 0.5\n");
        var single = Parse(Minimal + "eval:\n  concurrency: 8\n");

        Assert.Equal([1, 4, 16], config.Evaluation.Eval.Concurrency);
        Assert.Equal(0.5, config.Evaluation.Eval.MaxCost);
        Assert.Equal(TargetSettings.UsageRequired, config.Evaluation.Target.Usage);
        Assert.Equal([8], single.Evaluation.Eval.Concurrency);
        var defaults = Parse(Minimal);
        Assert.Equal([1], defaults.Evaluation.Eval.Concurrency);
        Assert.Equal(((double?)null, TargetSettings.UsageEstimate), (defaults.Evaluation.Eval.MaxCost, defaults.Evaluation.Target.Usage));
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
        Assert.Equal("pass^k", Assert.Single(Parse(Minimal + "gates:\n  - pass^k >= 0.8\n").Evaluation.Gates).Metric);
    }
}
