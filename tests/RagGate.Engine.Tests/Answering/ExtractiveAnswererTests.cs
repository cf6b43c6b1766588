using Microsoft.ML.Tokenizers;
using RagGate.Engine.Answering;
using RagGate.Engine.Tests.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Answering;

public sealed class ExtractiveAnswererTests
{
    private const string Query = "How do I reset a forgotten password?";

    private readonly HashingTestEmbeddingGenerator _embeddings = HashingTestEmbeddingGenerator.ContentWords();

    [Fact]
    public async Task AnswerAsync_RelevantDocument_QuotesOnePassageVerbatimAndCitesIt()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MinRelevance = 0.3 });
        var documents = new[] { Documents.PasswordReset(rank: 1), Documents.Shipping(rank: 2) };

        var answer = await answerer.AnswerAsync(Query, documents);

        Assert.False(answer.Refused);
        Assert.Equal(["account/password-reset"], answer.Citations);
        Assert.EndsWith(" [account/password-reset]", answer.Text, StringComparison.Ordinal);
        foreach (var line in answer.Text[..^" [account/password-reset]".Length].Split('\n'))
        {
            Assert.Contains(line, documents[0].Text, StringComparison.Ordinal);
            Assert.Contains(line, answer.Context, StringComparison.Ordinal);
        }

        Assert.Contains("choose Forgot password", answer.Text, StringComparison.Ordinal);
        Assert.NotNull(answer.Support);
    }

    [Fact]
    public async Task AnswerAsync_HowToQuestion_QuotesTheBestDocumentsStepsInOrder()
    {
        // The change-password document ranks first and shares a step's words with the question;
        // a support agent still answers from the reset document, with all of its steps, in order.
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MinRelevance = 0.2 });
        var documents = new[] { Documents.ChangePasswordSteps(rank: 1), Documents.ResetPasswordSteps(rank: 2) };

        var answer = await answerer.AnswerAsync("How do I reset a forgotten password?", documents);

        Assert.Equal(["account/reset-password"], answer.Citations);
        var steps = answer.Text.Split('\n').Where(l => char.IsDigit(l[0])).ToList();
        Assert.Equal(["1.", "2.", "3.", "4."], steps.Select(s => s[..2]));
        Assert.Contains("If you forgot your password, reset it from the sign-in page.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("current password", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_SecondDocumentRestatesThePassage_CitesOnlyTheFirst()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MinRelevance = 0.2 });
        var copy = Documents.PasswordReset(rank: 2) with { Id = "account/password-reset-copy" };

        var answer = await answerer.AnswerAsync(Query, [Documents.PasswordReset(rank: 1), copy]);

        Assert.Equal(["account/password-reset"], answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_SecondDocumentAddsAFact_QuotesOneSentenceOfItAfterThePassage()
    {
        var answerer = new ExtractiveAnswerer(_embeddings, new AnswerOptions { MinRelevance = 0.2 });

        // A question both documents support about equally: each answers half of it.
        var answer = await answerer.AnswerAsync(
            "I forgot my password and lost my phone with my backup codes", [Documents.PasswordReset(rank: 1), Documents.TwoFactor(rank: 2)]);

        Assert.Equal(2, answer.Citations.Count);
        var lines = answer.Text.Split('\n');
        Assert.EndsWith($" [{answer.Citations[1]}]", lines[^1], StringComparison.Ordinal);
        Assert.Single(lines, l => l.EndsWith($"[{answer.Citations[1]}]", StringComparison.Ordinal));
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
    public async Task AnswerAsync_NoEmbeddingModel_QuotesTheStepsOfTheDocumentThatHoldsTheQuestionsTerms()
    {
        // No generator: passages are scored by their terms alone, as for a BM25-only config.
        var answerer = new ExtractiveAnswerer(embeddings: null, new AnswerOptions { MinRelevance = 0.2 });
        var documents = new[] { Documents.ChangePasswordSteps(rank: 1), Documents.ResetPasswordSteps(rank: 2), Documents.Shipping(rank: 3) };

        var answer = await answerer.AnswerAsync("How do I reset a forgotten password?", documents);

        Assert.False(answer.Refused);
        Assert.Equal(["account/reset-password"], answer.Citations);
        var steps = answer.Text.Split('\n').Where(l => char.IsDigit(l[0])).ToList();
        Assert.Equal(["1.", "2.", "3.", "4."], steps.Select(s => s[..2]));
        Assert.NotNull(answer.Support);
    }

    [Fact]
    public async Task AnswerAsync_NoEmbeddingModelAndNoDocumentSharesTheQuestionsTerms_Refuses()
    {
        var answerer = new ExtractiveAnswerer(embeddings: null, new AnswerOptions { MinRelevance = 0.2 });

        var answer = await answerer.AnswerAsync(Query, [Documents.Shipping(rank: 1), Documents.Invoices(rank: 2)]);

        Assert.True(answer.Refused);
        Assert.Equal(AnswerOptions.DefaultRefusal, answer.Text);
        Assert.Equal(0.0, answer.Support);
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
}
