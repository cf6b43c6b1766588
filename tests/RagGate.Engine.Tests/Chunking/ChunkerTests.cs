using RagGate.Engine.Chunking;
using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Chunking;

public sealed class ChunkerTests
{
    private static readonly string[] Words =
        ["refund", "order", "password", "account", "billing", "invoice", "shipping", "customer", "plan", "support", "data", "export"];

    [Theory]
    [InlineData(1, 40, 8)]
    [InlineData(2, 64, 16)]
    [InlineData(3, 20, 0)]
    [InlineData(4, 128, 16)]
    public void Split_GeneratedText_ChunksAreSlicesWithinMaxCoveringAllWords(int seed, int max, int overlap)
    {
        var document = new Document("doc", "Title", GenerateText(new Random(seed), paragraphs: 12));
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap }, TestTokenCounter.Count, 512);

        var chunks = chunker.Split(document);

        Assert.True(chunks.Count > 1);
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            Assert.Equal(("doc", i), (chunk.DocumentId, chunk.Ordinal));
            Assert.Equal(document.Text[chunk.Start..chunk.End], chunk.Text);
            Assert.InRange(TestTokenCounter.Count(chunk.Text), 1, max);
            Assert.Equal(chunk.Text.Trim(), chunk.Text);
            if (i > 0)
            {
                Assert.True(chunk.Start > chunks[i - 1].Start, "chunks advance");
                Assert.True(chunk.Start <= chunks[i - 1].End || document.Text.AsSpan(chunks[i - 1].End, chunk.Start - chunks[i - 1].End).IsWhiteSpace(),
                    "nothing between chunks is skipped");
            }
        }

        Assert.Equal(document.Text.TrimEnd().Length, chunks[^1].End);
    }

    [Fact]
    public void Split_ShortSentences_EndsAtSentenceBoundariesAndOverlapsBySentences()
    {
        var sentences = Enumerable.Range(0, 30).Select(i => $"Sentence number {i} talks about refunds and returns.");
        var text = string.Join(" ", sentences);
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 30, OverlapTokens = 10 }, TestTokenCounter.Count, 512);

        var chunks = chunker.Split(new Document("d", null, text));

        Assert.True(chunks.Count > 3);
        foreach (var chunk in chunks)
        {
            Assert.StartsWith("Sentence number", chunk.Text);
            Assert.EndsWith(".", chunk.Text);
        }

        for (var i = 1; i < chunks.Count; i++)
        {
            var shared = text[chunks[i].Start..chunks[i - 1].End];
            Assert.True(chunks[i].Start < chunks[i - 1].End, "overlap present");
            Assert.InRange(TestTokenCounter.Count(shared), 1, 10);
        }
    }

    [Fact]
    public void Split_SentenceLongerThanOverlap_CarriesItsTrailingWords()
    {
        // Each sentence is 12 tokens: two fit in 30; the overlap of 5 takes the last 4 words and the period.
        var text = string.Join(" ", Enumerable.Range(0, 10).Select(i => $"Sentence number {i} talks about refunds and returns for customers today."));
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 30, OverlapTokens = 5 }, TestTokenCounter.Count, 512);

        var chunks = chunker.Split(new Document("d", null, text));

        Assert.True(chunks.Count > 2);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.StartsWith("returns for customers today. Sentence number", chunks[i].Text);
            Assert.Equal(5, TestTokenCounter.Count(text[chunks[i].Start..chunks[i - 1].End]));
        }
    }

    [Fact]
    public void Split_TwoParagraphsThatDoNotFitTogether_CutsAtTheParagraphBoundary()
    {
        var first = "Refunds are paid in five days. They go back to the card you used. Ask support if it takes longer.";
        var second = "Passwords can be reset from the sign-in page. The link expires after one hour. Request a new one then.";
        var text = first + "\n\n" + second;
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 40, OverlapTokens = 0 }, TestTokenCounter.Count, 512);

        var chunks = chunker.Split(new Document("d", null, text));

        Assert.Equal([first, second], chunks.Select(c => c.Text));
        Assert.Equal(first.Length + 2, chunks[1].Start);
    }

    [Fact]
    public void Split_OverLongSentence_FallsBackToWordsWithWordOverlap()
    {
        var text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"word{i}")) + ".";
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 50, OverlapTokens = 5 }, TestTokenCounter.Count, 512);

        var chunks = chunker.Split(new Document("d", null, text));

        Assert.All(chunks, c => Assert.InRange(TestTokenCounter.Count(c.Text), 1, 50));
        Assert.All(chunks, c => Assert.Equal(text[c.Start..c.End], c.Text));
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(5, TestTokenCounter.Count(text[chunks[i].Start..chunks[i - 1].End]));
        }

        Assert.EndsWith("word199.", chunks[^1].Text);
    }

    [Fact]
    public void Split_OverLongWord_CutsItByCharacters()
    {
        static int CountCharacters(string text) => text.Count(c => !char.IsWhiteSpace(c));
        var text = "Short start. " + new string('x', 95) + " end.";
        var chunker = new Chunker(new ChunkingOptions { MaxTokens = 20, OverlapTokens = 0 }, CountCharacters, 512);

        var chunks = chunker.Split(new Document("d", null, text));

        Assert.All(chunks, c => Assert.InRange(CountCharacters(c.Text), 1, 20));
        Assert.Equal(text.Count(c => !char.IsWhiteSpace(c)), chunks.Sum(c => CountCharacters(c.Text)));
    }

    [Fact]
    public void Split_WholeMode_OneChunkCoveringTheDocument()
    {
        var text = GenerateText(new Random(7), paragraphs: 20);
        var chunker = new Chunker(new ChunkingOptions { Mode = ChunkingMode.Whole }, TestTokenCounter.Count, 256);

        var chunk = Assert.Single(chunker.Split(new Document("d", "T", text)));

        Assert.Equal(new Chunk("d", 0, 0, text.Length, text), chunk);
    }

    [Theory]
    [InlineData(0, 0, 512, "chunking:max_tokens: 0 is out of range; expected between 8 and 512")]
    [InlineData(513, 16, 512, "chunking:max_tokens: 513 is out of range; expected between 8 and 512")]
    [InlineData(10, 10, 512, "chunking:overlap: 10 is out of range; expected at least 0 and less than max_tokens (10)")]
    [InlineData(10, -1, 512, "chunking:overlap: -1 is out of range; expected at least 0 and less than max_tokens (10)")]
    [InlineData(300, 16, 256, "chunking:max_tokens: expected at most 256 (the embedding model's maximum), found 300")]
    public void Ctor_InvalidOptions_ThrowsOneLineInputError(int max, int overlap, int modelMax, string expected)
    {
        var options = new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap };

        var error = Assert.Throws<InputException>(() => new Chunker(options, TestTokenCounter.Count, modelMax));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("Refunds", "Refunds Money back.")]
    [InlineData(null, "Money back.")]
    [InlineData("  ", "Money back.")]
    public void EmbeddingText_Title_JoinsTitleAndTextWithOneSpace(string? title, string expected)
    {
        var chunk = new Chunk("d", 0, 0, 11, "Money back.");

        Assert.Equal(expected, chunk.EmbeddingText(title));
    }

    private static string GenerateText(Random random, int paragraphs)
    {
        var result = new List<string>();
        for (var p = 0; p < paragraphs; p++)
        {
            var sentences = Enumerable.Range(0, random.Next(1, 8)).Select(_ =>
            {
                var words = Enumerable.Range(0, random.Next(3, 30)).Select(_ => Words[random.Next(Words.Length)]);
                return char.ToUpperInvariant(Words[random.Next(Words.Length)][0]) + "x " + string.Join(" ", words)
                    + (random.Next(4) == 0 ? "?" : ".");
            });
            result.Add(string.Join(random.Next(3) == 0 ? "\n" : " ", sentences));
        }

        return string.Join("\n\n", result) + "\n";
    }
}
