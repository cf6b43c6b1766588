using System.Text.Json.Serialization;

namespace RagGate.Server.Rollouts.Control;

/// <summary>Source-generated JSON for the journal, the admin endpoint and the notifications.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RolloutJournal))]
[JsonSerializable(typeof(SlackMessage))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
