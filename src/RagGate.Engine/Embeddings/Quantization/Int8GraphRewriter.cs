using Onnx;

namespace RagGate.Engine.Embeddings.Quantization;

/// <summary>
/// Rewrites a BERT-style encoder graph, already optimized by ONNX Runtime (LayerNormalization,
/// BiasGelu and FusedMatMul fused), into an int8 one: every MatMul with a constant 2-D weight
/// becomes <c>com.microsoft.DynamicQuantizeMatMul</c> (weights int8, symmetric, one scale per
/// output column; activations quantized at run time) with the following bias <c>Add</c> folded in;
/// bias + residual + LayerNormalization become <c>SkipLayerNormalization</c>; and each head-split
/// attention block (Reshape, Transpose, scaled MatMul, mask Add, Softmax, MatMul, Transpose,
/// Reshape) becomes one <c>MultiHeadAttention</c> with a key padding mask.
/// </summary>
internal sealed class Int8GraphRewriter
{
    private const string Microsoft = "com.microsoft";
    private const string MaskName = "raggate_key_padding_mask";
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly HashSet<NodeProto> _removed = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, NodeProto> _producers = [];
    private Dictionary<string, List<NodeProto>> _consumers = [];

    private Int8GraphRewriter(GraphProto graph)
    {
        _graph = graph;
        _initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
    }

    /// <summary>What the rewrite changed, for logs and tests.</summary>
    public sealed record Summary(int QuantizedMatMuls, int SkipLayerNorms, int Attentions);

