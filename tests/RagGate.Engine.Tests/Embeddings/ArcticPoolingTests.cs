using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

/// <summary>Checks [CLS] pooling against a direct ONNX Runtime run, independent of the generator's pooling code.</summary>
[Collection(ModelCollection.Name)]
public sealed class ArcticPoolingTests(GeneratorFixture fixture)
{
    [Fact]
    public async Task EmbedAsync_Arctic_IsTheNormalizedClsTokenVector()
    {
        const string text = "Vitamin D deficiency is linked to bone fractures.";
        var generator = fixture.Arctic;
        var ids = generator.Tokenizer.Encode(text, generator.Model.MaxTokens);
        var hidden = RunDirectly(generator.Model, ids);

        var cls = hidden.AsSpan(0, 384).ToArray();
        var mean = Enumerable.Range(0, 384).Select(d => Enumerable.Range(0, ids.Length).Average(t => hidden[(t * 384) + d])).Select(x => (float)x).ToArray();
        var actual = (await generator.EmbedAsync([text], isQuery: false))[0];

        Assert.Equal(1.0, TensorPrimitives.CosineSimilarity(cls, actual), 1e-5);
        Assert.True(TensorPrimitives.CosineSimilarity(mean, actual) < 0.999, "[CLS] and mean pooling must differ for this test to mean anything");
    }

    private static float[] RunDirectly(EmbeddingModelInfo model, long[] ids)
    {
        using var session = new InferenceSession(EmbeddingModelResources.LoadModel(model));
        long[] shape = [1, ids.Length];
        using var input = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(ids.Select(_ => 1L).ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var outputs = session.Run(new RunOptions(), ["input_ids", "attention_mask", "token_type_ids"], [input, mask, types], ["last_hidden_state"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
