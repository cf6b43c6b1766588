using System.Text.Json.Nodes;

namespace RagGate.Server.Rollouts.Export;

/// <summary>One Kubernetes object the export writes: its file name, kind, name and content.</summary>
/// <param name="FileName">The file it is written to in the output folder.</param>
/// <param name="Document">The object (apiVersion, kind, metadata, ...).</param>
public sealed record ExportedManifest(string FileName, JsonObject Document)
{
    /// <summary>The object's kind, e.g. Rollout.</summary>
    public string Kind => Document["kind"]!.GetValue<string>();

    /// <summary>The object's name.</summary>
    public string Name => Document["metadata"]!["name"]!.GetValue<string>();

    /// <summary>The object as YAML, as written to <see cref="FileName"/>.</summary>
    public string ToYaml() => YamlEmitter.Emit(Document);
}
