using System.IO.Compression;
using System.Text;
using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Tests.Ingestion;

public sealed class CorpusReaderTests
{
    [Fact]
    public async Task ReadAsync_MarkdownFolder_ReadsRecursivelySortedWithTitles()
    {
        using var folder = new TempFolder();
        folder.Write("zeta.md", "Intro line\n\n# Zeta guide\n\nBody.");
        folder.Write("sub/alpha.txt", "# Not a title in text files\nplain text");
        folder.Write("sub/deeper/beta.md", "```\n# in a fence\n```\n## Beta ##\ntext");
        folder.Write("notes.json", "{\"ignored\": true}");

        var result = await CorpusReader.ReadAsync(folder.Path);

        Assert.Equal(CorpusFormats.Folder, result.Format);
        Assert.Equal(["sub/alpha", "sub/deeper/beta", "zeta"], result.Documents.Select(d => d.Id));
        Assert.Equal([null, "Beta", "Zeta guide"], result.Documents.Select(d => d.Title));
        Assert.Equal("Intro line\n\n# Zeta guide\n\nBody.", result.Documents[2].Text);
        Assert.Empty(result.SkippedEmpty);
    }

    [Fact]
    public async Task ReadAsync_Jsonl_ReadsIdOrUnderscoreIdTitleAndText()
    {
        using var folder = new TempFolder();
        var path = folder.Write("docs.jsonl",
            "{\"id\":\"a\",\"title\":\"Refunds\",\"text\":\"Refunds take 5 days.\"}\r\n\n{\"_id\":\"b\",\"text\":\"Reset passwords.\",\"metadata\":{}}\n");

        var result = await CorpusReader.ReadAsync(path);

        Assert.Equal(CorpusFormats.Jsonl, result.Format);
        Assert.Equal([new Document("a", "Refunds", "Refunds take 5 days."), new Document("b", null, "Reset passwords.")], result.Documents);
    }

    [Fact]
    public async Task ReadAsync_FolderWithBeirCorpusGz_ReadsItAsBeir()
    {
        using var folder = new TempFolder();
        using (var gzip = new GZipStream(File.Create(folder.File("corpus.jsonl.gz")), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"_id\":\"4983\",\"title\":\"Microstructural\",\"text\":\"Alterations.\"}\n"));
        }

        folder.Write("readme.md", "# not read, the BEIR corpus wins");

        var result = await CorpusReader.ReadAsync(folder.Path);

        Assert.Equal(CorpusFormats.Beir, result.Format);
        Assert.Equal([new Document("4983", "Microstructural", "Alterations.")], result.Documents);
    }

    [Fact]
    public async Task ReadAsync_BeirCorpusJsonlFile_IsBeirFormat()
    {
        using var folder = new TempFolder();
        var path = folder.Write("corpus.jsonl", "{\"_id\":\"1\",\"title\":\"\",\"text\":\"t\"}\n");

        var result = await CorpusReader.ReadAsync(path);

        Assert.Equal(CorpusFormats.Beir, result.Format);
        Assert.Null(result.Documents[0].Title);
    }

    [Fact]
    public async Task ReadAsync_DuplicateId_NamesFileLineAndFirstLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("docs.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"y\",\"text\":\"two\"}\n{\"id\":\"x\",\"text\":\"three\"}\n");

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(path));

        Assert.Equal($"{path}:3: duplicate document id 'x' (first at line 1)", error.Message);
    }

    [Fact]
    public async Task ReadAsync_DuplicateIdAcrossExtensions_NamesBothFiles()
    {
        using var folder = new TempFolder();
        var md = folder.Write("guide.md", "a");
        var txt = folder.Write("guide.txt", "b");

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(folder.Path));

        Assert.Equal($"{txt}: duplicate document id 'guide' (first from {md})", error.Message);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InJsonl_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. "{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf"u8, 0xC3, 0x28, .. "\"}\n"u8];
        var path = folder.Write("docs.jsonl", bytes);

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(path));

        Assert.Equal($"{path}:2: invalid UTF-8; expected UTF-8 text", error.Message);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8InMarkdown_NamesFileAndLine()
    {
        using var folder = new TempFolder();
        byte[] bytes = [.. "# Title\n\nline three\nbad "u8, 0xFF, .. " byte\n"u8];
        var path = folder.Write("doc.md", bytes);

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(folder.Path));

        Assert.Equal($"{path}:4: invalid UTF-8; expected UTF-8 text", error.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"text\":", "malformed JSON")]
    [InlineData("[1, 2]", "malformed JSON")]
    [InlineData("{\"id\":\"a\",\"text\":\"t\",}", "malformed JSON")]
    [InlineData("{\"title\":\"t\",\"text\":\"t\"}", "missing field 'id' (or '_id')")]
    [InlineData("{\"id\":\"a\",\"title\":\"t\"}", "document 'a' has no field 'text'")]
    [InlineData("{\"id\":7,\"text\":\"t\"}", "malformed JSON")]
    public async Task ReadAsync_BadLine_OneLineErrorNamingFileAndLine(string line, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write("docs.jsonl", "{\"id\":\"ok\",\"text\":\"fine\"}\n" + line + "\n");

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(path));

        Assert.StartsWith($"{path}:2: {expected}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyDocuments_SkippedAndReported()
    {
        using var folder = new TempFolder();
        var path = folder.Write("docs.jsonl",
            "{\"id\":\"a\",\"text\":\"kept\"}\n{\"id\":\"b\",\"text\":\"  \\n\\t \"}\n{\"id\":\"c\",\"title\":\"T\",\"text\":\"\"}\n");

        var result = await CorpusReader.ReadAsync(path);

        Assert.Equal(["a"], result.Documents.Select(d => d.Id));
        Assert.Equal(["b", "c"], result.SkippedEmpty);
    }

    [Fact]
    public async Task ReadAsync_EmptyMarkdownFile_SkippedAndReported()
    {
        using var folder = new TempFolder();
        folder.Write("empty.md", " \n\n");
        folder.Write("full.md", "text");

        var result = await CorpusReader.ReadAsync(folder.Path);

        Assert.Equal(["full"], result.Documents.Select(d => d.Id));
        Assert.Equal(["empty"], result.SkippedEmpty);
    }

    [Fact]
    public async Task ReadAsync_MissingPath_OneLineError()
    {
        var path = Path.Combine(Path.GetTempPath(), "raggate-missing-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(path));

        Assert.StartsWith($"{path}: not found", error.Message);
    }

    [Fact]
    public async Task ReadAsync_CorruptGzip_OneLineError()
    {
        using var folder = new TempFolder();
        var path = folder.Write("corpus.jsonl.gz", "not gzip at all");

        var error = await Assert.ThrowsAsync<InputException>(() => CorpusReader.ReadAsync(path));

        Assert.StartsWith($"{path}: cannot be read", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
