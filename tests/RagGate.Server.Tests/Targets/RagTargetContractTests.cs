using System.Text.RegularExpressions;
using RagGate.Engine.Answering;
using RagGate.Evaluation.Targets;

namespace RagGate.Server.Tests.Targets;

/// <summary>
/// What every <see cref="IRagTarget"/> must do, whatever it is: the embedded engine in process, or an HTTP service
/// speaking the contract of docs/http-target.md. Each implementation runs these same tests on the support-kb sample.
/// </summary>
public abstract partial class RagTargetContractTests
{
    private const string Answerable = "How do I reset my password?";
    private const string OffTopic = "Are you hiring backend engineers?";

    /// <summary>The target under test, serving the support-kb sample with its own raggate.yaml.</summary>
    protected abstract IRagTarget Target { get; }

    [Fact]
    public async Task RetrieveAsync_K_ReturnsKDistinctDocumentsRankedBestFirst()
    {
        var result = await Target.RetrieveAsync(Answerable, 7);

        Assert.Equal(7, result.Documents.Count);
        Assert.Equal(Enumerable.Range(1, 7), result.Documents.Select(d => d.Rank));
        Assert.Equal(7, result.Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(result.Documents.Zip(result.Documents.Skip(1)), pair => Assert.True(pair.First.Score >= pair.Second.Score, $"{pair.First.Id} before {pair.Second.Id}"));
        Assert.All(result.Documents, d => Assert.False(string.IsNullOrWhiteSpace(d.Text), d.Id));
    }

    [Fact]
    public async Task RetrieveAsync_SmallerK_IsThePrefixOfALargerK()
    {
        var three = await Target.RetrieveAsync(Answerable, 3);
        var ten = await Target.RetrieveAsync(Answerable, 10);

        Assert.Equal(ten.Documents.Take(3).Select(d => (d.Id, d.Rank)), three.Documents.Select(d => (d.Id, d.Rank)));
    }

    [Fact]
    public async Task AnswerAsync_AnswerableQuery_CitesOnlyDocumentsOfItsOwnContext()
    {
        var answer = await Target.AnswerAsync(Answerable);

        Assert.False(answer.Refused, answer.Answer);
        var ids = answer.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var cited = Citation().Matches(answer.Answer).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.Contains(id, ids));
        Assert.All(cited, id => Assert.Contains($"[{id}]", answer.Context, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_Documents_AreTheRankingOfARetrievalAtTheSameDepth()
    {
        var answer = await Target.AnswerAsync(Answerable);
        var retrieval = await Target.RetrieveAsync(Answerable, answer.Documents.Count);

        Assert.NotEmpty(answer.Documents);
        Assert.Equal(retrieval.Documents.Select(d => (d.Id, d.Rank)), answer.Documents.Select(d => (d.Id, d.Rank)));
    }

    [Fact]
    public async Task AnswerAsyncWithK_Documents_AreTheTopOfTheRankingReturnedWithTheAnswer()
    {
        var answer = await Target.AnswerAsync(Answerable, 10);

        Assert.NotNull(answer.Ranking);
        Assert.Equal(10, answer.Ranking.Count);
        Assert.Equal(Enumerable.Range(1, 10), answer.Ranking.Select(d => d.Rank));
        Assert.Equal(5, answer.Documents.Count); // the sample's retrieval.top_k
        Assert.Equal(answer.Ranking.Take(answer.Documents.Count).Select(d => (d.Id, d.Rank, d.Score, d.Text)), answer.Documents.Select(d => (d.Id, d.Rank, d.Score, d.Text)));
        Assert.All(Citation().Matches(answer.Answer).Select(m => m.Groups[1].Value), id => Assert.Contains(id, answer.Documents.Select(d => d.Id)));
    }

    [Fact]
    public async Task AnswerAsyncWithK_ShallowerThanTopK_StillAnswersFromTopKDocuments()
    {
        var answer = await Target.AnswerAsync(Answerable, 2);

        Assert.Equal(2, answer.Ranking!.Count);
        Assert.Equal(5, answer.Documents.Count);
        Assert.Equal(answer.Documents.Take(2).Select(d => d.Id), answer.Ranking.Select(d => d.Id));
    }

    [Fact]
    public async Task AnswerAsync_WithoutK_ReturnsNoRanking()
    {
        var answer = await Target.AnswerAsync(Answerable);

        Assert.Null(answer.Ranking);
    }

    [Fact]
    public async Task AnswerAsync_AnswerableQuery_ReportsUsageAndRetrievalTime()
    {
        var answer = await Target.AnswerAsync(Answerable);

        Assert.False(answer.Usage.Estimated);
        Assert.InRange(answer.Usage.ContextTokens, 1, answer.Usage.PromptTokens);
        Assert.True(answer.Usage.CompletionTokens > 0, $"completion tokens {answer.Usage.CompletionTokens}");
        Assert.True(answer.RetrievalLatency > TimeSpan.Zero, $"retrieval latency {answer.RetrievalLatency}");
    }

    [Fact]
    public async Task AnswerAsync_OffTopicQuery_RefusesWithTheRefusalSentence()
    {
        var answer = await Target.AnswerAsync(OffTopic);

        Assert.True(answer.Refused, answer.Answer);
        Assert.Equal(AnswerOptions.DefaultRefusal, answer.Answer);
    }

    [Fact]
    public async Task AnswerAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Target.AnswerAsync(Answerable, cancelled.Token));
    }

    [Fact]
    public async Task RetrieveAsync_CancelledToken_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Target.RetrieveAsync(Answerable, 5, cancelled.Token));
    }

    [GeneratedRegex(@"\[([^\[\]\s]+)\]")]
    private static partial Regex Citation();
}
