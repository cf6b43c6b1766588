namespace RagGate.Engine.Answering;

/// <summary>
/// A document's text as blocks (paragraphs, numbered steps, bullet lists) of quotable units, so an
/// answer can quote whole steps in order rather than scattered sentences.
/// </summary>
internal sealed class PassageText
{
    private readonly List<PassageUnit> _units = [];
    private readonly List<PassageBlock> _blocks = [];
    private BlockKind? _open;
    private int _openFirst;
    private bool _openEndsWithColon;

    private PassageText()
    {
    }

    public IReadOnlyList<PassageUnit> Units => _units;

    public IReadOnlyList<PassageBlock> Blocks => _blocks;

    public static PassageText Parse(string text)
    {
        var passage = new PassageText();
        foreach (var rawLine in text.Split('\n'))
            passage.AddLine(rawLine.Trim());
        passage.Close();
        return passage;
    }

    public PassageBlock BlockOf(int unit) => _blocks[_units[unit].Block];

    private void AddLine(string line)
    {
        // A blank line, a heading, a rule or a table row ends the block being read.
        if (line.Length == 0 || line[0] is '#' or '|' or '=' or '`' || line.StartsWith("---", StringComparison.Ordinal))
        {
            Close();
            return;
        }

        var kind = SentenceSplitter.IsNumberedItem(line) ? BlockKind.NumberedList
            : SentenceSplitter.IsBulletItem(line) ? BlockKind.BulletList
            : BlockKind.Paragraph;
        // A list item always starts a unit of its own; a new kind of block closes the last one.
        if (_open != kind)
            Close();
        if (_open is null)
        {
            _open = kind;
            _openFirst = _units.Count;
        }

        var sentences = SentenceSplitter.SplitLine(line);
        if (kind == BlockKind.Paragraph)
        {
            foreach (var sentence in sentences)
                _units.Add(new PassageUnit(_blocks.Count, sentence, [sentence]));
        }
        else
        {
            _units.Add(new PassageUnit(_blocks.Count, line, sentences));
        }

        _openEndsWithColon = line.EndsWith(':');
    }

    private void Close()
    {
        if (_open is { } kind && _units.Count > _openFirst)
            _blocks.Add(new PassageBlock(kind, _openFirst, _units.Count - _openFirst, _openEndsWithColon));
        _open = null;
    }
}
