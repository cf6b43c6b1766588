using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using RagGate.Engine.Answering;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Answering;

public sealed partial class ExtractiveAnswererTests
{
    private const string Query = "How do I reset a forgotten password?";

    private readonly HashingTestEmbeddingGenerator _embeddings = HashingTestEmbeddingGenerator.ContentWords();

    [Fact]
    public async Task AnswerAsync_RelevantDocument_CitesItWithVerbatimSentences()
    {
        var answerer = new ExtractiveAnswerer(_embeddings);
        var documents = new[] { Documents.PasswordReset(rank: 1), Documents.Shipping(rank: 2) };

        var answer = await answerer.AnswerAsync(Query, documents);

        Assert.False(answer.Refused);
        Assert.Equal(["account/password-reset"], answer.Citations);
        var sentences = CitedSentence().Matches(answer.Text);
        Assert.NotEmpty(sentences);
        Assert.Equal(answer.Text, string.Join(" ", sentences.Select(m => m.Value)));
        foreach (Match sentence in sentences)
        {
            var source = documents.Single(d => d.Id == sentence.Groups["id"].Value);
            Assert.Contains(sentence.Groups["text"].Value, source.Text, StringComparison.Ordinal);
            Assert.Contains(sentence.Groups["text"].Value, answer.Context, StringComparison.Ordinal);
        }

        Assert.Contains("choose Forgot password", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_UnrelatedDocuments_RefusesWithExactSentence()
    {
        var options = new AnswerOptions { Refusal = "Sorry, our help center has nothing on that." };
        var answerer = new ExtractiveAnswerer(_embeddings, options);

        var answer = await answerer.AnswerAsync(Query, [Documents.Shipping(rank: 1), Documents.Invoices(rank: 2)]);

        Assert.True(answer.Refused);
        Assert.Equal("Sorry, our help center has nothing on that.", answer.Text);
        Assert.Empty(answer.Citations);
        Assert.Contains("[orders/shipping]", answer.Context, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_ThresholdAboveEverySimilarity_Refuses()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MinRelevance = 0.95 });

        var answer = await answerer.AnswerAsync(Query, [Documents.PasswordReset()]);

        Assert.True(answer.Refused);
        Assert.Equal(AnswerOptions.DefaultRefusal, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_NoDocuments_RefusesWithoutEmbedding()
    {
        var answer = await new ExtractiveAnswerer(_embeddings).AnswerAsync(Query, []);

        Assert.True(answer.Refused);
        Assert.Equal(AnswerOptions.DefaultRefusal, answer.Text);
        Assert.Empty(_embeddings.Requests);
    }

    [Fact]
    public async Task AnswerAsync_OneSentenceAllowed_QuotesOnlyTheClosest()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MaxSentences = 1, MinRelevance = 0.1 });

        var answer = await answerer.AnswerAsync(
            "What if I lose my phone with two-factor login?", [Documents.PasswordReset(rank: 1), Documents.TwoFactor(rank: 2)]);

        Assert.Equal("If you lose your phone, use one of your backup codes to sign in. [account/two-factor]", answer.Text);
        Assert.Equal(["account/two-factor"], answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_SentencesFromTwoDocuments_OrderedByRankThenPosition()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MaxSentences = 3, MinRelevance = 0.1 });

        var answer = await answerer.AnswerAsync(
            "password code phone", [Documents.TwoFactor(rank: 1), Documents.PasswordReset(rank: 2)]);

