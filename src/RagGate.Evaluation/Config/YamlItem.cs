namespace RagGate.Evaluation.Config;

/// <summary>One item of a YAML list: a scalar or a mapping, with its place in the file.</summary>
/// <param name="Path">The field path of the item, e.g. <c>gates[2]</c>.</param>
/// <param name="Line">The 1-based line where the item starts.</param>
/// <param name="Scalar">The item's text when it is a scalar.</param>
/// <param name="Mapping">The item's fields when it is a mapping.</param>
public sealed record YamlItem(string Path, long Line, string? Scalar, YamlSection? Mapping);
