using RagGate.Evaluation.Targets;

namespace RagGate.Server.Tests.Targets;

/// <summary>The target contract, met over HTTP by the server on a real Kestrel.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class HttpTargetContractTests(HttpTargetFixture fixture) : RagTargetContractTests, IClassFixture<HttpTargetFixture>
{
    protected override IRagTarget Target => fixture.Target;
}
