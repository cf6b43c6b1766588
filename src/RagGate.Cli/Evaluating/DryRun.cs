using System.Globalization;
using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Tokens;

namespace RagGate.Cli.Evaluating;

/// <summary>
/// <c>raggate eval --dry-run</c>: the tokens and money a run would spend (queries x repetitions x the
/// answerer's largest prompt, with the generation model's tokenizer and prices), without calling the target.
/// </summary>
internal static class DryRun
{
    public static DryRunEstimate Estimate(RagGateConfig config, GoldenSet golden)
    {
        var eval = config.Evaluation.Eval;
        var counter = TokenCounter.ForModel(config.Evaluation.GenerationModel);
        var prices = PriceTable.Load(eval.Prices);
        var price = prices.Get(config.Evaluation.GenerationModel);
        var queries = golden.Queries;
        var warmup = Math.Min(eval.Warmup, queries.Count);
        var levels = eval.Concurrency.Count;
        var requests = (long)queries.Count * eval.Repetitions * levels;
        if (!eval.Answer)
        {
            return new DryRunEstimate(requests + warmup, 0, 0, 0, 0, prices.Currency, queries.Count);
        }

        // Completion tokens are not known before the run; a reference answer, when the golden set has one, stands in.
        long PerQuery(Func<GoldenQuery, int> tokens, IEnumerable<GoldenQuery> set) => set.Sum(q => (long)tokens(q));
        int Prompt(GoldenQuery q) => RagEngine.MaxPromptTokens(config.Engine.Answer, counter, q.Query);
        int Completion(GoldenQuery q) => q.ReferenceAnswer is { } reference ? counter.Count(reference) : 0;
        var rounds = (long)eval.Repetitions * levels;
        var prompt = (PerQuery(Prompt, queries) * rounds) + PerQuery(Prompt, queries.Take(warmup));
        var completion = (PerQuery(Completion, queries) * rounds) + PerQuery(Completion, queries.Take(warmup));
        var cost = (double)((prompt * price.InputPerMillion / 1_000_000m) + (completion * price.OutputPerMillion / 1_000_000m));
        return new DryRunEstimate(requests + warmup, prompt, completion, cost, eval.MaxCost, prices.Currency, queries.Count(q => q.ReferenceAnswer is null));
    }

    public static string Describe(RagGateConfig config, GoldenSet golden, DryRunEstimate estimate)
    {
        var eval = config.Evaluation.Eval;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Dry run: {golden.Queries.Count} queries x {eval.Repetitions} repetitions x {eval.Concurrency.Count} concurrency levels + {Math.Min(eval.Warmup, golden.Queries.Count)} warm-up = {estimate.Requests} requests; the target was not called."),
        };
        if (!eval.Answer)
        {
            lines.Add("eval.answer is false: no answers, so no generation tokens or cost.");
            return string.Join('\n', lines);
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"Prompt tokens (at most): {estimate.PromptTokens:N0} ({config.Evaluation.GenerationModel}, {TokenCounter.ForModel(config.Evaluation.GenerationModel).Encoding}; every prompt with a full context of {config.Engine.Answer.MaxContextTokens} tokens)"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"Completion tokens: {estimate.CompletionTokens:N0} (from reference answers; {estimate.QueriesWithoutReference} queries have none and count 0)"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Expected cost (at most, prompt side): {estimate.Cost:0.######} {estimate.Currency}"));
        if (estimate.MaxCost is { } max)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"eval.max_cost: {max:0.######} {estimate.Currency}: {(estimate.Cost > max ? "the run would likely stop over budget" : "within budget")}"));
        }

        return string.Join('\n', lines);
    }
}
