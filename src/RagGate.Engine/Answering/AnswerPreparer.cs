using RagGate.Evaluation.Targets;
using RagGate.Evaluation.Tokens;

namespace RagGate.Engine.Answering;

/// <summary>
/// The start every answerer shares: validated options, the generation model's tokenizer, the context fitted
/// to its token budget, and the prompt that would be (or is) sent.
/// </summary>
internal sealed class AnswerPreparer
{
    private readonly ContextBuilder _contextBuilder;

    public AnswerPreparer(AnswerOptions? options)
    {
        Options = options ?? new AnswerOptions();
        Options.Validate();
        Counter = TokenCounter.ForModel(Options.GenerationModel);
        _contextBuilder = new ContextBuilder(Counter, Options.MaxContextTokens);
    }

    public AnswerOptions Options { get; }

    public TokenCounter Counter { get; }

    public (BuiltContext Context, IReadOnlyList<(string Role, string Content)> Prompt) Prepare(string query, IReadOnlyList<RetrievedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = _contextBuilder.Build(documents);
        return (context, PromptRenderer.Render(Options, context.Text, query));
    }
}
