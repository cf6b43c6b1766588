using Microsoft.ML.Tokenizers;
using RagGate.Engine.Answering;
using RagGate.Evaluation.Tokens;

namespace RagGate.Engine.Tests.Answering;

public sealed class ContextBuilderTests
{
    private static readonly TiktokenTokenizer Reference = TiktokenTokenizer.CreateForModel("gpt-4o-mini");

    [Fact]
    public void Build_EverythingFits_BlocksBestFirstWithIdHeaders()
    {
        var builder = new ContextBuilder(TokenCounter.ForModel("gpt-4o-mini"), 1500);
        var second = Documents.TwoFactor(rank: 2);
        var first = Documents.PasswordReset(rank: 1);

        var context = builder.Build([second, first]);

        Assert.Equal($"[{first.Id}]\n{first.Text}\n\n[{second.Id}]\n{second.Text}", context.Text);
        Assert.Equal(Reference.CountTokens(context.Text), context.Tokens);
        Assert.Equal([first.Id, second.Id], context.Documents.Select(d => d.Id));
        Assert.False(context.Truncated);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(57)]
    [InlineData(150)]
    [InlineData(333)]
    public void Build_OverBudget_NeverExceedsAndCutsLastBlockAtTokenBoundary(int budget)
    {
        var builder = new ContextBuilder(TokenCounter.ForModel("gpt-4o-mini"), budget);
        var documents = Enumerable.Range(1, 6).Select(rank => Documents.Long($"doc-{rank}", rank, sentences: 8)).ToList();
        var untruncated = string.Join("\n\n", documents.Select(d => $"[{d.Id}]\n{d.Text}"));

        var context = builder.Build(documents);

        Assert.True(context.Truncated);
        Assert.Equal(Reference.CountTokens(context.Text), context.Tokens);
        Assert.True(context.Tokens <= budget, $"{context.Tokens} tokens > budget {budget}");
        Assert.True(context.Tokens >= budget - 3, $"only {context.Tokens} of {budget} tokens used");
        Assert.StartsWith(context.Text, untruncated, StringComparison.Ordinal);
        var last = context.Documents[^1];
        var original = documents.Single(d => d.Id == last.Id).Text;
        Assert.True(last.Text.Length < original.Length);
        var originalTokens = Reference.EncodeToIds(original);
        var cutTokens = Reference.EncodeToIds(last.Text);
        Assert.Equal(originalTokens.Take(cutTokens.Count), cutTokens);
    }

    [Fact]
    public void Build_BudgetBelowFirstHeader_ReturnsEmptyContext()
    {
        var builder = new ContextBuilder(TokenCounter.ForModel("gpt-4"), 1);

        var context = builder.Build([Documents.Long("a-rather-long-document-id", 1, 3)]);

        Assert.Equal("", context.Text);
        Assert.Equal(0, context.Tokens);
        Assert.Empty(context.Documents);
        Assert.True(context.Truncated);
    }

    [Fact]
    public void Build_NoDocuments_EmptyContext()
    {
        var context = new ContextBuilder(TokenCounter.ForModel("gpt-4o"), 100).Build([]);

        Assert.Equal("", context.Text);
        Assert.Empty(context.Documents);
        Assert.False(context.Truncated);
    }
}
