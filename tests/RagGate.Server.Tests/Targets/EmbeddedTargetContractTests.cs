using RagGate.Evaluation.Targets;

namespace RagGate.Server.Tests.Targets;

/// <summary>The target contract, met by the embedded engine in process.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class EmbeddedTargetContractTests(EmbeddedTargetFixture fixture) : RagTargetContractTests, IClassFixture<EmbeddedTargetFixture>
{
    protected override IRagTarget Target => fixture.Engine.Target;
}
