namespace RagGate.Evaluation.Targets;

/// <summary>Token usage in the HTTP contract.</summary>
public sealed record HttpUsage(int PromptTokens, int CompletionTokens, int ContextTokens);
