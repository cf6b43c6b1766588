namespace RagGate.Evaluation.Config;

/// <summary>Answer settings of the embedded engine.</summary>
public sealed record AnswerSettings
{
    /// <summary>The default refusal sentence.</summary>
    public const string DefaultRefusal = "I don't know: the knowledge base does not cover this.";

    /// <summary>The one default for <see cref="MinRelevance"/>, shared by the config loader and the engine.</summary>
    public const double DefaultMinRelevance = 0.35;

    /// <summary>The one default for <see cref="MaxSentences"/>: room for an introduction and its steps.</summary>
    public const int DefaultMaxSentences = 8;

    /// <summary><c>extractive</c> (offline, default) or <c>chat</c> (an OpenAI-compatible endpoint).</summary>
    public string Answerer { get; init; } = "extractive";

    /// <summary>The generation model whose tokenizer counts tokens and whose prices apply.</summary>
    public string GenerationModel { get; init; } = "gpt-4o-mini";

    /// <summary>Least similarity of the question and the closest context document for an extractive answer; below it, a refusal.</summary>
    public double MinRelevance { get; init; } = DefaultMinRelevance;

    /// <summary>The sentence answered when nothing relevant is found.</summary>
    public string Refusal { get; init; } = DefaultRefusal;

    /// <summary>Largest context, in generation-model tokens.</summary>
    public int MaxContextTokens { get; init; } = 1500;

    /// <summary>Most units (sentences or list items) in an extractive answer.</summary>
    public int MaxSentences { get; init; } = DefaultMaxSentences;

    /// <summary>
    /// The system message sent to (or, extractive, counted for) the generation model; placeholders
    /// <c>{context}</c>, <c>{question}</c>, <c>{refusal}</c>. Null: the engine's default.
    /// </summary>
    public string? SystemPrompt { get; init; }

    /// <summary>The user message template, with the same placeholders. Null: the engine's default.</summary>
    public string? PromptTemplate { get; init; }

    /// <summary>Chat endpoint base URL (for the <c>chat</c> answerer).</summary>
    public string? ChatBaseUrl { get; init; }

    /// <summary>Chat model name sent to the endpoint.</summary>
    public string? ChatModel { get; init; }

    /// <summary>Environment variable holding the API key.</summary>
    public string ChatApiKeyEnv { get; init; } = "OPENAI_API_KEY";
}
