using Microsoft.ML.Tokenizers;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Tokens;

namespace RagGate.Evaluation.Tests.Tokens;

public sealed class TokenCounterTests
{
    public static TheoryData<string> Texts => new()
    {
        "How do I reset my password?",
        "Refunds are issued to the original payment method within 5-10 business days.",
        "Ünïcödé: naïve café, 東京の天気は晴れです, emoji 🚀🔥 and ZWJ 👩‍💻.",
        "    indented\n\n\tcode = x * 1234567 + y; // comment\r\n",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Count_Gpt4oMini_EqualsTiktokenO200k(string text)
    {
        var reference = TiktokenTokenizer.CreateForModel("gpt-4o-mini");

        var counter = TokenCounter.ForModel("gpt-4o-mini");

        Assert.Equal("o200k_base", counter.Encoding);
        Assert.Equal(reference.CountTokens(text), counter.Count(text));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Count_Gpt4_EqualsTiktokenCl100k(string text)
    {
        var reference = TiktokenTokenizer.CreateForModel("gpt-4");

        var counter = TokenCounter.ForModel("gpt-4");

        Assert.Equal("cl100k_base", counter.Encoding);
        Assert.Equal(reference.CountTokens(text), counter.Count(text));
    }

    [Fact]
    public void Count_EncodingsDiffer_CountsDifferForUnicode()
    {
        // Guards against one encoding silently serving both model families.
        const string text = "東京の天気は晴れです。Приятного аппетита! مرحبا بالعالم";

        Assert.NotEqual(TokenCounter.ForModel("gpt-4").Count(text), TokenCounter.ForModel("gpt-4o").Count(text));
    }

    [Fact]
    public void ForModel_EveryPricedModel_MatchesTheLibrarysTokenizerForThatModel()
    {
        const string text = "Two-factor login: enter the 6-digit code from your authenticator app. ✅";
        foreach (var model in PriceTable.Default.Models)
        {
            var counter = TokenCounter.ForModel(model);
            // The extractive answerer is ours; the library does not know it, and it counts with o200k_base.
            var reference = model == TokenCounter.ExtractiveModel
                ? TiktokenTokenizer.CreateForEncoding("o200k_base")
                : TiktokenTokenizer.CreateForModel(model);
            Assert.Equal(reference.CountTokens(text), counter.Count(text));
        }
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06", "o200k_base")]
    [InlineData("gpt-4.1-mini", "o200k_base")]
    [InlineData("gpt-5", "o200k_base")]
    [InlineData("o1-mini", "o200k_base")]
    [InlineData("o3", "o200k_base")]
    [InlineData("o4-mini", "o200k_base")]
    [InlineData("extractive", "o200k_base")]
    [InlineData("ft:gpt-4o-mini:acme::abc123", "o200k_base")]
    [InlineData("gpt-4-turbo", "cl100k_base")]
    [InlineData("gpt-3.5-turbo", "cl100k_base")]
    [InlineData("text-embedding-3-small", "cl100k_base")]
    // Names the package's own table knows and a hand-kept prefix list did not.
    [InlineData("chatgpt-4o-latest", "o200k_base")]
    [InlineData("gpt-35-turbo-16k", "cl100k_base")]
    public void ForModel_KnownModel_ChoosesEncoding(string model, string encoding)
    {
        Assert.Equal(encoding, TokenCounter.ForModel(model).Encoding);
    }

    [Fact]
    public void ForModel_UnknownModel_ThrowsInputExceptionListingExpected()
    {
        var error = Assert.Throws<InputException>(() => TokenCounter.ForModel("llama-3-8b"));

        Assert.Contains("llama-3-8b", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpt-4o", error.Message, StringComparison.Ordinal);
        Assert.Contains("cl100k_base", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("gpt-4o-2024-11-20")]
    [InlineData("gpt-3.5-turbo-0125")]
    public void EncodingFor_KnownModel_DoesNotLoadTheVocabulary(string model)
    {
        // A retrieval-only eval asks for the encoding (config check, report) and never counts a token:
        // loading o200k_base's vocabulary for that cost 0.36 s of CPU per run. Names no other test uses.
        Assert.NotNull(TokenCounter.EncodingFor(model));
        var counter = TokenCounter.ForModel(model);

        Assert.False(TokenCounter.IsVocabularyLoaded(model));
        Assert.True(counter.Count("hello world") > 0);
        Assert.True(TokenCounter.IsVocabularyLoaded(model));
    }

    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-4.1")]
    [InlineData("o3-mini")]
    [InlineData("gpt-4")]
    [InlineData("gpt-3.5-turbo")]
    [InlineData("text-embedding-3-large")]
    public void ForModel_EncodingNamedWithoutTheVocabulary_IsTheLoadedVocabularysEncoding(string model)
    {
        // The encoding is read from the package's name mapping alone; the vocabulary loaded later must be that encoding's.
        var loaded = TiktokenTokenizer.CreateForModel(model).SpecialTokens!["<|endoftext|>"];
        var expected = loaded switch { 199_999 => "o200k_base", 100_257 => "cl100k_base", _ => "unknown" };

        Assert.Equal(expected, TokenCounter.ForModel(model).Encoding);
    }

    [Fact]
    public void ForModel_EncodingWithoutDataPackage_ThrowsInputException()
    {
        // The package knows text-davinci-003 (p50k_base), whose data package is not shipped.
        Assert.Null(TokenCounter.EncodingFor("text-davinci-003"));
        Assert.Throws<InputException>(() => TokenCounter.ForModel("text-davinci-003"));
    }

    [Fact]
    public void CountChat_TwoMessages_AddsCookbookFraming()
    {
        var reference = TiktokenTokenizer.CreateForModel("gpt-4o-mini");
        (string Role, string Content)[] messages =
        [
            ("system", "Answer only from the context. Cite [doc-id]."),
            ("user", "Context:\n[passwords] Reset your password from Settings.\n\nQuestion: How do I reset my password?"),
        ];
        var expected = messages.Sum(m => reference.CountTokens(m.Role) + reference.CountTokens(m.Content) + 3) + 3;

        var actual = TokenCounter.ForModel("gpt-4o-mini").CountChat(messages);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CountChat_NoMessages_CountsOnlyReplyPriming()
    {
        Assert.Equal(3, TokenCounter.ForModel("gpt-4o").CountChat([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    public void Truncate_LongText_FitsBudgetAtATokenBoundary(int maxTokens)
    {
        const string text = "Passwords can be reset from the sign-in page. Choose 'Forgot password', "
            + "enter your e-mail address and follow the link we send you. 東京の天気は晴れです 🚀🔥 done.";
        var counter = TokenCounter.ForModel("gpt-4o-mini");
        var reference = TiktokenTokenizer.CreateForModel("gpt-4o-mini");

        var prefix = counter.Truncate(text, maxTokens);

        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        Assert.True(counter.Count(prefix) <= maxTokens, $"{counter.Count(prefix)} tokens > {maxTokens}");
        // A token boundary: the prefix's tokens are exactly the first tokens of the whole text.
        var whole = reference.EncodeToIds(text);
        var part = reference.EncodeToIds(prefix);
        Assert.Equal(whole.Take(part.Count), part);
        Assert.True(part.Count >= maxTokens - 1, $"only {part.Count} of {maxTokens} tokens used");
    }

    [Fact]
    public void Truncate_ShortText_ReturnsWholeText()
    {
        var counter = TokenCounter.ForModel("gpt-4o-mini");

        Assert.Equal("Short text.", counter.Truncate("Short text.", 100));
    }
}
