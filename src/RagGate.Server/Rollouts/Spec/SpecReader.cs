using System.Text.RegularExpressions;
using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>Reads the spec's RagGate sections (traffic, judge, notifications, argo) and the shared field kinds.</summary>
internal static partial class SpecReader
{
    public static TrafficSpec? Traffic(YamlSection? s, string baseDirectory)
    {
        if (s is null) return null;
        var golden = s.PathString("goldenSet");
        var traffic = new TrafficSpec
        {
            GoldenSet = golden is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, golden)),
            Rate = s.Number("rate", 20, 0.1, 10_000),
            MaxRequests = s.Int("maxRequests", 10_000, 1, 10_000_000),
            MaxDuration = Duration(s, "maxDuration") ?? TimeSpan.FromMinutes(10),
            Route = s.Choice("route", "/retrieve", "/retrieve", "/answer"),
        };
        if (traffic.GoldenSet is not null && !File.Exists(traffic.GoldenSet))
            throw s.Error("goldenSet", $"file not found: {traffic.GoldenSet}; expected a golden set");
        s.RejectUnknownFields();
        return traffic;
    }

    public static JudgeSettings Judge(YamlSection? s)
    {
        if (s is null) return new();
        var judge = new JudgeSettings
        {
            Alpha = s.Number("alpha", 0.05, 0.0001, 0.5),
            MinSamples = s.Int("minSamples", 50, 1, 1_000_000),
            MaxSampleWait = Duration(s, "maxSampleWait") ?? TimeSpan.FromSeconds(30),
            ErrorRateCeiling = s.Number("errorRateCeiling", 0.01, 0, 1),
            P95CeilingMs = s.Number("p95CeilingMs", 500, 0.001, 3_600_000),
            LatencyTolerance = s.Number("latencyTolerance", 0.10, 0, 10),
            Probes = Probes(s.Section("probes")),
        };
        s.RejectUnknownFields();
        return judge;
    }

    public static NotificationSettings Notifications(YamlSection? s)
    {
        if (s is null) return new();
        var webhook = s.String("webhook");
        var settings = new NotificationSettings { Webhook = webhook is null ? null : HttpUrl(s, "webhook", webhook) };
        s.RejectUnknownFields();
        return settings;
    }

    public static ArgoExportSettings Argo(YamlSection? s)
    {
        if (s is null) return new();
        var defaults = new ArgoExportSettings();
        var prometheus = s.String("prometheus");
        var settings = new ArgoExportSettings
        {
            Image = s.String("image", defaults.Image)!,
            Port = s.Int("port", defaults.Port, 1, 65_535),
            Replicas = s.Int("replicas", defaults.Replicas, 1, 1000),
            Prometheus = prometheus is null ? defaults.Prometheus : HttpUrl(s, "prometheus", prometheus),
        };
        if (string.IsNullOrWhiteSpace(settings.Image) || settings.Image.Any(char.IsWhiteSpace))
            throw s.Error("image", "expected a container image reference such as raggate:1.0");
        s.RejectUnknownFields();
        return settings;
    }

    /// <summary>An optional duration field (<c>30s</c>, <c>5m</c>, or whole seconds).</summary>
    public static TimeSpan? Duration(YamlSection s, string key)
    {
        var text = s.String(key);
        if (text is null) return null;
        return DurationText.TryParse(text, out var duration)
            ? duration
            : throw s.Error(key, $"'{text}' is not a duration; expected whole seconds or units such as 500ms, 30s, 5m, 1m30s");
    }

    /// <summary>An absolute http or https URL.</summary>
    public static Uri HttpUrl(YamlSection s, string key, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw s.Error(key, $"'{text}' is not an absolute http(s) URL; expected e.g. http://127.0.0.1:8080");

    /// <summary>Names become Kubernetes object names on export: lower-case DNS labels.</summary>
    public static void CheckName(YamlSection s, string key, string name)
    {
        if (!DnsLabel().IsMatch(name))
            throw s.Error(key, $"'{name}' is not a valid name; expected lower-case letters, digits and '-', starting with a letter, at most 40 characters");
    }

    private static ProbeSettings Probes(YamlSection? s)
    {
        if (s is null) return new();
        var probes = new ProbeSettings
        {
            K = s.Int("k", 5, 1, 1000),
            Queries = s.Int("queries", 0, 0, 100_000),
            MinProbes = s.Int("minProbes", 20, 1, 100_000),
            MaxRecallDrop = s.Number("maxRecallDrop", 0.05, 0, 1),
            MaxAnswerDrop = s.Number("maxAnswerDrop", 0.05, 0, 1),
            Permutations = s.Int("permutations", 10_000, 100, 1_000_000),
            Seed = s.Int("seed", 42),
        };
        s.RejectUnknownFields();
        return probes;
    }

    // 40 leaves room for the suffixes the export adds (-canary, -stable, -quality) within Kubernetes' 63.
    [GeneratedRegex("^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
