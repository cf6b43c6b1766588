namespace RagGate.Engine.Embeddings;

/// <summary>Padded, row-major model inputs for one batch of encoded texts.</summary>
internal sealed class BatchInputs
{
    private BatchInputs(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int rows, int width, long tokens)
    {
        InputIds = inputIds;
        AttentionMask = attentionMask;
        TokenTypeIds = tokenTypeIds;
        Rows = rows;
        Width = width;
        Tokens = tokens;
    }

    public long[] InputIds { get; }

    public long[] AttentionMask { get; }

    public long[] TokenTypeIds { get; }

    public int Rows { get; }

    /// <summary>Padded length of every row: the longest row of the batch.</summary>
    public int Width { get; }

    /// <summary>Real (unpadded) tokens in the batch.</summary>
    public long Tokens { get; }

    public long[] Shape => [Rows, Width];

    /// <summary>Pads each row with id 0 ([PAD]) to the longest row; the mask marks real tokens.</summary>
    public static BatchInputs Build(IReadOnlyList<long[]> rows)
    {
        var width = rows.Max(r => r.Length);
        var ids = new long[rows.Count * width];
        var mask = new long[ids.Length];
        long tokens = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            rows[r].CopyTo(ids.AsSpan(r * width));
            mask.AsSpan(r * width, rows[r].Length).Fill(1);
            tokens += rows[r].Length;
        }

        return new BatchInputs(ids, mask, new long[ids.Length], rows.Count, width, tokens);
    }
}
