using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// Max pooling (Keras's <c>MaxPooling2D</c>, the book's POOL layer): each output is the largest value of its window;
/// the gradient flows back to that value only (to the first one, if several are equal).
/// </summary>
public sealed class MaxPool2DLayer : Pool2DLayer
{
    private int[] _argMax = [];
    private int _rows;
    private Matrix? _rectifiedInputs;

    /// <summary>Creates a max-pooling layer.</summary>
    /// <param name="inputShape">Shape of one input sample.</param>
    /// <param name="poolSize">Side of the square window (default 2, as in the book).</param>
    /// <param name="stride">Step between windows (default: <paramref name="poolSize"/>, non-overlapping windows).</param>
    public MaxPool2DLayer(ImageShape inputShape, int poolSize = 2, int? stride = null)
        : base(inputShape, poolSize, stride, nameof(MaxPool2DLayer))
    {
    }

    /// <summary>Tag 21 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = PoolFormat(21, "MaxPool2D", typeof(MaxPool2DLayer), (shape, poolSize, stride) => new MaxPool2DLayer(shape, poolSize, stride));

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        var output = PrepareOutput(inputs.Rows, OutputShape.Size);
        int needed = inputs.Rows * OutputShape.Size;
        if (_argMax.Length < needed) _argMax = new int[inputs.RowCapacity * OutputShape.Size];
        _rows = inputs.Rows;
        _rectifiedInputs = null;
        Run(PoolJob.Mode.Forward, inputs, output, _argMax, inputs.Rows);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        CheckGradient(dValues, _rows);
        var dInputs = PrepareDInputs(_rows, InputShape.Size);
        Run(PoolJob.Mode.Backward, dValues, dInputs, _argMax, _rows);
    }

    /// <summary>
    /// The forward pass of a ReLU and this layer in one (the fused ReLU → max-pool training step): pools <c>max(0, x)</c> of the
    /// ReLU's <paramref name="inputs"/> without writing the ReLU's output; the maxima and positions are those the two
    /// layers give. Only for 2×2 windows at stride 2.
    /// </summary>
    internal void ForwardRectified(Matrix inputs)
    {
        CheckInputs(inputs);
        if (PoolSize != 2 || Stride != 2) throw new InvalidOperationException("Rectified pooling is for 2×2 windows at stride 2.");
        var output = PrepareOutput(inputs.Rows, OutputShape.Size);
        if (_argMax.Length < inputs.Rows * OutputShape.Size) _argMax = new int[inputs.RowCapacity * OutputShape.Size];
        _rows = inputs.Rows;
        _rectifiedInputs = inputs;
        Run(PoolJob.Mode.RectifiedForward, inputs, output, _argMax, inputs.Rows);
    }

    /// <summary>
    /// The backward pass of this layer and the ReLU before it in one, after <see cref="ForwardRectified"/>:
    /// <see cref="Layer.DInputs"/> is then the gradient with respect to the ReLU's inputs.
    /// </summary>
    internal void BackwardRectified(Matrix dValues)
    {
        CheckGradient(dValues, _rows);
        var dInputs = PrepareDInputs(_rows, InputShape.Size);
        Run(PoolJob.Mode.RectifiedBackward, dValues, dInputs, _argMax, _rows);
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, OutputShape.Size);
        Run(PoolJob.Mode.Forward, inputs, outputs, null, inputs.Rows);
    }

    /// <summary>Values of input per worker below which a pass runs on the calling thread alone: waking a worker costs more.</summary>
    private const int ParallelGrain = 32 * 1024;

    /// <summary>
    /// Runs a pass over the batch's planes, split into contiguous blocks over <see cref="Layer.NumberOfThreads"/> threads.
    /// Every plane is pooled (and its gradient written) by the same operations whichever thread takes it, so the result does
    /// not depend on the thread count.
    /// </summary>
    private void Run(PoolJob.Mode mode, Matrix source, Matrix destination, int[]? argMax, int rows)
    {
        int planes = rows * InputShape.Channels;
        int threads = (int)Math.Min(NumberOfThreads, (long)planes * InputShape.Height * InputShape.Width / ParallelGrain);
        if (threads <= 1)
        {
            RunPlanes(mode, source, destination, argMax, 0, planes);
            return;
        }
        var job = PoolJob.Current;
        job.Set(this, mode, source, destination, argMax, planes);
        WorkerPool.Shared.Run(job, threads, threads);
        job.Clear();
    }

    /// <summary>Pools planes [<paramref name="from"/>, <paramref name="to"/>) forward, or writes their input gradient.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void RunPlanes(PoolJob.Mode mode, Matrix source, Matrix destination, int[]? argMax, int from, int to)
    {
        int channels = InputShape.Channels, height = InputShape.Height, width = InputShape.Width;
        int oh = OutputShape.Height, ow = OutputShape.Width;
        int inPlane = height * width, outPlane = oh * ow;
        bool pairs = PoolSize == 2 && Stride == 2;
        bool rectify = mode is PoolJob.Mode.RectifiedForward or PoolJob.Mode.RectifiedBackward;
        fixed (float* x = source.Data, y = destination.Data, relu = rectify ? _rectifiedInputs!.Data : null)
        fixed (int* index = argMax)
        {
            for (int p = from; p < to; p++)
            {
                // Indices are kept relative to the sample: the offset of the plane within its sample.
                int planeOffset = p % channels * inPlane;
                int* planeIndex = index == null ? null : index + (long)p * outPlane;
                if (mode is PoolJob.Mode.Forward or PoolJob.Mode.RectifiedForward)
                {
                    // The book's 2×2 window at stride 2 is vectorised (a compare-and-branch per value mispredicts on real images).
                    if (pairs) MaxPool2x2Kernel.Plane(x + (long)p * inPlane, width, oh, ow, y + (long)p * outPlane, planeIndex, planeOffset, rectify: rectify);
                    else PoolPlane(x + (long)p * inPlane, y + (long)p * outPlane, planeIndex, planeOffset);
                    continue;
                }
                var dx = new Span<float>(y + (long)p * inPlane, inPlane);
                var dy = new ReadOnlySpan<float>(x + (long)p * outPlane, outPlane);
                if (pairs)
                {
                    // Windows tile the plane but for an odd last row or column, which no gradient reaches.
                    if ((height | width) % 2 != 0) dx.Clear();
                    MaxPool2x2Kernel.Backward(x + (long)p * outPlane, planeIndex, planeOffset, width, oh, ow, y + (long)p * inPlane, rectified: rectify ? relu + (long)p * inPlane : null);
                    continue;
                }
                dx.Clear();
                for (int o = 0; o < outPlane; o++) dx[planeIndex[o] - planeOffset] += dy[o];
            }
        }
    }

    /// <summary>Any window and stride: the window's first largest value and its position.</summary>
    private unsafe void PoolPlane(float* plane, float* y, int* index, int planeOffset)
    {
        int width = InputShape.Width, oh = OutputShape.Height, ow = OutputShape.Width, k = PoolSize, stride = Stride;
        for (int oy = 0, o = 0; oy < oh; oy++)
        {
            for (int ox = 0; ox < ow; ox++, o++)
            {
                int at = oy * stride * width + ox * stride;
                int best = at;
                float max = plane[at];
                for (int ky = 0; ky < k; ky++)
                {
                    int line = at + ky * width;
                    for (int kx = 0; kx < k; kx++)
                    {
                        if (plane[line + kx] > max)
                        {
                            max = plane[line + kx];
                            best = line + kx;
                        }
                    }
                }
                y[o] = max;
                if (index != null) index[o] = planeOffset + best;
            }
        }
    }

    /// <summary>A pass handed to the <see cref="WorkerPool"/>: part p takes the p-th contiguous block of planes.</summary>
    private sealed class PoolJob : ParallelWork
    {
        [ThreadStatic]
        private static PoolJob? _current;

        private MaxPool2DLayer? _layer;
        private Mode _mode;
        private Matrix? _source;
        private Matrix? _destination;
        private int[]? _argMax;
        private int _planes;

        public enum Mode
        {
            Forward,
            Backward,
            RectifiedForward,
            RectifiedBackward,
        }

        public static PoolJob Current => _current ??= new PoolJob();

        public void Set(MaxPool2DLayer layer, Mode mode, Matrix source, Matrix destination, int[]? argMax, int planes) =>
            (_layer, _mode, _source, _destination, _argMax, _planes) = (layer, mode, source, destination, argMax, planes);

        public void Clear() => (_layer, _source, _destination, _argMax) = (null, null, null, null);

        public override void Run(int part, int parts) =>
            _layer!.RunPlanes(_mode, _source!, _destination!, _argMax, (int)((long)_planes * part / parts), (int)((long)_planes * (part + 1) / parts));
    }

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) => AppendPool(graph, input, name, "MaxPool");
}
