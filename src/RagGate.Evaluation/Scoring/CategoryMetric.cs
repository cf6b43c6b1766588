namespace RagGate.Evaluation.Scoring;

/// <summary>The mean of one metric over the queries of one category.</summary>
public sealed record CategoryMetric(string Category, string Metric, double Value, int N);
