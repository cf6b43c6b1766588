using RagGate.Evaluation.Config;

namespace RagGate.Server.Rollouts.Spec;

/// <summary>Reads <c>strategy.canary.steps</c>: each item has exactly one of setWeight, pause or analysis.</summary>
internal static class StepReader
{
    private static readonly string[] Kinds = ["setWeight", "pause", "analysis"];

    public static IReadOnlyList<RolloutStep> Steps(YamlSection canary, IReadOnlyList<AnalysisTemplateSpec> templates)
    {
        var items = canary.Items("steps");
        if (items.Count == 0)
            throw canary.Error("steps", "missing or empty; expected a list of steps (setWeight, pause, analysis)");
        return items.Select(item => Step(canary.File, item, templates)).ToList();
    }

    private static RolloutStep Step(string file, YamlItem item, IReadOnlyList<AnalysisTemplateSpec> templates)
    {
        var s = item.Mapping ?? throw new Evaluation.InputException($"{file}:{item.Line}: {item.Path}: expected a mapping with one of: {string.Join(", ", Kinds)}");
        var present = Kinds.Where(s.Has).ToList();
        if (present.Count > 1)
            throw s.Error(present[1], $"a step has exactly one of {string.Join(", ", Kinds)}; this one has {string.Join(" and ", present)}");
        RolloutStep step = present.FirstOrDefault() switch
        {
            "setWeight" => new SetWeightStep(s.Int("setWeight", 0, 0, 100)),
            "pause" => Pause(s),
            "analysis" => Analysis(s, templates),
            _ => Unknown(s),
        };
        s.RejectUnknownFields();
        return step with { Line = item.Line };
    }

    private static PauseStep Pause(YamlSection s)
    {
        var pause = s.Section("pause");
        if (pause is null) return new PauseStep(null);
        var duration = SpecReader.Duration(pause, "duration");
        pause.RejectUnknownFields();
        return new PauseStep(duration);
    }

    private static AnalysisStep Analysis(YamlSection s, IReadOnlyList<AnalysisTemplateSpec> templates)
    {
        var analysis = RolloutSpecLoader.Required(s, "analysis");
        var names = analysis.Items("templates").Select(item =>
        {
            var reference = item.Mapping ?? throw new Evaluation.InputException($"{s.File}:{item.Line}: {item.Path}: expected a mapping with templateName");
            var name = reference.String("templateName") ?? throw reference.Error("templateName", "missing; expected the name of an analysis template");
            if (templates.All(t => t.Name != name))
                throw reference.Error("templateName", $"unknown template '{name}'; {Suggest(name, templates)}");
            reference.RejectUnknownFields();
            return name;
        }).ToList();
        if (names.Count == 0)
            throw analysis.Error("templates", "missing or empty; expected a list of {templateName: NAME}");
        analysis.RejectUnknownFields();
        return new AnalysisStep(names);
    }

    private static string Suggest(string name, IReadOnlyList<AnalysisTemplateSpec> templates) =>
        templates.Count == 0 ? "expected a template defined under analysisTemplates (there are none)" : KeyNames.Suggest(name, templates.Select(t => t.Name));

    // No known step key: the unknown-field check names the typo and the closest kind (setWieght -> setWeight).
    private static SetWeightStep Unknown(YamlSection s)
    {
        s.String("setWeight");
        s.Section("pause");
        s.Section("analysis");
        s.RejectUnknownFields();
        throw s.Error("setWeight", $"an empty step; expected one of: {string.Join(", ", Kinds)}");
    }
}
