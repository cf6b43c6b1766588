namespace SupportKb.QualityTests;

/// <summary>Answer quality, as the reference pipeline's <c>TestGenerationQuality</c>.</summary>
[Collection(SupportKbCollection.Name)]
public sealed class GenerationQualityTests(SupportKbFixture kb)
{
    private static readonly string[] HallucinationMarkers = ["I don't have information", "I cannot find", "As an AI", "I'm not sure but"];

    [Fact]
    public async Task Answers_CarryNoHallucinationMarkers()
    {
        // The first 30 answerable questions, as the reference limits answer tests to save cost.
        foreach (var query in kb.Answerable.Take(30))
        {
            var answer = await kb.Pipeline.QueryWithUsageAsync(query.Query);
            if (answer.Refused) continue;
            foreach (var marker in HallucinationMarkers)
            {
                Assert.False(answer.Text.Contains(marker, StringComparison.OrdinalIgnoreCase), $"Possible hallucination in response to: {query.Query}");
            }
        }
    }

    [Fact]
    public async Task Answers_CiteTheDocumentsTheyQuote()
    {
        foreach (var query in kb.Answerable.Take(20))
        {
            var answer = await kb.Pipeline.QueryWithUsageAsync(query.Query);
            if (answer.Refused) continue;
            var sources = answer.Sources.Select(s => s.Id).ToHashSet();
            Assert.Contains(sources, id => answer.Text.Contains($"[{id}]", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ReadmeQuestion_AnswersWithTheResetStepsInOrder()
    {
        // The README's own question. change-password ranks first and account-locked holds the single
        // closest sentence; a support agent answers from reset-password, with its steps.
        var answer = await kb.Pipeline.QueryWithUsageAsync("How do I reset my password?");

        Assert.False(answer.Refused);
        Assert.EndsWith(" [passwords/reset-password]", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, answer.Text.Count(c => c == '['));
        var steps = answer.Text.Split('\n').Where(l => l.Length > 1 && char.IsDigit(l[0])).Select(l => l[..2]).ToList();
        Assert.Equal(["1.", "2.", "3.", "4.", "5."], steps);
        Assert.Contains("click **Send reset link**", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnanswerableQuestions_AreMostlyRefused()
    {
        var unanswerable = kb.Golden.Queries.Where(q => q.IsUnanswerable).ToList();
        var refused = 0;
        foreach (var query in unanswerable)
        {
            if ((await kb.Pipeline.QueryWithUsageAsync(query.Query)).Refused) refused++;
        }

        // The refusal_accuracy gate of raggate.yaml: at least 8 in 10 of the 27 are refused.
        Assert.True(refused * 10 >= unanswerable.Count * 8, $"Only {refused} of {unanswerable.Count} unanswerable questions were refused");
    }
}
