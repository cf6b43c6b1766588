namespace RagGate.Evaluation.Running;

/// <summary>Progress of an evaluation run: queries done out of the total.</summary>
public sealed record RunProgress(int Done, int Total, string Phase);
