namespace RagGate.Server.Rollouts.Control;

/// <summary>A revision's <c>raggate serve</c> process exited or did not become ready; the message carries its last error line.</summary>
public sealed class RevisionStartException(string message) : Exception(message);
