namespace RagGate.Evaluation.Scoring;

/// <summary>One bar of a histogram: samples in [From, To).</summary>
public sealed record HistogramBucket(double From, double To, int Count);
