using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Analysis;

/// <summary>Seeded inputs for the judge: traffic windows with log-normal latencies and golden probe pairs.</summary>
internal static class JudgeData
{
    public static MetricSpec Metric(MeasureKind measure, string? success = null, string? failure = null, string name = "m") => new()
    {
        Name = name,
        Measure = measure,
        SuccessCondition = success is null ? null : ConditionExpression.Parse(success, ResultFields.For(measure)),
        FailureCondition = failure is null ? null : ConditionExpression.Parse(failure, ResultFields.For(measure)),
    };

    /// <summary><paramref name="requests"/> requests, <paramref name="errors"/> of them failed, latencies log-normal around <paramref name="medianMs"/>.</summary>
    public static RevisionTraffic Traffic(int requests, int errors, double medianMs, int seed, double spread = 0.25)
    {
        var random = new Random(seed);
        var latencies = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            // Box-Muller: a standard normal from two uniforms.
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            latencies[i] = medianMs * Math.Exp(spread * z);
        }
        return new RevisionTraffic(requests, errors, latencies);
    }

    public static TrafficWindow Window(RevisionTraffic control, RevisionTraffic canary) => new(control, canary);

    /// <summary>
    /// <paramref name="count"/> golden probes; the control's recall is 1 on most queries; the canary loses all recall on
    /// the first <paramref name="recallLosses"/> queries and fails the answer check on the first <paramref name="answerLosses"/>.
    /// </summary>
    public static IReadOnlyList<ProbePair> Probes(int count, int recallLosses = 0, int answerLosses = 0, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var recall = random.NextDouble() < 0.9 ? 1.0 : 0.5;
            var control = new ProbeOutcome(recall, true);
            var canary = new ProbeOutcome(i < recallLosses ? 0.0 : recall, i >= answerLosses);
            return new ProbePair($"q{i}", control, canary);
        }).ToList();
    }
}
