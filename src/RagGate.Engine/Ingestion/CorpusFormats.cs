namespace RagGate.Engine.Ingestion;

/// <summary>The names <see cref="IngestionResult.Format"/> takes.</summary>
public static class CorpusFormats
{
    /// <summary>A folder of Markdown and text files, read recursively.</summary>
    public const string Folder = "folder";

    /// <summary>A JSONL file, one <c>{"id", "title"?, "text"}</c> object per line.</summary>
    public const string Jsonl = "jsonl";

    /// <summary>A BEIR <c>corpus.jsonl</c> or <c>corpus.jsonl.gz</c> (a file or the folder holding it).</summary>
    public const string Beir = "beir";
}
