using System.Text;
using RagGate.Evaluation.Targets;
using RagGate.Evaluation.Tokens;

namespace RagGate.Engine.Answering;

/// <summary>
/// Builds the generator's context from retrieved documents: <c>[doc-id]</c> blocks, best first,
/// within a token budget counted with the generation model's tokenizer. The last block that does
/// not fit is cut at a token boundary; the budget is never exceeded.
/// </summary>
public sealed class ContextBuilder
{
    /// <summary>What separates two document blocks.</summary>
    public const string Separator = "\n\n";

    private readonly TokenCounter _counter;
    private readonly int _maxTokens;

    /// <summary>Creates a builder that counts with <paramref name="counter"/> and keeps within <paramref name="maxTokens"/>.</summary>
    public ContextBuilder(TokenCounter counter, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 1);
        _counter = counter;
        _maxTokens = maxTokens;
    }

    /// <summary>The block header that names a document, as the prompt asks the model to cite it.</summary>
    public static string Header(string documentId) => $"[{documentId}]\n";

    /// <summary>Builds the context from <paramref name="documents"/>, ordered by rank.</summary>
    public BuiltContext Build(IReadOnlyList<RetrievedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var text = new StringBuilder();
        var included = new List<RetrievedDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var truncated = false;
        foreach (var document in documents.OrderBy(d => d.Rank))
        {
            if (!seen.Add(document.Id))
                continue;
            var body = document.Text.Trim();
            var head = text.ToString() + (text.Length == 0 ? "" : Separator) + Header(document.Id);
            if (_counter.Count(head + body) <= _maxTokens)
            {
                text.Clear().Append(head).Append(body);
                included.Add(document with { Text = body });
                continue;
            }

            truncated = true;
            var cut = Fit(head, body);
            if (cut.Length > 0)
            {
                text.Clear().Append(head).Append(cut);
                included.Add(document with { Text = cut });
            }

            break;
        }

        var context = text.ToString();
        return new BuiltContext(context, _counter.Count(context), included, truncated);
    }

    // The longest prefix of body that, after head, keeps the whole context within the budget.
    // Tokens can merge across the join, so the joined text is re-counted rather than added up.
    private string Fit(string head, string body)
    {
        for (var room = _maxTokens - _counter.Count(head); room > 0; room--)
        {
            var cut = _counter.Truncate(body, room).TrimEnd();
            if (cut.Length == 0)
                return "";
            if (_counter.Count(head + cut) <= _maxTokens)
                return cut;
        }

        return "";
    }
}
