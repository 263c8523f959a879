using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace NNTrainer;

/// <summary>
/// A convolution over a batch by im2col + GEMM, one sample at a time, split into a fixed number of parts of
/// consecutive samples that the <see cref="WorkerPool"/> runs in parallel. Each part owns its column buffers and its
/// partial weight and bias gradients, which are summed in part order afterwards; the number of parts depends on the
/// batch only, never on the thread count, so one thread and many give bit-identical results.
/// </summary>
/// <remarks>Buffers are sized on the first batch and reused, so the steady state allocates nothing.</remarks>
internal sealed class ConvolutionJob : ParallelWork
{
    /// <summary>Parts a batch is split into (fewer for smaller batches): enough to keep a few threads busy.</summary>
    public const int MaxParts = 8;

    private readonly ConvolutionGeometry _g;
    private readonly int _filters;
    private readonly float[][] _columns = new float[MaxParts][];
    private readonly float[][] _weightGradients = new float[MaxParts][];
    private readonly float[][] _biasGradients = new float[MaxParts][];
    private bool _backward;
    private bool _inputGradient;
    private int _samples;
    private float[] _x = [];
    private float[] _y = [];
    private float[] _weights = [];
    private float[] _biases = [];
    private float[] _dY = [];
    private float[] _dX = [];

    public ConvolutionJob(in ConvolutionGeometry geometry, int filters)
    {
        _g = geometry;
        _filters = filters;
    }

    /// <summary>Parts for a batch of <paramref name="samples"/>.</summary>
    public static int Parts(int samples) => Math.Max(1, Math.Min(MaxParts, samples));

    /// <summary>Y[s] = W · columns(X[s]) + bias, for every sample of the batch.</summary>
    public void Forward(float[] x, float[] weights, float[] biases, float[] y, int samples, int threads)
    {
        (_x, _weights, _biases, _y, _samples, _backward) = (x, weights, biases, y, samples, false);
        WorkerPool.Shared.Run(this, Parts(samples), threads);
    }

    /// <summary>dW = Σ dY[s] · columns(X[s])ᵀ, dB = Σ dY[s] summed over positions, and dX[s] = col2im(Wᵀ · dY[s]) when <paramref name="dX"/> is set.</summary>
    public void Backward(float[] x, float[] weights, float[] dY, float[]? dX, float[] weightGradients, float[] biasGradients, int samples, int threads)
    {
        (_x, _weights, _dY, _dX, _samples, _backward, _inputGradient) = (x, weights, dY, dX ?? [], samples, true, dX is not null);
        int parts = Parts(samples);
        WorkerPool.Shared.Run(this, parts, threads);
        // Sum the parts in order: the same additions for any number of threads.
        _weightGradients[0].AsSpan(0, weightGradients.Length).CopyTo(weightGradients);
        _biasGradients[0].AsSpan(0, biasGradients.Length).CopyTo(biasGradients);
        for (int p = 1; p < parts; p++)
        {
            TensorPrimitives.Add(weightGradients, _weightGradients[p].AsSpan(0, weightGradients.Length), weightGradients);
            TensorPrimitives.Add(biasGradients, _biasGradients[p].AsSpan(0, biasGradients.Length), biasGradients);
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        int patch = _g.PatchSize, positions = _g.Positions, inputSize = _g.InputSize, outputSize = _filters * positions;
        var columns = _columns[part] ??= new float[(long)patch * positions];
        if (!_backward)
        {
            for (int s = from; s < to; s++)
            {
                var y = _y.AsSpan(s * outputSize, outputSize);
                for (int m = 0; m < _filters; m++) y.Slice(m * positions, positions).Fill(_biases[m]);
                Im2Col.Expand(_x.AsSpan(s * inputSize, inputSize), in _g, columns);
                GemmKernels.MultiplyNN(_weights, columns, y, _filters, patch, positions, accumulate: true, numberOfThreads: 1);
            }
            return;
        }
        var dW = _weightGradients[part] ??= new float[_filters * patch];
        var dB = _biasGradients[part] ??= new float[_filters];
        Array.Clear(dB);
        for (int s = from; s < to; s++)
        {
            var dY = _dY.AsSpan(s * outputSize, outputSize);
            Im2Col.Expand(_x.AsSpan(s * inputSize, inputSize), in _g, columns);
            GemmKernels.MultiplyNT(dY, columns, dW, _filters, positions, patch, accumulate: s > from, numberOfThreads: 1);
            for (int m = 0; m < _filters; m++) dB[m] += TensorPrimitives.Sum<float>(dY.Slice(m * positions, positions));
            if (_inputGradient)
            {
                // The columns are no longer needed for this sample: reuse them for Wᵀ·dY.
                GemmKernels.MultiplyTN(_weights, dY, columns, patch, _filters, positions, accumulate: false, numberOfThreads: 1);
                var dX = _dX.AsSpan(s * inputSize, inputSize);
                dX.Clear();
                Im2Col.Accumulate(columns, in _g, dX);
            }
        }
        if (from == to) Array.Clear(dW);
    }
}
