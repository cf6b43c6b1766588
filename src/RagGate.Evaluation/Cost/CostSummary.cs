namespace RagGate.Evaluation.Cost;

/// <summary>Tokens and money per query for the configured generation model.</summary>
public sealed class CostSummary
{
    /// <summary>The generation model whose tokenizer and prices apply.</summary>
    public string Model { get; set; } = "";

    /// <summary>The tokenizer that counted (for example <c>o200k_base</c>).</summary>
    public string Tokenizer { get; set; } = "";

    /// <summary>Mean prompt tokens per query.</summary>
    public double PromptTokensMean { get; set; }

    /// <summary>Mean completion tokens per query.</summary>
    public double CompletionTokensMean { get; set; }

    /// <summary>Mean total tokens per query.</summary>
    public double TotalTokensMean { get; set; }

    /// <summary>95th percentile (nearest rank) of total tokens per query.</summary>
    public double TotalTokensP95 { get; set; }

    /// <summary>Mean context tokens per query.</summary>
    public double ContextTokensMean { get; set; }

    /// <summary>Mean cost of one query in <see cref="Currency"/>.</summary>
    public double CostPerQuery { get; set; }

    /// <summary>Cost of 1,000 queries.</summary>
    public double CostPer1000Queries => CostPerQuery * 1000;

    /// <summary>Answers (over every repetition) whose tokens RagGate counted because the target reported no usage.</summary>
    public int EstimatedAnswers { get; set; }

    /// <summary>Answers recorded, over every repetition.</summary>
    public int Answers { get; set; }

    /// <summary>True when some token counts are RagGate's estimate rather than the target's report.</summary>
    public bool Estimated => EstimatedAnswers > 0;

    /// <summary>Currency of the price table.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Version of the price table used.</summary>
    public string PriceTableVersion { get; set; } = "";
}
