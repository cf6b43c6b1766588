using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace RagGate.Engine.Embeddings.Quantization;

/// <summary>Reads and makes ONNX initializers (little-endian raw data, as exporters write them).</summary>
internal static class OnnxTensors
{
    public static float[] ReadFloats(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidDataException($"initializer '{tensor.Name}' is type {tensor.DataType}, expected float");
        }

        return tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray() : [.. tensor.FloatData];
    }

    public static long[] ReadInt64(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DataType != (int)TensorProto.Types.DataType.Int64)
        {
            return [];
        }

        return tensor.RawData.Length > 0 ? MemoryMarshal.Cast<byte, long>(tensor.RawData.Span).ToArray() : [.. tensor.Int64Data];
    }

    public static TensorProto Int8(string name, IEnumerable<long> dims, sbyte[] values) => new()
    {
        Name = name,
        DataType = (int)TensorProto.Types.DataType.Int8,
        Dims = { dims },
        RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
    };

    public static TensorProto Float(string name, IEnumerable<long> dims, float[] values) => new()
    {
        Name = name,
        DataType = (int)TensorProto.Types.DataType.Float,
        Dims = { dims },
        RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())),
    };
}
