using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Runs batches of encoded texts through one ONNX Runtime session, pools token vectors per the
/// model's pooling and L2-normalizes. Session.Run is thread-safe, so callers may run concurrently.
/// </summary>
internal sealed class OnnxEmbeddingRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly EmbeddingModelInfo _model;
    private readonly string[] _outputNames;
    private readonly bool _needsTokenTypes;

    public OnnxEmbeddingRunner(EmbeddingModelInfo model, byte[] modelBytes, int threads, bool spinBetweenRuns = true)
    {
        _model = model;
        SpinsBetweenRuns = spinBetweenRuns;
        using var options = CreateSessionOptions(threads, spinBetweenRuns);
        _session = new InferenceSession(modelBytes, options);
        _outputNames = [model.OutputName];
        _needsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
    }

    /// <summary>Whether the session's intra-op threads spin between runs.</summary>
    public bool SpinsBetweenRuns { get; }

    /// <summary>Session options shared with the benchmark's bare session, so both run alike.</summary>
    public static SessionOptions CreateSessionOptions(int threads, bool spinBetweenRuns = true)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        if (!spinBetweenRuns)
        {
            // Measured with `benchmarks serve` on 2 cores, two runs each way, load 3.5-5: p99/p50 at half the
            // saturation rate 2.0 and 2.2 for /retrieve with spinning off against 3.0 and 2.8 with it on (/answer
            // 1.6 and 2.1 against 2.4 and 2.6), the same saturation within the runs' noise: the spinning
            // workers hold both cores between small query runs while Kestrel's threads wait. A corpus
            // embedding keeps spinning: its runs follow each other at once.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }

        return options;
    }

    /// <summary>
    /// Embeds one batch; returns one unit vector per row and the time spent in the model.
    /// <paramref name="shrinkArena"/> returns the memory arena's unused growth to the system after the run.
    /// </summary>
    public (float[][] Vectors, TimeSpan Elapsed) Run(IReadOnlyList<long[]> rows, CancellationToken cancellationToken, bool shrinkArena = false)
    {
        var batch = BatchInputs.Build(rows);
        using var runOptions = new RunOptions();
        if (shrinkArena)
        {
            // The arena keeps its peak for the session's life: embedding a corpus in batches of 32 x 256
            // word pieces grows it by ~380 MB, which a server that built its index at start then held
            // at rest forever (measured: 786 MB RSS at rest vs 304 MB with the index built beforehand).
            runOptions.AddRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
        }

        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, batch.Shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, batch.Shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, batch.Shape);
        string[] names = _needsTokenTypes ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
        OrtValue[] values = _needsTokenTypes ? [ids, mask, types] : [ids, mask];

        var watch = Stopwatch.StartNew();
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, names, values, _outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            // A run stopped through RunOptions.Terminate fails with "Exiting due to terminate flag being
            // set to true"; on Ctrl-C that is a cancellation, not an error with a stack trace.
            throw new OperationCanceledException(cancellationToken);
        }

        using var disposeOutputs = outputs;
        var elapsed = watch.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();
        return (Pool(outputs[0].GetTensorDataAsSpan<float>(), rows, batch.Width), elapsed);
    }

    private float[][] Pool(ReadOnlySpan<float> hidden, IReadOnlyList<long[]> rows, int width)
    {
        var dims = _model.Dimensions;
        var vectors = new float[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var vector = new float[dims];
            var rowStart = r * width * dims;
            var used = _model.Pooling == EmbeddingPooling.Cls ? 1 : rows[r].Length;
            for (var t = 0; t < used; t++)
            {
                TensorPrimitives.Add(vector, hidden.Slice(rowStart + (t * dims), dims), vector);
            }

            // Mean pooling's division cancels in the normalization, so only the norm is divided out.
            var norm = TensorPrimitives.Norm<float>(vector);
            TensorPrimitives.Divide(vector, Math.Max(norm, 1e-12f), vector);
            vectors[r] = vector;
        }

        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
