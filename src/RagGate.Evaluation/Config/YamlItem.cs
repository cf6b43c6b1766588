namespace RagGate.Evaluation.Config;

/// <summary>One item of a YAML list: a scalar or a mapping, with its place in the file.</summary>
internal sealed record YamlItem(string Path, long Line, string? Scalar, YamlSection? Mapping);
