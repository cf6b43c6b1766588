using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>Reads <c>revisions</c>: stable and canary, each a config file or a URL, and the baseline switch.</summary>
internal static class RevisionReader
{
    public static RevisionsSpec Revisions(YamlSection s, string baseDirectory)
    {
        var stable = Source(RolloutSpecLoader.Required(s, "stable"), baseDirectory);
        var canarySection = s.Section("canary");
        var revisions = new RevisionsSpec
        {
            Stable = stable,
            Canary = canarySection is null ? null : Source(canarySection, baseDirectory),
            Baseline = s.Bool("baseline", false),
        };
        if (revisions.Baseline && stable.Config is null)
            throw s.Error("baseline", "a baseline is a fresh copy of stable, so stable must be a config; expected stable.config or baseline: false");
        s.RejectUnknownFields();
        return revisions;
    }

    /// <summary>One revision: <c>config: FILE</c> or <c>url: http://...</c>.</summary>
    public static RevisionSource Source(YamlSection s, string baseDirectory)
    {
        var config = s.PathString("config");
        var url = s.String("url");
        s.RejectUnknownFields();
        if ((config is null) == (url is null))
            throw s.Error(config is null ? "config" : "url", "expected exactly one of config (a raggate.yaml) or url (a running service)");
        if (config is not null)
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, config));
            return File.Exists(path) ? RevisionSource.FromConfig(path)
                : throw s.Error("config", $"file not found: {path}; expected a raggate.yaml");
        }
        return RevisionSource.FromUrl(SpecReader.HttpUrl(s, "url", url!));
    }
}