        var cited = CitedSentence().Matches(answer.Text).Select(m => (Id: m.Groups["id"].Value, Text: m.Groups["text"].Value)).ToList();
        Assert.Equal(3, cited.Count);
        Assert.Equal(["account/two-factor", "account/password-reset"], answer.Citations);
        // Rank 1 document first; within a document, in the order the document states them.
        var firstOfSecond = cited.FindIndex(c => c.Id == "account/password-reset");
        Assert.All(cited.Take(firstOfSecond), c => Assert.Equal("account/two-factor", c.Id));
        Assert.All(cited.Skip(firstOfSecond), c => Assert.Equal("account/password-reset", c.Id));
        foreach (var group in cited.GroupBy(c => c.Id))
        {
            var text = (group.Key == "account/two-factor" ? Documents.TwoFactor() : Documents.PasswordReset()).Text;
            var positions = group.Select(c => text.IndexOf(c.Text, StringComparison.Ordinal)).ToList();
            Assert.Equal(positions.Order(), positions);
        }
    }

    [Fact]
    public async Task AnswerAsync_EmbedsQueryAsQueryAndSentencesAsDocuments()
    {
        await new ExtractiveAnswerer(_embeddings).AnswerAsync(Query, [Documents.PasswordReset()]);

        Assert.Contains(_embeddings.Requests, r => r.IsQuery && r.Values.SequenceEqual([Query]));
        var documentRequest = Assert.Single(_embeddings.Requests, r => !r.IsQuery);
        Assert.Contains("We e-mail you a reset link that expires after 30 minutes.", documentRequest.Values);
        Assert.DoesNotContain(Query, documentRequest.Values);
    }

    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-3.5-turbo")]
    public async Task AnswerAsync_Usage_CountsThePromptThatWouldBeSent(string model)
    {
        var options = new AnswerOptions { GenerationModel = model };
        var reference = TiktokenTokenizer.CreateForModel(model);

        var answer = await new ExtractiveAnswerer(_embeddings, options).AnswerAsync(Query, [Documents.PasswordReset(), Documents.TwoFactor()]);

        var system = AnswerOptions.DefaultSystemPrompt.Replace("{refusal}", options.Refusal, StringComparison.Ordinal);
        var user = $"Context:\n{answer.Context}\n\nQuestion: {Query}";
        var expectedPrompt = 3 + (3 + reference.CountTokens("system") + reference.CountTokens(system))
            + (3 + reference.CountTokens("user") + reference.CountTokens(user));
        Assert.Equal(expectedPrompt, answer.Usage.PromptTokens);
        Assert.Equal(reference.CountTokens(answer.Text), answer.Usage.CompletionTokens);
        Assert.Equal(reference.CountTokens(answer.Context), answer.Usage.ContextTokens);
        Assert.Equal(answer.ContextTokens, answer.Usage.ContextTokens);
    }

    [Fact]
    public async Task ToAnswerResult_Answer_CarriesTextContextUsageAndRefusal()
    {
        var documents = new[] { Documents.Shipping() };
        var answer = await new ExtractiveAnswerer(_embeddings).AnswerAsync(Query, documents);

        var result = answer.ToAnswerResult(documents, TimeSpan.FromMilliseconds(7));

        Assert.Equal((answer.Text, answer.Context, answer.Usage, answer.Refused), (result.Answer, result.Context, result.Usage, result.Refused));
        Assert.Same(documents, result.Documents);
        Assert.Equal(TimeSpan.FromMilliseconds(7), result.RetrievalLatency);
    }

    [Fact]
    public void Constructor_UnknownGenerationModel_ThrowsInputException()
    {
        var error = Assert.Throws<InputException>(() => new ExtractiveAnswerer(_embeddings, new AnswerOptions { GenerationModel = "mystery-7b" }));

        Assert.Contains("mystery-7b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TemplateWithoutQuestion_ThrowsInputException()
    {
        var options = new AnswerOptions { PromptTemplate = "Context:\n{context}" };

        var error = Assert.Throws<InputException>(() => new ExtractiveAnswerer(_embeddings, options));

        Assert.Equal("answer options:prompt_template: expected a {question} placeholder in the system prompt or the prompt template", error.Message);
    }

    // "<verbatim sentence> [<doc-id>]", one per quoted sentence.
    [GeneratedRegex(@"(?<text>[^\[\]]+?) \[(?<id>[^\[\]]+)\]")]
    private static partial Regex CitedSentence();
}
