namespace RagGate.Engine.Embeddings.Quantization;

/// <summary>Symmetric int8 quantization of a weight matrix, one scale per output column.</summary>
internal static class Int8Quantizer
{
    /// <summary>
    /// Quantizes a row-major <paramref name="rows"/> x <paramref name="columns"/> matrix to
    /// [-127, 127] with scale = max |w| of the column / 127 (zero point 0); returns the int8 values
    /// in the same layout and the scales.
    /// </summary>
    public static (sbyte[] Values, float[] Scales) QuantizeColumns(float[] weights, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != (long)rows * columns)
        {
            throw new ArgumentException($"{weights.Length} weights is not {rows} x {columns}", nameof(weights));
        }

        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(weights[(r * columns) + c]));
            }
        }

        for (var c = 0; c < columns; c++)
        {
            // An all-zero column quantizes to zeros under any scale; 1 keeps the division finite.
            scales[c] = scales[c] > 0 ? scales[c] / 127f : 1f;
        }

        var values = new sbyte[weights.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[(r * columns) + c] = (sbyte)Math.Clamp(MathF.Round(weights[(r * columns) + c] / scales[c]), -127f, 127f);
            }
        }

        return (values, scales);
    }
}
