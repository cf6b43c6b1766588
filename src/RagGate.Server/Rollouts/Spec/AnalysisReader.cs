using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>Reads <c>analysisTemplates</c>: named templates of metrics with Argo Rollouts' fields.</summary>
internal static class AnalysisReader
{
    private static readonly string[] Measures = ["errors", "latency", "quality"];

    public static AnalysisTemplateSpec Template(string file, YamlItem item)
    {
        var s = item.Mapping ?? throw new InputException($"{file}:{item.Line}: {item.Path}: expected a mapping with name and metrics");
        var name = s.String("name") ?? throw s.Error("name", "missing; expected the template's name");
        SpecReader.CheckName(s, "name", name);
        var metrics = s.Items("metrics").Select(m => Metric(file, m)).ToList();
        if (metrics.Count == 0)
            throw s.Error("metrics", "missing or empty; expected a list of metrics");
        var twice = metrics.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw s.Error("metrics", $"two metrics are named '{twice.Key}'; expected distinct names");
        s.RejectUnknownFields();
        return new AnalysisTemplateSpec { Name = name, Metrics = metrics };
    }

    public static void CheckDistinct(string file, IReadOnlyList<AnalysisTemplateSpec> templates)
    {
        var twice = templates.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw InputException.At(file, "analysisTemplates", $"two templates are named '{twice.Key}'; expected distinct names");
    }

    private static MetricSpec Metric(string file, YamlItem item)
    {
        var s = item.Mapping ?? throw new InputException($"{file}:{item.Line}: {item.Path}: expected a mapping with name and provider");
        var name = s.String("name") ?? throw s.Error("name", "missing; expected the metric's name");
        var measure = Measure(s);
        var fields = ResultFields.For(measure);
        var metric = new MetricSpec
        {
            Name = name,
            Measure = measure,
            Interval = SpecReader.Duration(s, "interval"),
            Count = s.Has("count") ? s.Int("count", 1, 1, 100_000) : null,
            InitialDelay = SpecReader.Duration(s, "initialDelay") ?? TimeSpan.Zero,
            SuccessCondition = Condition(s, "successCondition", fields),
            FailureCondition = Condition(s, "failureCondition", fields),
            FailureLimit = s.Int("failureLimit", 0, 0, 100_000),
            InconclusiveLimit = s.Int("inconclusiveLimit", 0, 0, 100_000),
            ConsecutiveErrorLimit = s.Int("consecutiveErrorLimit", MetricSpec.DefaultConsecutiveErrorLimit, 0, 100_000),
        };
        s.RejectUnknownFields();
        // As Argo Rollouts: several measurements need an interval between them.
        if (metric.Count is > 1 && metric.Interval is null)
            throw s.Error("count", $"{metric.Count} measurements need an interval; expected interval (e.g. 10s) or count: 1");
        if (metric.Interval is { } interval && interval <= TimeSpan.Zero)
            throw s.Error("interval", "expected a duration above zero");
        return metric;
    }

    private static MeasureKind Measure(YamlSection s)
    {
        var provider = RolloutSpecLoader.Required(s, "provider");
        var raggate = provider.Section("raggate");
        provider.RejectUnknownFields();
        if (raggate is null)
            throw provider.Error("raggate", "missing; expected raggate: {measure: errors|latency|quality} (the embedded judge's provider)");
        if (!raggate.Has("measure"))
            throw raggate.Error("measure", $"missing; expected one of: {string.Join(", ", Measures)}");
        var measureText = raggate.String("measure")!;
        if (!Measures.Contains(measureText, StringComparer.Ordinal))
            throw raggate.Error("measure", $"unknown metric '{measureText}'; {KeyNames.Suggest(measureText, Measures)}");
        raggate.RejectUnknownFields();
        return Enum.Parse<MeasureKind>(measureText, ignoreCase: true);
    }

    private static ConditionExpression? Condition(YamlSection s, string key, IReadOnlyList<string> fields)
    {
        var text = s.String(key);
        if (text is null) return null;
        try
        {
            return ConditionExpression.Parse(text, fields);
        }
        catch (FormatException e)
        {
            throw s.Error(key, e.Message);
        }
    }
}
