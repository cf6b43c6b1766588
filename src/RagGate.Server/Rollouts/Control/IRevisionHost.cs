using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>Brings a revision up: a <c>raggate serve</c> child process for a config, or the URL of a running service as is.</summary>
public interface IRevisionHost
{
    /// <summary>Starts (or reaches) the revision and returns once it is ready to serve.</summary>
    Task<RunningRevision> StartAsync(RevisionSource source, CancellationToken cancellationToken);
}
