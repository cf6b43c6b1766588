using System.Text.RegularExpressions;

namespace RagGate.Engine.Tests.Chunking;

/// <summary>
/// Test double for the word-piece counter: words and punctuation marks count one each, as BERT's
/// basic tokenizer splits them before word pieces. The default path counts with the model's tokenizer.
/// </summary>
internal static partial class TestTokenCounter
{
    public static int Count(string text) => Token().Count(text);

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex Token();
}
