using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

/// <summary>
/// Monte Carlo calibration of the regression test as gated (one-sided paired sign-flip test at alpha, one rule so
/// Holm leaves p as it is). Per-query values follow a recall@10-like mix (0 with 0.2, 1 with 0.6, 0.25/0.5/0.75 with
/// 0.2 together). The candidate keeps each baseline value with probability 1/2 and otherwise draws a fresh one from
/// the same mix ("resampled per-query noise": a system compared with itself); for power, every candidate value
/// is then lowered by the minimum detectable drop computed from that trial's baseline run, as a report states it.
/// </summary>
internal static class CalibrationSimulation
{
    public sealed record Figures(int Queries, int Trials, double FalseAlarmRate, double Power, double MeanDetectableDrop);

    public static Figures Run(int queries, int trials, int permutations, double alpha, int seed)
    {
        var random = new Random(seed);
        int alarms = 0, detections = 0;
        var drops = 0.0;
        for (var t = 0; t < trials; t++)
        {
            var baseline = Enumerable.Range(0, queries).Select(_ => Draw(random)).ToArray();
            var same = baseline.Select(b => random.Next(2) == 0 ? b : Draw(random)).ToArray();
            if (PairedTest.OneSidedWorse(baseline, same, higherIsBetter: true, permutations, seed + 2 * t) < alpha)
                alarms++;

            var drop = MinimumDetectableEffect.ReportedDrop(baseline, unitRange: true, alpha);
            drops += drop;
            var worse = baseline.Select(b => (random.Next(2) == 0 ? b : Draw(random)) - drop).ToArray();
            if (PairedTest.OneSidedWorse(baseline, worse, higherIsBetter: true, permutations, seed + 2 * t + 1) < alpha)
                detections++;
        }

        return new Figures(queries, trials, (double)alarms / trials, (double)detections / trials, drops / trials);
    }

    private static double Draw(Random random)
    {
        var u = random.NextDouble();
        return u < 0.2 ? 0 : u < 0.8 ? 1 : 0.25 * (1 + random.Next(3));
    }
}
