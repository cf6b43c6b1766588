using Onnx;

namespace RagGate.Engine.Embeddings.Quantization;

/// <summary>
/// Rewrites a BERT-style encoder graph, already optimized by ONNX Runtime (LayerNormalization,
/// BiasGelu and FusedMatMul fused), into an int8 one: each head-split attention block (Reshape,
/// Transpose, scaled MatMul, mask Add, Softmax, MatMul, Transpose, Reshape) becomes one
/// <c>MultiHeadAttention</c>, run without its key padding mask when the batch has no padding;
/// the query, key and value projections that read the same input become one MatMul and a Split;
/// and every MatMul with a constant 2-D weight becomes <c>com.microsoft.DynamicQuantizeMatMul</c>
/// (weights int8, symmetric, one scale per output column; activations quantized at run time) with
/// the following bias <c>Add</c> folded in (or the bias of a following <c>BiasGelu</c>, which becomes
/// <c>Gelu</c>).
/// </summary>
internal sealed class Int8GraphRewriter
{
    private const string Microsoft = "com.microsoft";
    private const string MaskName = "raggate_key_padding_mask";
    private const string UnpaddedName = "raggate_unpadded";
    private readonly GraphProto _graph;
    private readonly long _opset;
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly HashSet<NodeProto> _removed = new(ReferenceEqualityComparer.Instance);
    private Dictionary<string, NodeProto> _producers = [];
    private Dictionary<string, List<NodeProto>> _consumers = [];

    private Int8GraphRewriter(GraphProto graph, long opset)
    {
        _graph = graph;
        _opset = opset;
        _initializers = graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
    }

    /// <summary>What the rewrite changed, for logs and tests.</summary>
    public sealed record Summary(int QuantizedMatMuls, int Attentions, int PackedProjections);

