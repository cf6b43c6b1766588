using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace RagGate.Engine.Embeddings.Quantization;

/// <summary>Builds the int8 graph of a model from its fp32 ONNX bytes.</summary>
internal static class Int8ModelBuilder
{
    /// <summary>Names the rewrite; part of the cached file's name and of embedding cache keys, so a changed rewrite never reuses old files or vectors.</summary>
    public const string Version = "int8-v2";

    /// <summary>The int8 model's bytes and what the rewrite changed.</summary>
    public static (byte[] Bytes, Int8GraphRewriter.Summary Summary) Build(byte[] fp32Model, string outputName, bool fuseAttention = true, bool quantize = true)
    {
        ArgumentNullException.ThrowIfNull(fp32Model);
        var model = ModelProto.Parser.ParseFrom(Optimize(fp32Model));
        var summary = Int8GraphRewriter.Rewrite(model, outputName, fuseAttention, quantize);
        return (model.ToByteArray(), summary);
    }

    // ONNX Runtime's own fusions (LayerNormalization from its ReduceMean/Pow/Sqrt pieces, BiasGelu,
    // the scaled attention MatMul) run first, at the extended level; the layout level is left out
    // because its output is tied to the machine that wrote it. The rewrite then works on fused ops.
    private static byte[] Optimize(byte[] fp32Model)
    {
        var path = Path.Combine(Path.GetTempPath(), $"raggate-optimized-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED, OptimizedModelFilePath = path, IntraOpNumThreads = 1 })
            using (new InferenceSession(fp32Model, options))
            {
            }

            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
