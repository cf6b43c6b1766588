namespace RagGate.Cli.Evaluating;

/// <summary>What a run would spend: requests, tokens and money, computed without calling the target.</summary>
internal sealed record DryRunEstimate(
    long Requests, long PromptTokens, long CompletionTokens, double Cost, double? MaxCost, string Currency, int QueriesWithoutReference);
