using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Targets;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Golden probes: each golden query sent through the router to the control (<c>X-Canary: never</c>, or
/// <c>baseline</c>) and to the canary (<c>X-Canary: always</c>) as <c>POST /answer</c>, scored with recall@k
/// over the answer's ranked documents and the answer check the evaluation uses (a refusal for an
/// unanswerable query, else an expected keyword in the answer).
/// </summary>
internal sealed class GoldenProbes(Uri router, GoldenSet golden, ProbeSettings settings, string control) : IDisposable
{
    // Probes of one measurement run four at a time: enough to finish in seconds, few enough not to swamp two cores.
    private const int Parallelism = 4;

    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = router, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends every probe to both revisions and returns the pairs.</summary>
    public async Task<IReadOnlyList<ProbePair>> SendAsync(CancellationToken cancellationToken)
    {
        var queries = settings.Queries > 0 ? golden.Queries.Take(settings.Queries).ToList() : golden.Queries.ToList();
        var pairs = new ProbePair[queries.Count];
        await Parallel.ForAsync(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var query = queries[i];
            var controlHeader = control == Revisions.Baseline ? CanaryHeader.Baseline : CanaryHeader.Never;
            pairs[i] = new ProbePair(query.Id, await ProbeAsync(query, controlHeader, ct), await ProbeAsync(query, CanaryHeader.Always, ct));
        });
        return pairs;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<ProbeOutcome> ProbeAsync(GoldenQuery query, string revision, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "answer") { Content = JsonContent.Create(new HttpAnswerRequest(query.Query)) };
            request.Headers.Add(CanaryHeader.Name, revision);
            using var response = await _client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) return ProbeOutcome.Failed($"status {(int)response.StatusCode}");
            var answer = await response.Content.ReadFromJsonAsync<HttpAnswerResponse>(cancellationToken);
            if (answer is null) return ProbeOutcome.Failed("empty answer");
            var ranked = answer.Documents.OrderBy(d => d.Rank).Select(d => d.Id).ToList();
            var recall = query.IsUnanswerable ? 1 : RetrievalMetrics.Recall(ranked, query.Judgments, settings.K);
            // raggate serve always says whether it refused; a service that does not is taken as answering.
            var refused = answer.Refused == true;
            var passed = query.IsUnanswerable
                ? refused
                : !refused && (query.ExpectedKeywords.Count == 0 || query.ExpectedKeywords.Any(k => TextChecks.Contains(answer.Answer, k)));
            return new ProbeOutcome(recall, passed);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ProbeOutcome.Failed(e.Message);
        }
    }
}
