using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>What an analysis step gives the judge: the spec, the step, the router (statistics, and the address probes go through) and the control revision.</summary>
/// <param name="Spec">The rollout spec.</param>
/// <param name="Step">The analysis step to run.</param>
/// <param name="Router">The router: per-revision statistics, and the address for <c>X-Canary</c> probes.</param>
/// <param name="Control">The revision the canary is compared with: stable, or the baseline when the spec starts one.</param>
/// <param name="GoldenSet">The golden set the probes come from.</param>
public sealed record AnalysisRequest(RolloutSpec Spec, AnalysisStep Step, CanaryRouter Router, string Control, string GoldenSet);
