using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace RagGate.Engine.Indexing;

/// <summary>
/// Lucene's English analysis, as Anserini uses it for BM25: standard tokenizer, English
/// possessive removal, lowercase, English stop words, Porter stemming.
/// </summary>
internal static class EnglishTerms
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Analyzers keep their token streams per thread, so one instance serves every thread.
    private static readonly Analyzer Analyzer = new EnglishAnalyzer(Version);

    /// <summary>The Lucene version whose analysis rules apply (part of the BM25 postings cache key).</summary>
    public static string LuceneVersionName => Version.ToString();

    public static List<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream("contents", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
