using System.Text.RegularExpressions;

namespace RagGate.Engine.Answering;

/// <summary>Renders the prompt templates into the exact chat messages sent to (or counted for) the model.</summary>
internal static partial class PromptRenderer
{
    public const string SystemRole = "system";
    public const string UserRole = "user";

    public static IReadOnlyList<(string Role, string Content)> Render(AnswerOptions options, string context, string question) =>
    [
        (SystemRole, Fill(options.SystemPrompt, options, context, question)),
        (UserRole, Fill(options.PromptTemplate, options, context, question)),
    ];

    // One pass, so a "{question}" written inside a document or the question is left as text.
    private static string Fill(string template, AnswerOptions options, string context, string question) =>
        Placeholder().Replace(template, match => match.Groups[1].Value switch
        {
            "context" => context,
            "question" => question,
            _ => options.Refusal,
        });

    [GeneratedRegex(@"\{(context|question|refusal)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
