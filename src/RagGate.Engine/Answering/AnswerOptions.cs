using System.Globalization;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Engine.Answering;

/// <summary>
/// How answers are built: the generation model whose tokenizer counts and whose prices apply,
/// the relevance threshold, the refusal sentence, the context budget and the prompt.
/// </summary>
public sealed record AnswerOptions
{
    /// <summary>The refusal sentence used unless configured otherwise.</summary>
    public const string DefaultRefusal = "I don't know: the knowledge base does not cover this.";

    /// <summary>The default system message; <c>{refusal}</c> is replaced by <see cref="Refusal"/>.</summary>
    public const string DefaultSystemPrompt =
        "You are a support assistant. Answer the user's question using only the context documents below; "
        + "each document starts with its id in square brackets, like [doc-id]. "
        + "Be brief: at most three sentences. End every sentence with the id of the document that supports it, "
        + "in square brackets, for example [billing/invoices]. Never cite a document that is not in the context "
        + "and never add facts that the context does not state. "
        + "If the context does not answer the question, reply with exactly this sentence and nothing else: {refusal}";

    /// <summary>The default of <see cref="MinRelevance"/>, the one the config loader uses too.</summary>
    public const double DefaultMinRelevance = 0.35;

    /// <summary>The most units an extractive answer quotes unless configured otherwise.</summary>
    public const int DefaultMaxSentences = 8;

    /// <summary>The default user message; <c>{context}</c> and <c>{question}</c> are filled in.</summary>
    public const string DefaultPromptTemplate = "Context:\n{context}\n\nQuestion: {question}";

    /// <summary>The generation model used unless configured otherwise.</summary>
    public const string DefaultGenerationModel = EvaluationConfig.DefaultGenerationModel;

    /// <summary>The most context tokens unless configured otherwise.</summary>
    public const int DefaultMaxContextTokens = 1500;

    /// <summary>Which answerer builds answers: extractive (offline, the default) or chat.</summary>
    public AnswererKind Answerer { get; init; } = AnswererKind.Extractive;

    /// <summary>The chat endpoint of the <see cref="AnswererKind.Chat"/> answerer; null for the extractive one.</summary>
    public ChatEndpoint? Chat { get; init; }

    /// <summary>The generation model whose tokenizer counts tokens and whose price applies.</summary>
    public string GenerationModel { get; init; } = DefaultGenerationModel;

    /// <summary>The cosine similarity of the question and the closest context document below which the extractive answer is a refusal.</summary>
    public double MinRelevance { get; init; } = DefaultMinRelevance;

    /// <summary>The exact sentence answered when the knowledge base does not cover the question.</summary>
    public string Refusal { get; init; } = DefaultRefusal;

    /// <summary>The most tokens of retrieved text given to the generator, counted with its tokenizer.</summary>
    public int MaxContextTokens { get; init; } = DefaultMaxContextTokens;

    /// <summary>The most units (sentences, or list items) an extractive answer quotes: room for an introduction and its steps.</summary>
    public int MaxSentences { get; init; } = DefaultMaxSentences;

    /// <summary>The system message template (placeholders <c>{context}</c>, <c>{question}</c>, <c>{refusal}</c>).</summary>
    public string SystemPrompt { get; init; } = DefaultSystemPrompt;

    /// <summary>The user message template (placeholders <c>{context}</c>, <c>{question}</c>, <c>{refusal}</c>).</summary>
    public string PromptTemplate { get; init; } = DefaultPromptTemplate;

    /// <summary>Throws <see cref="InputException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        const string Place = "answer options";
        if (string.IsNullOrWhiteSpace(GenerationModel))
            throw InputException.At(Place, "generation_model", "expected a model id such as gpt-4o-mini");
        if (double.IsNaN(MinRelevance) || MinRelevance is < -1 or > 1)
            throw InputException.At(Place, "min_relevance", $"{MinRelevance.ToString(CultureInfo.InvariantCulture)} is out of range; expected a cosine similarity from -1 to 1");
        if (string.IsNullOrWhiteSpace(Refusal))
            throw InputException.At(Place, "refusal", "expected a non-empty refusal sentence");
        if (MaxContextTokens < 1)
            throw InputException.At(Place, "max_context_tokens", $"{MaxContextTokens} is out of range; expected 1 or more tokens");
        if (MaxSentences < 1)
            throw InputException.At(Place, "max_sentences", $"{MaxSentences} is out of range; expected 1 or more");
        if (!(SystemPrompt + PromptTemplate).Contains("{context}", StringComparison.Ordinal))
            throw InputException.At(Place, "prompt_template", "expected a {context} placeholder in the system prompt or the prompt template");
        if (!(SystemPrompt + PromptTemplate).Contains("{question}", StringComparison.Ordinal))
            throw InputException.At(Place, "prompt_template", "expected a {question} placeholder in the system prompt or the prompt template");
    }
}
