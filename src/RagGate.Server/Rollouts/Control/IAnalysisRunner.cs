namespace RagGate.Server.Rollouts.Control;

/// <summary>Runs an analysis step's templates to their verdict (the judge); the controller waits on it, or abandons it on abort.</summary>
public interface IAnalysisRunner
{
    /// <summary>Measures until every metric of the step's templates has its verdict, and returns the step's.</summary>
    Task<AnalysisOutcome> RunAsync(AnalysisRequest request, CancellationToken cancellationToken);
}
