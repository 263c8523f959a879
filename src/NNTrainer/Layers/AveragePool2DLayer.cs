using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// Average pooling (Keras's <c>AveragePooling2D</c>): each output is the mean of its window; the gradient is shared
/// equally among the window's values.
/// </summary>
public sealed class AveragePool2DLayer : Pool2DLayer
{
    private int _rows;

    /// <summary>Creates an average-pooling layer.</summary>
    /// <param name="inputShape">Shape of one input sample.</param>
    /// <param name="poolSize">Side of the square window (default 2).</param>
    /// <param name="stride">Step between windows (default: <paramref name="poolSize"/>, non-overlapping windows).</param>
    public AveragePool2DLayer(ImageShape inputShape, int poolSize = 2, int? stride = null)
        : base(inputShape, poolSize, stride, nameof(AveragePool2DLayer))
    {
    }

    /// <summary>Tag 22 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = PoolFormat(22, "AveragePool2D", typeof(AveragePool2DLayer), (shape, poolSize, stride) => new AveragePool2DLayer(shape, poolSize, stride));

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        _rows = inputs.Rows;
        Pool(inputs, PrepareOutput(inputs.Rows, OutputShape.Size));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Backward(Matrix dValues)
    {
        CheckGradient(dValues, _rows);
        var dInputs = PrepareDInputs(_rows, InputShape.Size);
        var dx = dInputs.AsSpan();
        dx.Clear();
        var dy = dValues.AsSpan();
        int channels = InputShape.Channels, height = InputShape.Height, width = InputShape.Width;
        int oh = OutputShape.Height, ow = OutputShape.Width, k = PoolSize, stride = Stride;
        int inSize = InputShape.Size;
        float share = 1f / (k * k);
        int o = 0;
        for (int s = 0; s < _rows; s++)
        {
            var sample = dx.Slice(s * inSize, inSize);
            for (int c = 0; c < channels; c++)
            {
                int plane = c * height * width;
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++, o++)
                    {
                        float g = dy[o] * share;
                        int at = plane + oy * stride * width + ox * stride;
                        for (int ky = 0; ky < k; ky++)
                        {
                            var line = sample.Slice(at + ky * width, k);
                            for (int kx = 0; kx < k; kx++) line[kx] += g;
                        }
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, OutputShape.Size);
        Pool(inputs, outputs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pool(Matrix inputs, Matrix outputs)
    {
        int channels = InputShape.Channels, height = InputShape.Height, width = InputShape.Width;
        int oh = OutputShape.Height, ow = OutputShape.Width, k = PoolSize, stride = Stride;
        int inSize = InputShape.Size;
        float share = 1f / (k * k);
        var x = inputs.AsSpan();
        var y = outputs.AsSpan();
        int o = 0;
        for (int s = 0; s < inputs.Rows; s++)
        {
            var sample = x.Slice(s * inSize, inSize);
            for (int c = 0; c < channels; c++)
            {
                int plane = c * height * width;
                for (int oy = 0; oy < oh; oy++)
                {
                    for (int ox = 0; ox < ow; ox++, o++)
                    {
                        int at = plane + oy * stride * width + ox * stride;
                        float sum = 0f;
                        for (int ky = 0; ky < k; ky++)
                        {
                            var line = sample.Slice(at + ky * width, k);
                            for (int kx = 0; kx < k; kx++) sum += line[kx];
                        }
                        y[o] = sum * share;
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The engine divides every window by k²; without padding ONNX's two counts agree, and this keeps them equal if pads appear.</remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        AppendPool(graph, input, name, "AveragePool", GraphAttribute.Integer("count_include_pad", 1));
}