    /// <summary>Rewrites <paramref name="model"/> in place, keeping only the graph output <paramref name="outputName"/>.</summary>
    public static Summary Rewrite(ModelProto model, string outputName, bool fuseAttention = true, bool quantize = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        // Other outputs (MiniLM's pooler) are never read; dropping them lets their nodes go too.
        var unused = graph.Output.Where(o => o.Name != outputName).ToList();
        foreach (var output in unused)
        {
            graph.Output.Remove(output);
        }

        var opset = model.OpsetImport.FirstOrDefault(o => o.Domain.Length == 0 || o.Domain == "ai.onnx")?.Version ?? 13;
        var rewriter = new Int8GraphRewriter(graph, opset);
        var attentions = fuseAttention ? rewriter.FuseAttention() : [];
        var packed = rewriter.PackProjections(attentions);
        var quantized = quantize ? rewriter.QuantizeMatMuls() : 0;
        // No SkipLayerNormalization: ONNX Runtime 1.31.1's CPU kernel for it took 13.3 ms a call on a
        // 32 x 256 x 384 batch where the residual Add and LayerNormalization it replaces took 1.8 + 3.7 ms
        // (profiled, first 100 SciFact passages, MiniLM, 2 threads); leaving them unfused was 1.14x
        // faster by CPU time over the whole model (embed-int8 A/B, docs/benchmarks.md).
        rewriter.RemoveDeadNodes();
        // Shapes recorded for intermediate values by the optimizer may name values that are gone.
        graph.ValueInfo.Clear();
        if (!model.OpsetImport.Any(o => o.Domain == Microsoft))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = Microsoft, Version = 1 });
        }

        return new Summary(quantized, attentions.Count, packed);
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

            // Distinct: an If's two branches both read the attention's inputs; it is one consumer.
            foreach (var input in AllInputs(node).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal))
            {
                if (!_consumers.TryGetValue(input, out var list))
                {
                    _consumers[input] = list = [];
                }

                list.Add(node);
            }
        }
    }

    // A node's inputs and those its subgraphs (If branches) read from the outer scope.
    private static IEnumerable<string> AllInputs(NodeProto node) =>
        node.Input.Concat(node.Attribute.Where(a => a.G is not null).SelectMany(a => a.G.Node).SelectMany(AllInputs));

    private NodeProto? Producer(string name, string opType) =>
        _producers.TryGetValue(name, out var node) && node.OpType == opType ? node : null;

    private NodeProto? SoleConsumer(string name) =>
        _consumers.TryGetValue(name, out var list) && list.Count == 1 && !_graph.Output.Any(o => o.Name == name) ? list[0] : null;

    private List<Attention> FuseAttention()
    {
        Index();
        var fused = new List<Attention>();
        foreach (var softmax in _graph.Node.Where(n => n.OpType == "Softmax").ToList())
        {
            if (TryFuseAttention(softmax) is { } attention)
            {
                fused.Add(attention);
            }
        }

        if (fused.Count > 0)
        {
            // The model's int64 attention mask, as the int32 key padding mask MultiHeadAttention reads,
            // and whether it is all ones (its least value, cast to bool: no row of the batch is padded).
            var mask = _graph.Input.First(i => i.Name == "attention_mask").Name;
            var cast = new NodeProto { OpType = "Cast", Name = "raggate_mask_cast", Input = { mask }, Output = { MaskName } };
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Int32 });
            var least = new NodeProto { OpType = "ReduceMin", Name = "raggate_mask_min", Input = { mask }, Output = { "raggate_mask_min" } };
            least.Attribute.Add(new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 });
            var unpadded = new NodeProto { OpType = "Cast", Name = "raggate_unpadded_cast", Input = { "raggate_mask_min" }, Output = { UnpaddedName } };
            unpadded.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Bool });
            _graph.Node.Insert(0, unpadded);
            _graph.Node.Insert(0, least);
            _graph.Node.Insert(0, cast);
        }

        return fused;
    }

    /// <summary>A fused attention node (an <c>If</c> over two <c>MultiHeadAttention</c>s) and the query, key and value it reads.</summary>
    private sealed record Attention(NodeProto Node, string Query, string Key, string Value);

    // Softmax(Add(FusedMatMul(T(R(q)), T(R(k))), mask)) -> MatMul(., T(R(v))) -> Transpose -> Reshape.
    private Attention? TryFuseAttention(NodeProto softmax)
    {
        var add = Producer(softmax.Input[0], "Add");
        var scores = add is null ? null : add.Input.Select(i => Producer(i, "FusedMatMul")).FirstOrDefault(n => n is not null);
        var context = SoleConsumer(softmax.Output[0]);
        if (add is null || scores is null || context is not { OpType: "MatMul" } || context.Input[0] != softmax.Output[0])
        {
            return null;
        }

        var transposeOut = SoleConsumer(context.Output[0]);
        var reshapeOut = transposeOut is { OpType: "Transpose" } ? SoleConsumer(transposeOut.Output[0]) : null;
        var q = HeadSplit(scores.Input[0]);
        var k = HeadSplit(scores.Input[1]);
        var v = HeadSplit(context.Input[1]);
        if (reshapeOut is not { OpType: "Reshape" } || q is null || k is null || v is null
            || q.Value.Heads != k.Value.Heads || q.Value.Heads != v.Value.Heads)
        {
            return null;
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
        // ONNX Runtime's CPU MultiHeadAttention takes its flash-attention path (no S x S score matrix
        // in memory) only without a key padding mask; with one it writes the mask and the scores of
        // every head out in full. A batch with no padded row needs no mask, so an If runs the maskless
        // attention then: 1.5-1.7x less time in attention on such batches (profiled, MiniLM, 32 x 256).
        // Both branches give the same vectors for an unpadded batch (a test).
        var output = reshapeOut.Output[0];
        var unmasked = attention.Clone();
        unmasked.Input[4] = "";
        unmasked.Output[0] = output + "_unpadded";
        var masked = attention.Clone();
        masked.Output[0] = output + "_padded";
        var choice = new NodeProto { OpType = "If", Name = reshapeOut.Name + "_if", Input = { UnpaddedName }, Output = { output } };
        choice.Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = Branch(unmasked) });
        choice.Attribute.Add(new AttributeProto { Name = "else_branch", Type = AttributeProto.Types.AttributeType.Graph, G = Branch(masked) });
        _graph.Node.Insert(_graph.Node.IndexOf(reshapeOut), choice);
        foreach (var node in new[] { add, scores, softmax, context, transposeOut!, reshapeOut }
            .Concat(q.Value.Nodes).Concat(k.Value.Nodes).Concat(v.Value.Nodes))
        {
            _removed.Add(node);
        }

        return new Attention(choice, q.Value.Source, k.Value.Source, v.Value.Source);
    }

    private static GraphProto Branch(NodeProto node) => new()
    {
        Name = node.Output[0],
        Node = { node },
        Output =
        {
            new ValueInfoProto
            {
                Name = node.Output[0],
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            },
        },
    };

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

    // Q, K and V are three MatMuls of the same input; one MatMul against the weights side by side,
    // then a Split, quantizes that input once instead of three times and runs one larger GEMM. The
    // int8 numbers do not change: the activation scale is per tensor (the same input) and the weight
    // scales per column. Measured: DynamicQuantizeMatMul + Split 2.66 s against 2.86 s unpacked (profiled).
    private int PackProjections(List<Attention> attentions)
    {
        Index();
        var count = 0;
        foreach (var attention in attentions)
        {
            var parts = new List<(NodeProto Add, NodeProto MatMul, float[] W, float[] B, long Rows, long Cols)>();
            foreach (var source in new[] { attention.Query, attention.Key, attention.Value })
            {
                var add = Producer(source, "Add");
                var mm = add is null ? null : add.Input.Select(x => Producer(x, "MatMul")).FirstOrDefault(x => x is not null);
                if (add is null || mm is null || SoleConsumer(add.Output[0]) != attention.Node || SoleConsumer(mm.Output[0]) != add
                    || !_initializers.TryGetValue(mm.Input[1], out var w) || w.Dims.Count != 2)
                {
                    break;
                }

                var bias = add.Input.First(x => x != mm.Output[0]);
                if (!IsVector(bias, (int)w.Dims[1]))
                {
                    break;
                }

                parts.Add((add, mm, OnnxTensors.ReadFloats(w), OnnxTensors.ReadFloats(_initializers[bias]), w.Dims[0], w.Dims[1]));
            }

            if (parts.Count != 3 || parts.Any(p => p.MatMul.Input[0] != parts[0].MatMul.Input[0] || p.Rows != parts[0].Rows)
                || parts.Select(p => p.Add).Distinct(ReferenceEqualityComparer.Instance).Count() != 3)
            {
                continue;
            }

            var rows = (int)parts[0].Rows;
            var cols = parts.Sum(p => (int)p.Cols);
            var weights = new float[rows * cols];
            for (var r = 0; r < rows; r++)
            {
                var offset = 0;
                foreach (var p in parts)
                {
                    Array.Copy(p.W, r * (int)p.Cols, weights, (r * cols) + offset, (int)p.Cols);
                    offset += (int)p.Cols;
                }
            }

            var prefix = attention.Node.Name + "_qkv";
            var packedWeight = AddInitializer(OnnxTensors.Float(prefix + "_weight", [rows, cols], weights));
            var b = AddInitializer(OnnxTensors.Float(prefix + "_bias", [cols], parts.SelectMany(p => p.B).ToArray()));
            var matMul = new NodeProto { OpType = "MatMul", Name = prefix + "_matmul", Input = { parts[0].MatMul.Input[0], packedWeight }, Output = { prefix + "_mm" } };
            var addNode = new NodeProto { OpType = "Add", Name = prefix + "_add", Input = { prefix + "_mm", b }, Output = { prefix } };
            var split = new NodeProto { OpType = "Split", Name = prefix + "_split", Input = { prefix }, Output = { parts.Select(p => p.Add.Output[0]) } };
            split.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = -1 });
            var sizes = parts.Select(p => p.Cols).ToArray();
            if (_opset >= 13)
            {
                split.Input.Add(AddInitializer(new TensorProto { Name = prefix + "_sizes", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 3 }, Int64Data = { sizes } }));
            }
            else
            {
                split.Attribute.Add(new AttributeProto { Name = "split", Type = AttributeProto.Types.AttributeType.Ints, Ints = { sizes } });
            }

            var at = _graph.Node.IndexOf(attention.Node);
            _graph.Node.Insert(at, split);
            _graph.Node.Insert(at, addNode);
            _graph.Node.Insert(at, matMul);
            foreach (var p in parts)
            {
                _removed.Add(p.Add);
                _removed.Add(p.MatMul);
            }

            count++;
        }

        return count;
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
            var next = SoleConsumer(matMul.Output[0]);
            var bias = next is { OpType: "Add" } ? next.Input.FirstOrDefault(i => i != matMul.Output[0] && IsVector(i, columns)) : null;
            if (bias is not null)
            {
                node.Input.Add("");
                node.Input.Add(bias);
                node.Output[0] = next!.Output[0];
                _removed.Add(next);
            }
            else if (next is { OpType: "BiasGelu" } && next.Input[0] == matMul.Output[0] && IsVector(next.Input[1], columns))
            {
                // The feed-forward bias goes into the DynamicQuantizeMatMul and BiasGelu becomes Gelu:
                // BiasGelu took 1,064 ms where Gelu took 557 ms on the same tensors (profiled, 5 runs
                // of 100 SciFact passages, MiniLM, 2 threads); the whole model 1.07x less CPU (A/B).
                node.Input.Add("");
                node.Input.Add(next.Input[1]);
                next.OpType = "Gelu";
                next.Input.RemoveAt(1);
            }

            _graph.Node[_graph.Node.IndexOf(matMul)] = node;
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
            var used = _graph.Node.SelectMany(AllInputs).Concat(outputs).ToHashSet(StringComparer.Ordinal);
            var dead = _graph.Node.Where(n => !n.Output.Any(used.Contains)).ToList();
            foreach (var node in dead)
            {
                _graph.Node.Remove(node);
            }

            changed = dead.Count > 0;
        }
        while (changed);

        var read = _graph.Node.SelectMany(AllInputs).ToHashSet(StringComparer.Ordinal);
        foreach (var initializer in _graph.Initializer.Where(i => !read.Contains(i.Name)).ToList())
        {
            _graph.Initializer.Remove(initializer);
        }
    }
}
