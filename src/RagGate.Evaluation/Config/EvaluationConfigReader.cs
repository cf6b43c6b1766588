using System.Globalization;
using System.Text.RegularExpressions;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Tokens;

namespace RagGate.Evaluation.Config;

/// <summary>
/// Reads the evaluation's part of <c>raggate.yaml</c> (<c>name</c>, <c>target</c>, <c>eval</c>,
/// <c>server</c>, <c>faults</c>, <c>gates</c>, <c>regression</c> and <c>answer.generation_model</c>);
/// every error is one line naming the file, line and field. The engine reads its own sections from
/// the same root, and the root's unknown fields are rejected once both have read it.
/// </summary>
public static partial class EvaluationConfigReader
{
    /// <summary>
    /// Reads the evaluation's sections of <paramref name="root"/>, parsed from <paramref name="file"/>;
    /// relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    public static EvaluationConfig Read(YamlSection root, string file, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Int("version", 1, 1, 1);
        string? Resolve(string? p) => p is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDirectory, p));
        // The engine reads the rest of this section; only the model that prices and counts is evaluation's.
        var answer = root.Section("answer");

        var config = new EvaluationConfig
        {
            Path = System.IO.Path.GetFullPath(file),
            Name = root.String("name", "rag")!,
            GenerationModel = answer?.String("generation_model", EvaluationConfig.DefaultGenerationModel) ?? EvaluationConfig.DefaultGenerationModel,
            Target = ReadTarget(root.Section("target")),
            Eval = ReadEval(root, Resolve),
            Server = ReadServer(root.Section("server")),
            Faults = root.Section("faults") is { } faults ? FaultSettings.Read(faults, $"{file}:{root.KeyLine("faults")}") : null,
            Gates = root.Items("gates").Select(item => ReadGate(file, item)).ToList(),
            Regressions = root.Items("regression").Select(item => ReadRegression(file, item)).ToList(),
        };
        CutoffCheck.Validate(config, config.Eval.K, "eval.k");
        CheckGenerationModel(config, answer);
        return config;
    }

    private static TargetSettings ReadTarget(YamlSection? s)
    {
        if (s is null) return new();
        var settings = new TargetSettings
        {
            Kind = s.Choice("kind", TargetSettings.Embedded, TargetSettings.Embedded, TargetSettings.Http),
            Url = s.String("url"),
            TimeoutSeconds = s.Number("timeout_seconds", 30, 0.1, 3600),
            Usage = s.Choice("usage", TargetSettings.UsageEstimate, TargetSettings.UsageEstimate, TargetSettings.UsageRequired),
        };
        if (settings.Kind == TargetSettings.Http && !Uri.TryCreate(settings.Url, UriKind.Absolute, out _))
        {
            throw s.Error("url", "expected an absolute http(s) URL for an http target");
        }

        s.RejectUnknownFields();
        return settings;
    }

    private static ServerSettings ReadServer(YamlSection? s)
    {
        if (s is null) return new();
        var rate = s.Section("rate_limit");
        var admin = s.Section("admin");
        var settings = new ServerSettings
        {
            MaxBodyBytes = s.Int("max_body_bytes", 16 * 1024, 256, 64 * 1024 * 1024),
            MaxQueryChars = s.Int("max_query_chars", 2000, 1, 1_000_000),
            MaxK = s.Int("max_k", 100, 1, 10_000),
            RequestTimeoutSeconds = s.Number("request_timeout_seconds", 30, 0.1, 3600),
            ShutdownTimeoutSeconds = s.Number("shutdown_timeout_seconds", 30, 0, 3600),
            RateLimitPerSecond = rate?.Int("permits_per_second", 200, 0, 1_000_000) ?? 200,
            RateLimitBurst = rate?.Int("burst", 400, 1, 1_000_000) ?? 400,
            CorsOrigins = s.Strings("cors_origins", []),
            AdminEnabled = admin?.Bool("enabled", false) ?? false,
            AdminTokenEnv = admin?.String("token_env", ServerSettings.DefaultAdminTokenEnv) ?? ServerSettings.DefaultAdminTokenEnv,
        };
        rate?.RejectUnknownFields();
        admin?.RejectUnknownFields();
        if (settings.CorsOrigins.FirstOrDefault(o => !Uri.TryCreate(o, UriKind.Absolute, out _)) is { } origin)
        {
            throw s.Error("cors_origins", $"'{origin}' is not an origin; expected absolute origins such as https://app.example.com");
        }

        s.RejectUnknownFields();
        return settings;
    }

    private static EvalSettings ReadEval(YamlSection root, Func<string?, string?> resolve)
    {
        var golden = root.PathString("golden");
        var s = root.Section("eval");
        if (golden is null)
        {
            throw root.Error("golden", "missing; expected the path of the golden set (golden: golden/test_queries.json)");
        }

        if (s is null) return new EvalSettings { Golden = resolve(golden)! };
        var settings = new EvalSettings
        {
            Golden = resolve(golden)!,
            K = s.Int("k", 10, 1, 10_000),
            Warmup = s.Int("warmup", 3, 0, 10_000),
            Repetitions = s.Int("repetitions", 1, 1, 1000),
            Concurrency = s.Ints("concurrency", [1], 1, 1024),
            MaxCost = s.OptionalNumber("max_cost", 0, double.MaxValue),
            Answer = s.Bool("answer", true),
            Seed = s.Int("seed", 42),
            BootstrapResamples = s.Int("bootstrap_resamples", 2000, 100, 1_000_000),
            KeywordContextDocuments = s.Int("keyword_context_docs", 5, 1, 1000),
            RefusalMarkers = s.Strings("refusal_markers", EvalSettings.DefaultRefusalMarkers),
            HallucinationMarkers = s.Strings("hallucination_markers", EvalSettings.DefaultHallucinationMarkers),
            GroundednessThreshold = s.Number("groundedness_threshold", 0.6, -1, 1),
            Prices = resolve(s.PathString("prices")),
            Split = s.String("split"),
        };
        s.RejectUnknownFields();
        return settings;
    }

    private static GateRule ReadGate(string file, YamlItem item)
    {
        var source = $"{file}:{item.Line}";
        if (item.Scalar is { } text)
        {
            var match = GateText().Match(text);
            if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InputException($"{source}: {item.Path}: '{text}' is not a gate; expected '<metric> <op> <number>', e.g. 'recall@10 >= 0.85'");
            }

            if (!double.IsFinite(value))
            {
                throw new InputException($"{source}: {item.Path}: threshold '{match.Groups["value"].Value}' is not a finite number; expected a finite number, e.g. 'latency_p95_ms <= 800'");
            }

            return Checked(new GateRule(match.Groups["metric"].Value, Operator(match.Groups["op"].Value), value, GateMode.Point, null, source), item.Path);
        }

        var s = item.Mapping!;
        var metric = s.String("metric") ?? throw s.Error("metric", "missing; expected a metric name such as recall@10");
        var min = s.OptionalNumber("min");
        var max = s.OptionalNumber("max");
        if (min.HasValue == max.HasValue)
        {
            throw new InputException($"{source}: {item.Path}: expected exactly one of 'min' or 'max'");
        }

        var rule = new GateRule(metric, min.HasValue ? GateOperator.AtLeast : GateOperator.AtMost, min ?? max!.Value,
            Mode(s.Choice("mode", "point", "point", "lower-bound")), s.String("category"), source);
        s.RejectUnknownFields();
        return Checked(rule, item.Path);
    }

    // The pattern admits only the four comparison symbols, so parsing cannot fail here.
    private static GateOperator Operator(string symbol) =>
        WireNames.TryParse<GateOperator>(symbol, out var op) ? op : throw new InvalidOperationException($"unexpected operator '{symbol}'");

    private static GateMode Mode(string name) =>
        WireNames.TryParse<GateMode>(name, out var mode) ? mode : throw new InvalidOperationException($"unexpected gate mode '{name}'");

    private static GateRule Checked(GateRule rule, string path)
    {
        if (!MetricCatalog.TryGet(rule.Metric, out var info, out var error))
        {
            throw new InputException($"{rule.Source}: {path}: {error}");
        }

        if (info.IsRatio && (rule.Threshold < 0 || rule.Threshold > 1))
        {
            throw new InputException($"{rule.Source}: {path}: threshold {rule.Threshold.ToString(CultureInfo.InvariantCulture)} is out of range; expected a number between 0 and 1 for {info.Name}");
        }

        if (rule.Threshold < 0)
        {
            throw new InputException($"{rule.Source}: {path}: threshold {rule.Threshold.ToString(CultureInfo.InvariantCulture)} is out of range; expected a number at least 0 for {info.Name}");
        }

        return rule with { Metric = info.Name };
    }

    private static RegressionRule ReadRegression(string file, YamlItem item)
    {
        var source = $"{file}:{item.Line}";
        var s = item.Mapping ?? throw new InputException($"{source}: {item.Path}: expected a mapping with metric, max_drop and alpha");
        var metric = s.String("metric") ?? throw s.Error("metric", "missing; expected a metric name such as recall@10");
        if (!MetricCatalog.TryGet(metric, out var info, out var error))
        {
            throw s.Error("metric", error);
        }

        if (!info.HasPerQueryValues)
        {
            throw s.Error("metric", $"'{metric}' has no per-query values to pair; expected a per-query metric: {MetricCatalog.Describe(perQueryOnly: true)}");
        }

        var rule = new RegressionRule(info.Name, s.Number("max_drop", 0.02, 0, info.IsRatio ? 1 : double.MaxValue), s.Number("alpha", 0.05, 1e-9, 0.5), source);
        s.RejectUnknownFields();
        return rule;
    }

    // The price and the tokenizer are looked up here, so an unknown model is blamed at its config line, not at prices.yaml.
    private static void CheckGenerationModel(EvaluationConfig config, YamlSection? answer)
    {
        var model = config.GenerationModel;
        if (config.Eval.Prices is { } path && !File.Exists(path))
        {
            return; // a missing price table is reported, with its own path, when the prices are loaded for scoring
        }

        var prices = PriceTable.Load(config.Eval.Prices);
        InputException Error(string expected) => answer?.Error("generation_model", expected)
            ?? new InputException($"{config.Path}:1: answer.generation_model: {expected}");
        if (!prices.Contains(model))
        {
            throw Error($"no price for '{model}' in {prices.Source}; expected one of: {string.Join(", ", prices.Models)} (or set eval.prices to a table that prices it)");
        }

        if (config.Target.Kind == TargetSettings.Embedded && TokenCounter.EncodingFor(model) is null)
        {
            throw Error($"no tokenizer is known for '{model}'; expected a model whose name starts with {TokenCounter.KnownModelPrefixes}");
        }
    }

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_@.^]*)\s*(?<op>>=|<=|>|<)\s*(?<value>[-+0-9.eE]+)\s*$")]
    private static partial Regex GateText();
}
