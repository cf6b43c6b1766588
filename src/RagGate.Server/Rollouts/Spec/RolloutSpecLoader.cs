using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// Reads and validates a rollout spec (schema: <c>schemas/rollout.schema.json</c>). Every error is one
/// <see cref="InputException"/> naming the file, the line and the field, with the closest valid key for a typo.
/// </summary>
public static class RolloutSpecLoader
{
    private const string Expected = "a rollout spec";

    /// <summary>Loads a spec file; relative paths in it resolve against its folder.</summary>
    public static RolloutSpec Load(string path)
    {
        var text = InputFile.ReadText(path, Expected);
        var full = System.IO.Path.GetFullPath(path);
        return Parse(path, text, System.IO.Path.GetDirectoryName(full)!) with { Path = full };
    }

    /// <summary>Parses spec text; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static RolloutSpec Parse(string file, string text, string baseDirectory)
    {
        var root = YamlSection.Parse(file, text, Expected);
        root.Int("version", 1, 1, 1);
        var name = root.String("name") ?? throw root.Error("name", "missing; expected the rollout's name");
        SpecReader.CheckName(root, "name", name);
        var templates = root.Items("analysisTemplates").Select(item => AnalysisReader.Template(file, item)).ToList();
        var strategy = Required(root, "strategy");
        var canary = Required(strategy, "canary");
        var steps = StepReader.Steps(canary, templates);
        canary.RejectUnknownFields();
        strategy.RejectUnknownFields();
        var spec = new RolloutSpec
        {
            Path = System.IO.Path.GetFullPath(file),
            Name = name,
            Revisions = RevisionReader.Revisions(Required(root, "revisions"), baseDirectory),
            Steps = steps,
            AnalysisTemplates = templates,
            Traffic = SpecReader.Traffic(root.Section("traffic"), baseDirectory),
            Judge = SpecReader.Judge(root.Section("judge")),
            Notifications = SpecReader.Notifications(root.Section("notifications")),
            Argo = SpecReader.Argo(root.Section("argo")),
        };
        root.RejectUnknownFields();
        AnalysisReader.CheckDistinct(file, templates);
        return spec;
    }

    internal static YamlSection Required(YamlSection parent, string key) =>
        parent.Section(key) ?? throw parent.Error(key, "missing; expected a mapping");
}
