using System.Globalization;
using RagGate.Engine.Answering;
using Xunit.Abstractions;

namespace SupportKb.QualityTests;

/// <summary>
/// The extractive answerer's refusal threshold (<c>answer.min_relevance</c>) is calibrated on the
/// tuning split, never on the golden set: the configured value must be as good there as the best.
/// </summary>
[Collection(SupportKbCollection.Name)]
public sealed class RefusalCalibrationTests(SupportKbFixture kb, ITestOutputHelper output)
{
    // How far below the best threshold's balanced accuracy the configured one may sit on the
    // tuning split: one query of the 50, roughly.
    private const double Tolerance = 0.03;

    [Fact]
    public async Task MinRelevance_ConfiguredValue_IsCalibratedOnTheTuningSplit()
    {
        var supports = await SupportsAsync();
        var thresholds = supports.Select(s => s.Support).Append(1.0).Distinct().Order().ToList();
        var best = thresholds.Select(t => (Threshold: t, Accuracy: BalancedAccuracy(supports, t))).MaxBy(x => x.Accuracy);
        var configured = kb.Config.Engine.Answer.MinRelevance;
        var accuracy = BalancedAccuracy(supports, configured);

        foreach (var (query, support, answerable) in supports.OrderBy(s => s.Support))
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{support:0.0000} {(answerable ? "answerable  " : "unanswerable")} {query}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best {best.Threshold:0.0000} -> {best.Accuracy:0.000}; configured {configured} -> {accuracy:0.000}"));
        Assert.True(accuracy >= best.Accuracy - Tolerance,
            string.Create(CultureInfo.InvariantCulture, $"min_relevance {configured} gives balanced accuracy {accuracy:0.000} on the tuning split; {best.Threshold:0.0000} gives {best.Accuracy:0.000}"));
    }

    [Fact]
    public void TuningSplit_SharesNoQueryWithTheGoldenSet()
    {
        var golden = kb.Golden.Queries.Select(q => q.Query.Trim().ToLowerInvariant()).ToHashSet();

        Assert.DoesNotContain(kb.Tuning.Queries, q => golden.Contains(q.Query.Trim().ToLowerInvariant()));
        Assert.True(kb.Tuning.Queries.Count(q => q.IsUnanswerable) >= 20);
    }

    private async Task<List<(string Query, double Support, bool Answerable)>> SupportsAsync()
    {
        // The configured answerer, told never to refuse, so every query's support is seen.
        var options = new AnswerOptions { GenerationModel = kb.Config.Evaluation.GenerationModel, MinRelevance = -1 };
        var answerer = new ExtractiveAnswerer(kb.Engine.Embedder, options, kb.Engine.Index.TermIdf);
        var supports = new List<(string, double, bool)>();
        foreach (var query in kb.Tuning.Queries)
        {
            var documents = await kb.Pipeline.RetrieveAsync(query.Query, kb.Pipeline.TopK);
            var answer = await answerer.AnswerAsync(query.Query, documents);
            supports.Add((query.Query, answer.Support ?? double.NegativeInfinity, !query.IsUnanswerable));
        }

        return supports;
    }

    // The mean of the answer rate on answerable queries and the refusal rate on unanswerable ones.
    private static double BalancedAccuracy(List<(string Query, double Support, bool Answerable)> supports, double threshold)
    {
        var answered = supports.Where(s => s.Answerable).Average(s => s.Support >= threshold ? 1.0 : 0.0);
        var refused = supports.Where(s => !s.Answerable).Average(s => s.Support < threshold ? 1.0 : 0.0);
        return (answered + refused) / 2;
    }
}
