using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Engine.Configuration;

/// <summary>
/// Reads <c>raggate.yaml</c>: the evaluation and the engine each read their own sections from one
/// parsed document, then any field neither read is rejected, with the nearest known name.
/// </summary>
public static class RagGateConfigLoader
{
    /// <summary>Loads a config file.</summary>
    public static RagGateConfig Load(string path)
    {
        var text = InputFile.ReadText(path, "a raggate.yaml config");
        var full = Path.GetFullPath(path);
        return Parse(path, text, Path.GetDirectoryName(full)!);
    }

    /// <summary>Parses config text read from <paramref name="file"/>; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static RagGateConfig Parse(string file, string text, string baseDirectory)
    {
        var root = YamlSection.Parse(file, text);
        var evaluation = EvaluationConfigReader.Read(root, file, baseDirectory);
        var engine = EngineConfigReader.Read(root, baseDirectory);
        root.RejectUnknownFields();
        if (evaluation.Target.Kind == TargetSettings.Embedded && engine.Corpus is null && engine.Index is null)
        {
            throw new InputException($"{file}:1: corpus: missing; expected the corpus path (or an index folder) for the embedded engine");
        }

        return new RagGateConfig { Evaluation = evaluation, Engine = engine };
    }
}
