namespace RagGate.Server.Rollouts.Routing;

/// <summary>Assigns a request to a revision under the split in force; looked up by <see cref="Name"/>, as YARP's load-balancing policies are.</summary>
public interface ITrafficSplitPolicy
{
    /// <summary>The policy's name, one of <see cref="TrafficSplitPolicies"/>.</summary>
    string Name { get; }

    /// <summary>The revision (<see cref="Revisions"/>) that serves <paramref name="context"/>.</summary>
    string Pick(HttpContext context, TrafficSplit split);
}
