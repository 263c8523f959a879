using System.Runtime.CompilerServices;
using NNTrainer.Persistence;
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

    /// <summary>Creates a max-pooling layer.</summary>
    /// <param name="inputShape">Shape of one input sample.</param>
    /// <param name="poolSize">Side of the square window (default 2, as in the book).</param>
    /// <param name="stride">Step between windows (default: <paramref name="poolSize"/>, non-overlapping windows).</param>
    public MaxPool2DLayer(ImageShape inputShape, int poolSize = 2, int? stride = null)
        : base(inputShape, poolSize, stride, nameof(MaxPool2DLayer))
    {
    }

    /// <summary>Tag 21 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = new(21, "MaxPool2D", 2, typeof(MaxPool2DLayer), Read);

    /// <summary>Reads a layer written by <c>Write</c> (model format 2).</summary>
    private static MaxPool2DLayer Read(ref PayloadReader r, string what)
    {
        var (shape, poolSize, stride) = ReadOptions(ref r, what);
        return new MaxPool2DLayer(shape, poolSize, stride);
    }

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        var output = PrepareOutput(inputs.Rows, OutputShape.Size);
        int needed = inputs.Rows * OutputShape.Size;
        if (_argMax.Length < needed) _argMax = new int[inputs.RowCapacity * OutputShape.Size];
        _rows = inputs.Rows;
        Pool(inputs, output, _argMax);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        CheckGradient(dValues, _rows);
        var dInputs = PrepareDInputs(_rows, InputShape.Size);
        var dx = dInputs.AsSpan();
        dx.Clear();
        var dy = dValues.AsSpan();
        int outSize = OutputShape.Size, inSize = InputShape.Size;
        for (int s = 0; s < _rows; s++)
        {
            var gradient = dx.Slice(s * inSize, inSize);
            var from = dy.Slice(s * outSize, outSize);
            var index = _argMax.AsSpan(s * outSize, outSize);
            for (int o = 0; o < outSize; o++) gradient[index[o]] += from[o];
        }
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, OutputShape.Size);
        Pool(inputs, outputs, null);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void Pool(Matrix inputs, Matrix outputs, int[]? argMax)
    {
        int planes = inputs.Rows * InputShape.Channels, height = InputShape.Height, width = InputShape.Width;
        int oh = OutputShape.Height, ow = OutputShape.Width, k = PoolSize, stride = Stride;
        int inPlane = height * width;
        bool pairs = k == 2 && stride == 2;
        fixed (float* x = inputs.Data, y = outputs.Data)
        fixed (int* index = argMax)
        {
            if (pairs)
            {
                // The book's 2×2 window at stride 2: vectorised (a compare-and-branch per value mispredicts on real images).
                int outPlane = oh * ow;
                for (int p = 0; p < planes; p++)
                {
                    // Indices are kept relative to the sample, as Backward scatters into one sample at a time.
                    int planeOffset = p * inPlane - p / InputShape.Channels * InputShape.Size;
                    MaxPool2x2Kernel.Plane(x + (long)p * inPlane, width, oh, ow, y + (long)p * outPlane, index == null ? null : index + (long)p * outPlane, planeOffset);
                }
                return;
            }
            int o = 0;
            for (int p = 0; p < planes; p++)
            {
                // Indices are kept relative to the sample, as Backward scatters into one sample at a time.
                int sampleBase = p / InputShape.Channels * InputShape.Size;
                float* plane = x + (long)p * inPlane;
                int planeOffset = p * inPlane - sampleBase;
                for (int oy = 0; oy < oh; oy++)
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
        }
    }

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) => AppendPool(graph, input, name, "MaxPool");
}
