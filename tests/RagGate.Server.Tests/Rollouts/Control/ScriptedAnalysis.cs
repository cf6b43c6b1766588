using RagGate.Server.Rollouts.Control;

namespace RagGate.Server.Tests.Rollouts.Control;

/// <summary>Test double for the judge in controller unit tests: returns the scripted verdicts in order, and notes the split in force at each call.</summary>
internal sealed class ScriptedAnalysis(params AnalysisVerdict[] verdicts) : IAnalysisRunner
{
    private int _calls;

    public List<(string Templates, double CanaryWeight, string Control)> Calls { get; } = [];

    public Task<AnalysisOutcome> RunAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var verdict = verdicts[Math.Min(_calls++, verdicts.Length - 1)];
        Calls.Add((string.Join(",", request.Step.Templates), request.Router.Split.CanaryWeight, request.Control));
        return Task.FromResult(new AnalysisOutcome(verdict, $"{string.Join(",", request.Step.Templates)} scripted {verdict}", [$"measurement of {request.Step.Templates[0]}"]));
    }
}
