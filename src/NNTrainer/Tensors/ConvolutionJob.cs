using System.Numerics.Tensors;

namespace NNTrainer.Tensors;

/// <summary>
/// A convolution over a batch by im2col + GEMM, a few samples per product while their columns are small and one
/// otherwise (see <see cref="GroupSize"/>), split into a fixed number of parts of
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
    private readonly bool _fast;
    private readonly WinogradConvolution? _winograd;
    private readonly WinogradConvolution? _winogradInputGradient;
    private readonly WinogradWeightGradient? _winogradWeightGradient;
    private readonly SingleChannelWeightGradient? _singleChannelWeightGradient;
    private readonly SingleChannelForward? _singleChannelForward;
    private readonly float[][] _columns = new float[MaxParts][];
    private readonly float[][] _blocks = new float[MaxParts][];
    private readonly float[][] _weightGradients = new float[MaxParts][];
    private readonly float[][] _biasGradients = new float[MaxParts][];
    private bool _backward;
    private bool _inputGradient;
    private bool _weightGradient;
    private int _samples;
    private float[] _x = [];
    private float[] _y = [];
    private float[] _weights = [];
    private float[] _biases = [];
    private float[] _dY = [];
    private float[] _dX = [];
    private float[]? _transposedSum;

    /// <param name="geometry">The convolution's geometry.</param>
    /// <param name="filters">Output channels.</param>
    /// <param name="allowWinograd">
    /// False keeps im2col + GEMM even where <see cref="WinogradConvolution.Applies"/> or
    /// <see cref="SingleChannelWeightGradient.Create"/> or <see cref="SingleChannelForward.Create"/> would serve: the reference the tests compare those kernels with.
    /// </param>
    /// <param name="winogradWhereverItApplies">
    /// True uses Winograd in both directions wherever <see cref="WinogradConvolution.Applies"/> holds, even where
    /// <see cref="WinogradConvolution.Pays"/> does not: so that tests cover every Winograd path with small geometries.
    /// </param>
    public ConvolutionJob(in ConvolutionGeometry geometry, int filters, bool allowWinograd = true, bool winogradWhereverItApplies = false)
    {
        _g = geometry;
        _filters = filters;
        _fast = Im2ColAvx512.Supports(in geometry);
        if (allowWinograd)
        {
            _winograd = WinogradConvolution.Forward(in geometry, filters, winogradWhereverItApplies);
            _winogradInputGradient = WinogradConvolution.InputGradient(in geometry, filters, winogradWhereverItApplies);
            _singleChannelWeightGradient = SingleChannelWeightGradient.Create(in geometry, filters);
            _singleChannelForward = SingleChannelForward.Create(in geometry, filters);
            _winogradWeightGradient = _singleChannelWeightGradient is null ? WinogradWeightGradient.Create(in geometry, filters) : null;
        }
    }

    /// <summary>Parts for a batch of <paramref name="samples"/>.</summary>
    public static int Parts(int samples) => Math.Max(1, Math.Min(MaxParts, samples));

    /// <summary>Y[s] = W · columns(X[s]) + bias, for every sample of the batch.</summary>
    public void Forward(float[] x, float[] weights, float[] biases, float[] y, int samples, int threads)
    {
        if (_winograd is not null)
        {
            _winograd.Run(x, weights, biases, y, samples, threads);
            return;
        }
        if (_singleChannelForward is not null)
        {
            _singleChannelForward.Run(x, weights, biases, y, samples, threads);
            return;
        }
        (_x, _weights, _biases, _y, _samples, _backward) = (x, weights, biases, y, samples, false);
        WorkerPool.Shared.Run(this, Parts(samples), threads);
    }

    /// <summary>dW = Σ dY[s] · columns(X[s])ᵀ, dB = Σ dY[s] summed over positions, and dX[s] = col2im(Wᵀ · dY[s]) when <paramref name="dX"/> is set.</summary>
    public void Backward(float[] x, float[] weights, float[] dY, float[]? dX, float[] weightGradients, float[] biasGradients, int samples, int threads)
    {
        // With Winograd the input gradient is its own pass after the weight gradient's (see WinogradConvolution).
        bool winograd = dX is not null && _winogradInputGradient is not null;
        (_x, _weights, _dY, _dX, _samples, _backward, _inputGradient) = (x, weights, dY, dX ?? [], samples, true, dX is not null && !winograd);
        int parts = Parts(samples);
        if (_winogradWeightGradient is not null || _singleChannelWeightGradient is not null)
        {
            if (_singleChannelWeightGradient is not null) _singleChannelWeightGradient.Run(x, dY, weightGradients, biasGradients, samples, threads);
            else _winogradWeightGradient!.Run(x, dY, weightGradients, biasGradients, samples, threads);
            // What is left for im2col is the input gradient alone: Wᵀ·dY and col2im, without the columns of X.
            _weightGradient = false;
            if (_inputGradient) WorkerPool.Shared.Run(this, parts, threads);
            if (winograd) _winogradInputGradient!.Run(dY, weights, null, dX!, samples, threads);
            return;
        }
        _weightGradient = true;
        WorkerPool.Shared.Run(this, parts, threads);
        // Sum the parts' dWᵀ in order (the same additions for any number of threads), then transpose into dW.
        var sum = _transposedSum ??= new float[weightGradients.Length];
        _weightGradients[0].AsSpan(0, sum.Length).CopyTo(sum);
        _biasGradients[0].AsSpan(0, biasGradients.Length).CopyTo(biasGradients);
        for (int p = 1; p < parts; p++)
        {
            TensorPrimitives.Add(sum, _weightGradients[p].AsSpan(0, sum.Length), sum);
            TensorPrimitives.Add(biasGradients, _biasGradients[p].AsSpan(0, biasGradients.Length), biasGradients);
        }
        int patch = _g.PatchSize;
        for (int i = 0; i < patch; i++)
        {
            for (int m = 0; m < _filters; m++) weightGradients[m * patch + i] = sum[i * _filters + m];
        }
        if (winograd) _winogradInputGradient!.Run(dY, weights, null, dX!, samples, threads);
    }

    /// <summary>
    /// Samples side by side in one GEMM: enough that each product has about <see cref="GroupColumns"/> columns, where
    /// the GEMM's packing and edge handling stop mattering (a 28×28 output alone has 784), but no more than keep the
    /// column matrix within <see cref="ColumnBudget"/> values. Past that the columns are written to and read back from
    /// the third-level cache, three times per sample (im2col, the products, col2im): LeNet's second convolution
    /// (500 × 196 values a sample) ran 10–15 % faster one sample per product than six.
    /// </summary>
    /// <remarks>The grouping never changes a result: each output is its own chain of fused multiply-adds, and the
    /// weight gradient's chain over positions continues from one product to the next in the same order.</remarks>
    private int GroupSize
    {
        get
        {
            long perSample = (long)_g.PatchSize * _g.Positions;
            int byColumns = (GroupColumns + _g.Positions - 1) / _g.Positions;
            return (int)Math.Max(1, Math.Min(byColumns, ColumnBudget / Math.Max(1, perSample)));
        }
    }

    private const int GroupColumns = 1024;

    /// <summary>Values of the column matrix a product may span: 512 KB, half a second-level cache.</summary>
    private const long ColumnBudget = 128 * 1024;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Run(int part, int parts)
    {
        int from = (int)((long)_samples * part / parts);
        int to = (int)((long)_samples * (part + 1) / parts);
        int patch = _g.PatchSize, positions = _g.Positions, inputSize = _g.InputSize, outputSize = _filters * positions;
        int group = GroupSize, width = group * positions;
        // Columns of `group` samples side by side ([C·k·k × group·positions]) and the matching [filters × group·positions] block.
        var columns = _columns[part] ??= new float[(long)patch * width];
        // One sample per product needs no block: the product is written straight into its output, read straight from dY.
        var block = group > 1 ? _blocks[part] ??= new float[(long)_filters * width] : [];
        if (!_backward)
        {
            for (int first = from; first < to; first += group)
            {
                int count = Math.Min(group, to - first), ld = count * positions;
                for (int g = 0; g < count; g++) Expand(_x.AsSpan((first + g) * inputSize, inputSize), columns.AsSpan(g * positions), ld);
                if (count == 1)
                {
                    ForwardOne(columns, _y.AsSpan(first * outputSize, outputSize));
                    continue;
                }
                GemmKernels.MultiplyNN(_weights, columns.AsSpan(0, patch * ld), block.AsSpan(0, _filters * ld), _filters, patch, ld, accumulate: false, numberOfThreads: 1);
                for (int g = 0; g < count; g++)
                {
                    var y = _y.AsSpan((first + g) * outputSize, outputSize);
                    for (int m = 0; m < _filters; m++)
                    {
                        TensorPrimitives.Add(block.AsSpan(m * ld + g * positions, positions), _biases[m], y.Slice(m * positions, positions));
                    }
                }
            }
            return;
        }
        var dW = _weightGradient ? _weightGradients[part] ??= new float[_filters * patch] : [];
        var dB = _weightGradient ? _biasGradients[part] ??= new float[_filters] : [];
        Array.Clear(dB);
        if (from == to) Array.Clear(dW);
        for (int first = from; first < to; first += group)
        {
            int count = Math.Min(group, to - first), ld = count * positions;
            for (int g = 0; g < count; g++)
            {
                if (_weightGradient) Expand(_x.AsSpan((first + g) * inputSize, inputSize), columns.AsSpan(g * positions), ld);
                var dY = _dY.AsSpan((first + g) * outputSize, outputSize);
                for (int m = 0; m < _filters; m++)
                {
                    var source = dY.Slice(m * positions, positions);
                    if (count > 1) source.CopyTo(block.AsSpan(m * ld + g * positions, positions));
                    if (_weightGradient) dB[m] += TensorPrimitives.Sum<float>(source);
                }
            }
            var dYBlock = count > 1 ? block.AsSpan(0, _filters * ld) : _dY.AsSpan(first * outputSize, outputSize);
            // dWᵀ [C·k·k × filters] = columns · dYᵀ rather than dW = dY · columnsᵀ: the GEMM packs the transpose of its
            // right operand, here dY's block rather than the C·k·k-row columns (for LeNet's second convolution that
            // halved the weight gradient's time), and a first layer with fewer patch values than filters would otherwise
            // get a dW of a handful of columns. Each value is the same chain of fused multiply-adds either way
            // (a·b = b·a exactly), so the gradient is bit-identical to the untransposed product's.
            if (_weightGradient) GemmKernels.MultiplyNT(columns.AsSpan(0, patch * ld), dYBlock, dW, patch, ld, _filters, accumulate: first > from, numberOfThreads: 1);
            if (!_inputGradient) continue;
            // The columns are no longer needed for these samples: reuse them for Wᵀ·dY.
            GemmKernels.MultiplyTN(_weights, dYBlock, columns.AsSpan(0, patch * ld), patch, _filters, ld, accumulate: false, numberOfThreads: 1);
            for (int g = 0; g < count; g++)
            {
                var dX = _dX.AsSpan((first + g) * inputSize, inputSize);
                if (_fast)
                {
                    Im2ColAvx512.Gather(columns.AsSpan(g * positions), ld, in _g, dX);
                    continue;
                }
                dX.Clear();
                Im2Col.Accumulate(columns.AsSpan(g * positions), ld, in _g, dX);
            }
        }
    }

    /// <summary>
    /// y = W · columns + bias of one sample, the bias added by the GEMM's epilogue as each tile is stored (the same one
    /// addition per value as adding it afterwards), so the product needs no block and no scatter.
    /// </summary>
    private unsafe void ForwardOne(ReadOnlySpan<float> columns, Span<float> y)
    {
        fixed (float* w = _weights, b = _biases, c = columns, py = y)
        {
            var problem = new GemmProblem
            {
                A = w, ARowStride = _g.PatchSize, AColumnStride = 1,
                B = c, Ldb = _g.Positions,
                C = py, Ldc = _g.Positions,
                Epilogue = { RowBias = b },
                M = _filters, N = _g.Positions, K = _g.PatchSize,
            };
            GemmKernels.Run(ref problem, 1, GemmIsaExtensions.Best);
        }
    }

    private void Expand(ReadOnlySpan<float> image, Span<float> columns, int ld)
    {
        if (_fast) Im2ColAvx512.Expand(image, in _g, columns, ld);
        else Im2Col.Expand(image, in _g, columns, ld);
    }
}
