using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RagGate.Cli.Tests.InputFuzzing;
using RagGate.Evaluation;
using RagGate.Evaluation.Runs;

namespace RagGate.Cli.Tests.Config;

/// <summary>
/// schemas/run.schema.json (what other tools can check a run.json against) and RunFile (what raggate reads)
/// agree: runs raggate writes pass both, and the broken shapes raggate rejects fail the schema too.
/// </summary>
public sealed class RunSchemaTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoRoot.Combine("schemas", "run.schema.json"))));

    private readonly ValidInputs _inputs = new();

    public void Dispose() => _inputs.Dispose();

    [Fact]
    public async Task Schema_RunsRaggateWrites_AreValid()
    {
        await RunFile.WriteAsync(TrecRunFile.Read(_inputs.Combine("run.trec")), _inputs.Combine("imported.json"), CancellationToken.None);

        foreach (var file in new[] { "base.json", "cand.json", "imported.json" })
        {
            var result = Evaluate(File.ReadAllText(_inputs.Combine(file)));
            Assert.True(result.IsValid, $"{file}: " + string.Join("; ", Errors(result)));
            await RunFile.ReadAsync(_inputs.Combine(file), CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("""{"queries": null}""")]
    [InlineData("""{"queries": [null]}""")]
    [InlineData("""{"queries": [{"id": null}]}""")]
    [InlineData("""{"queries": [{"id": "q1", "retrieved": null}]}""")]
    [InlineData("""{"queries": [{"id": "q1", "retrieved": [null]}]}""")]
    [InlineData("""{"queries": [{"id": "q1", "retrieved": [{"id": null, "score": 1, "rank": 1}]}]}""")]
    [InlineData("""{"system": null}""")]
    [InlineData("""{"schemaVersion": 2}""")]
    [InlineData("""{"topK": "ten"}""")]
    public async Task Schema_ShapesRaggateRejects_AreInvalidToo(string patch)
    {
        var run = JsonNode.Parse(File.ReadAllText(_inputs.Combine("cand.json")))!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
            run[name] = value?.DeepClone();
        var text = run.ToJsonString();
        File.WriteAllText(_inputs.Combine("patched.json"), text);

        Assert.False(Evaluate(text).IsValid, $"the schema accepted {patch}");
        await Assert.ThrowsAsync<InputException>(() => RunFile.ReadAsync(_inputs.Combine("patched.json"), CancellationToken.None));
    }

    private static EvaluationResults Evaluate(string json) =>
        Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