    /// <summary>Rewrites <paramref name="model"/> in place, keeping only the graph output <paramref name="outputName"/>.</summary>
    public static Summary Rewrite(ModelProto model, string outputName, bool fuseAttention = true, bool quantize = true, bool fuseSkipLayerNorm = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        // Other outputs (MiniLM's pooler) are never read; dropping them lets their nodes go too.
        var unused = graph.Output.Where(o => o.Name != outputName).ToList();
        foreach (var output in unused)
        {
            graph.Output.Remove(output);
        }

        var rewriter = new Int8GraphRewriter(graph);
        var attentions = fuseAttention ? rewriter.FuseAttention() : 0;
        var quantized = quantize ? rewriter.QuantizeMatMuls() : 0;
        var skips = fuseSkipLayerNorm ? rewriter.FuseSkipLayerNorm() : 0;
        rewriter.RemoveDeadNodes();
        // Shapes recorded for intermediate values by the optimizer may name values that are gone.
        graph.ValueInfo.Clear();
        if (!model.OpsetImport.Any(o => o.Domain == Microsoft))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = Microsoft, Version = 1 });
        }

        return new Summary(quantized, skips, attentions);
    }

    private void Index()
    {
        var live = _graph.Node.Where(n => !_removed.Contains(n)).ToList();
        _graph.Node.Clear();
        _graph.Node.Add(live);
        _removed.Clear();
        _producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        _consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in _graph.Node)
        {
            foreach (var output in node.Output)
            {
                _producers[output] = node;
            }

            foreach (var input in node.Input.Where(i => i.Length > 0))
            {
                if (!_consumers.TryGetValue(input, out var list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(node);
            }
        }
    }

    private NodeProto? Producer(string name, string opType) =>
        _producers.TryGetValue(name, out var node) && node.OpType == opType ? node : null;

    private NodeProto? SoleConsumer(string name) =>
        _consumers.TryGetValue(name, out var list) && list.Count == 1 && !_graph.Output.Any(o => o.Name == name) ? list[0] : null;

    private int FuseAttention()
    {
        Index();
        var fused = 0;
        foreach (var softmax in _graph.Node.Where(n => n.OpType == "Softmax").ToList())
        {
            if (TryFuseAttention(softmax))
            {
                fused++;
            }
        }

        if (fused > 0)
        {
            // The model's int64 attention mask, as the int32 key padding mask MultiHeadAttention reads.
            var mask = _graph.Input.First(i => i.Name == "attention_mask").Name;
            var cast = new NodeProto { OpType = "Cast", Name = "raggate_mask_cast", Input = { mask }, Output = { MaskName } };
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Int32 });
            _graph.Node.Insert(0, cast);
        }

        return fused;
    }

    // Softmax(Add(FusedMatMul(T(R(q)), T(R(k))), mask)) -> MatMul(., T(R(v))) -> Transpose -> Reshape.
    private bool TryFuseAttention(NodeProto softmax)
    {
        var add = Producer(softmax.Input[0], "Add");
        var scores = add is null ? null : add.Input.Select(i => Producer(i, "FusedMatMul")).FirstOrDefault(n => n is not null);
        var context = SoleConsumer(softmax.Output[0]);
        if (add is null || scores is null || context is not { OpType: "MatMul" } || context.Input[0] != softmax.Output[0])
        {
            return false;
        }

        var transposeOut = SoleConsumer(context.Output[0]);
        var reshapeOut = transposeOut is { OpType: "Transpose" } ? SoleConsumer(transposeOut.Output[0]) : null;
        var q = HeadSplit(scores.Input[0]);
        var k = HeadSplit(scores.Input[1]);
        var v = HeadSplit(context.Input[1]);
        if (reshapeOut is not { OpType: "Reshape" } || q is null || k is null || v is null
            || q.Value.Heads != k.Value.Heads || q.Value.Heads != v.Value.Heads)
        {
            return false;
        }

        var alpha = scores.Attribute.FirstOrDefault(a => a.Name == "alpha")?.F ?? 1f;
        var attention = new NodeProto
        {
            OpType = "MultiHeadAttention",
            Domain = Microsoft,
            Name = reshapeOut.Name + "_mha",
            Input = { q.Value.Source, k.Value.Source, v.Value.Source, "", MaskName },
            Output = { reshapeOut.Output[0] },
        };
        attention.Attribute.Add(new AttributeProto { Name = "num_heads", Type = AttributeProto.Types.AttributeType.Int, I = q.Value.Heads });
        attention.Attribute.Add(new AttributeProto { Name = "scale", Type = AttributeProto.Types.AttributeType.Float, F = alpha });
        _graph.Node.Insert(_graph.Node.IndexOf(reshapeOut), attention);
        foreach (var node in new[] { add, scores, softmax, context, transposeOut!, reshapeOut }
            .Concat(q.Value.Nodes).Concat(k.Value.Nodes).Concat(v.Value.Nodes))
        {
            _removed.Add(node);
        }

        return true;
    }

    // Transpose(Reshape(x, [b, s, heads, size])) with x used only there: x and the head count.
    private (string Source, long Heads, NodeProto[] Nodes)? HeadSplit(string name)
    {
        var transpose = Producer(name, "Transpose");
        var reshape = transpose is null ? null : Producer(transpose.Input[0], "Reshape");
        if (transpose is null || reshape is null || SoleConsumer(transpose.Output[0]) is null || SoleConsumer(reshape.Output[0]) is null
            || !_initializers.TryGetValue(reshape.Input[1], out var shape))
        {
            return null;
        }

        var dims = OnnxTensors.ReadInt64(shape);
        return dims.Length == 4 && dims[2] > 0 ? (reshape.Input[0], dims[2], [transpose, reshape]) : null;
    }

    private int QuantizeMatMuls()
    {
        Index();
        var count = 0;
        foreach (var matMul in _graph.Node.Where(n => n.OpType == "MatMul").ToList())
        {
            if (!_initializers.TryGetValue(matMul.Input[1], out var weight) || weight.Dims.Count != 2)
            {
                continue;
            }

            var columns = (int)weight.Dims[1];
            var (quantized, scales) = Int8Quantizer.QuantizeColumns(OnnxTensors.ReadFloats(weight), (int)weight.Dims[0], columns);
            var name = matMul.Input[1];
            var node = new NodeProto
            {
                OpType = "DynamicQuantizeMatMul",
                Domain = Microsoft,
                Name = matMul.Name + "_int8",
                Input = { matMul.Input[0], AddInitializer(OnnxTensors.Int8(name + "_int8", weight.Dims, quantized)), AddInitializer(OnnxTensors.Float(name + "_scale", [columns], scales)) },
                Output = { matMul.Output[0] },
            };
            var add = SoleConsumer(matMul.Output[0]);
            var bias = add is { OpType: "Add" } ? add.Input.FirstOrDefault(i => i != matMul.Output[0] && IsVector(i, columns)) : null;
            if (bias is not null)
            {
                node.Input.Add("");
                node.Input.Add(bias);
                node.Output[0] = add!.Output[0];
                _removed.Add(add);
            }

            _graph.Node[_graph.Node.IndexOf(matMul)] = node;
            count++;
        }

        return count;
    }

    private int FuseSkipLayerNorm()
    {
        Index();
        var count = 0;
        foreach (var norm in _graph.Node.Where(n => n.OpType == "LayerNormalization" && n.Input.Count == 3).ToList())
        {
            var add = Producer(norm.Input[0], "Add");
            var axis = norm.Attribute.FirstOrDefault(a => a.Name == "axis")?.I ?? -1;
            if (add is null || axis != -1 || SoleConsumer(add.Output[0]) != norm || add.Input.Any(_initializers.ContainsKey)
                || norm.Output.Count > 1 && norm.Output.Skip(1).Any(o => o.Length > 0))
            {
                continue;
            }

            var skip = new NodeProto
            {
                OpType = "SkipLayerNormalization",
                Domain = Microsoft,
                Name = norm.Name + "_skip",
                Input = { add.Input[0], add.Input[1], norm.Input[1], norm.Input[2] },
                Output = { norm.Output[0] },
            };
            var epsilon = norm.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            skip.Attribute.Add(new AttributeProto { Name = "epsilon", Type = AttributeProto.Types.AttributeType.Float, F = epsilon });
            _graph.Node[_graph.Node.IndexOf(norm)] = skip;
            _removed.Add(add);
            count++;
        }

        return count;
    }

    private bool IsVector(string name, int length) =>
        _initializers.TryGetValue(name, out var tensor) && tensor.Dims.Count == 1 && tensor.Dims[0] == length
        && tensor.DataType == (int)TensorProto.Types.DataType.Float;

    private string AddInitializer(TensorProto tensor)
    {
        _graph.Initializer.Add(tensor);
        _initializers[tensor.Name] = tensor;
        return tensor.Name;
    }

    private void RemoveDeadNodes()
    {
        Index();
        var outputs = _graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        bool changed;
        do
        {
            var used = _graph.Node.SelectMany(n => n.Input).Concat(outputs).ToHashSet(StringComparer.Ordinal);
            var dead = _graph.Node.Where(n => !n.Output.Any(used.Contains)).ToList();
            foreach (var node in dead)
            {
                _graph.Node.Remove(node);
            }

            changed = dead.Count > 0;
        }
        while (changed);

        var read = _graph.Node.SelectMany(n => n.Input).ToHashSet(StringComparer.Ordinal);
        foreach (var initializer in _graph.Initializer.Where(i => !read.Contains(i.Name)).ToList())
        {
            _graph.Initializer.Remove(initializer);
        }
    }
}
