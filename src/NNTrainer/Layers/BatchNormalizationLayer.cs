using System.Numerics.Tensors;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// Batch normalisation (Keras's <c>BatchNormalization</c>): each channel is normalised to zero mean and unit variance,
/// then scaled by a learned γ and shifted by a learned β. Training uses the batch's statistics and updates running
/// averages of them; inference (and <c>Forward(training: false)</c>) uses the running averages.
/// </summary>
/// <remarks>
/// After a dense layer, each feature is a channel (shape F×1×1); after a convolution, the statistics of a channel
/// are taken over the batch and all its positions. The running averages follow ONNX's and Keras's convention,
/// running = momentum · running + (1 − momentum) · batch, with the unbiased batch variance (as PyTorch keeps it);
/// the normalisation itself uses the biased one.
/// </remarks>
public sealed class BatchNormalizationLayer : SpatialLayer
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Parameter[] _parameters;
    // Per channel: the statistics in use, the backward pass's dx = a·dy + b·x + c coefficients, and its sums.
    private readonly float[] _mean, _invStd, _variance, _a, _b, _c, _sums, _squares;
    private Matrix? _inputs;
    private bool _batchStatistics;

    /// <summary>Batch normalisation after a dense layer: one channel per feature.</summary>
    /// <param name="features">Values per sample.</param>
    /// <param name="momentum">Weight of the old running value in each update, in [0, 1) (default 0.9, PyTorch's 0.1 in its convention).</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0 (default 1e-5, as ONNX and PyTorch; Keras uses 1e-3).</param>
    public BatchNormalizationLayer(int features, float momentum = 0.9f, float epsilon = 1e-5f)
        : this(new ImageShape(features, 1, 1), momentum, epsilon)
    {
    }

    /// <summary>Batch normalisation after a convolution: one channel per feature map.</summary>
    /// <param name="inputShape">Shape of one sample; its channels are normalised.</param>
    /// <param name="momentum">Weight of the old running value in each update, in [0, 1) (default 0.9, PyTorch's 0.1 in its convention).</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0 (default 1e-5, as ONNX and PyTorch; Keras uses 1e-3).</param>
    public BatchNormalizationLayer(ImageShape inputShape, float momentum = 0.9f, float epsilon = 1e-5f)
        : base(Checked(inputShape), inputShape)
    {
        if (!(momentum >= 0f && momentum < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "BatchNormalizationLayer: momentum weights the old running value and must be in [0, 1).");
        }
        if (!(epsilon > 0f) || float.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "BatchNormalizationLayer: epsilon must be a finite number > 0.");
        }
        Momentum = momentum;
        Epsilon = epsilon;
        int channels = inputShape.Channels;
        _gamma = new Parameter("gamma", 1, channels);
        _beta = new Parameter("beta", 1, channels);
        _gamma.Values.AsSpan().Fill(1f);
        _parameters = [_gamma, _beta];
        RunningMean = new float[channels];
        RunningVariance = new float[channels];
        RunningVariance.AsSpan().Fill(1f);
        (_mean, _invStd, _variance, _a, _b, _c, _sums, _squares) = (new float[channels], new float[channels], new float[channels], new float[channels], new float[channels], new float[channels], new float[channels], new float[channels]);
    }

    /// <summary>Weight of the old running value in each running-average update.</summary>
    public float Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <summary>The learned scale γ, [1 × channels] (starts at 1).</summary>
    public Parameter Gamma => _gamma;

    /// <summary>The learned shift β, [1 × channels] (starts at 0).</summary>
    public Parameter Beta => _beta;

    /// <summary>Running average of each channel's mean, used at inference (starts at 0).</summary>
    public float[] RunningMean { get; }

    /// <summary>Running average of each channel's (unbiased) variance, used at inference (starts at 1).</summary>
    public float[] RunningVariance { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc />
    internal override IReadOnlyList<float[]> State => [RunningMean, RunningVariance];

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        _inputs = inputs;
        _batchStatistics = training;
        var output = PrepareOutput(inputs.Rows, InputShape.Size);
        if (training && inputs.Rows > 0)
        {
            BatchStatistics(inputs);
            long n = (long)inputs.Rows * InputShape.PlaneSize;
            float unbias = n > 1 ? (float)n / (n - 1) : 1f;
            for (int c = 0; c < _mean.Length; c++)
            {
                RunningMean[c] = Momentum * RunningMean[c] + (1f - Momentum) * _mean[c];
                RunningVariance[c] = Momentum * RunningVariance[c] + (1f - Momentum) * _variance[c] * unbias;
            }
        }
        else
        {
            RunningStatistics(_mean, _invStd);
        }
        Normalize(inputs, output, _mean, _invStd, _a, _b);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        var inputs = _inputs ?? throw new InvalidOperationException("BatchNormalizationLayer.Backward needs a Forward first.");
        CheckGradient(dValues, inputs.Rows);
        int channels = _mean.Length, plane = InputShape.PlaneSize, size = InputShape.Size;
        // Σdy and Σdy·x per channel give dβ and dγ = invStd·(Σdy·x − mean·Σdy).
        _sums.AsSpan().Clear();
        _squares.AsSpan().Clear();
        var x = inputs.AsSpan();
        var dy = dValues.AsSpan();
        for (int s = 0; s < inputs.Rows; s++)
        {
            for (int c = 0; c < channels; c++)
            {
                var g = dy.Slice(s * size + c * plane, plane);
                _sums[c] += TensorPrimitives.Sum<float>(g);
                _squares[c] += TensorPrimitives.Dot<float>(g, x.Slice(s * size + c * plane, plane));
            }
        }
        float n = (float)inputs.Rows * plane;
        for (int c = 0; c < channels; c++)
        {
            float dBeta = _sums[c];
            float dGamma = _invStd[c] * (_squares[c] - _mean[c] * dBeta);
            _beta.Gradients[c] = dBeta;
            _gamma.Gradients[c] = dGamma;
            float a = _gamma.Values[c] * _invStd[c];
            if (_batchStatistics)
            {
                // dx = a·(dy − dβ/n − x̂·dγ/n) with x̂ = (x − mean)·invStd, as a·dy + b·x + c.
                _a[c] = a;
                _b[c] = -a * _invStd[c] * dGamma / n;
                _c[c] = -a * dBeta / n + a * _invStd[c] * _mean[c] * dGamma / n;
            }
            else
            {
                // Fixed statistics: the layer is affine in x.
                (_a[c], _b[c], _c[c]) = (a, 0f, 0f);
            }
        }
        _gamma.AddRegularizationGradient();
        _beta.AddRegularizationGradient();
        if (!ComputeInputGradient) return;
        var dx = PrepareDInputs(inputs.Rows, size).AsSpan();
        for (int s = 0; s < inputs.Rows; s++)
        {
            for (int c = 0; c < channels; c++)
            {
                int at = s * size + c * plane;
                var target = dx.Slice(at, plane);
                TensorPrimitives.Multiply(x.Slice(at, plane), _b[c], target);
                TensorPrimitives.Add(target, _c[c], target);
                TensorPrimitives.MultiplyAdd(dy.Slice(at, plane), _a[c], target, target);
            }
        }
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, InputShape.Size);
        int channels = _mean.Length;
        // Mean, 1/std, scale and shift per channel, side by side.
        Span<float> buffer = channels <= 1024 ? stackalloc float[4 * channels] : new float[4 * channels];
        RunningStatistics(buffer[..channels], buffer.Slice(channels, channels));
        Normalize(inputs, outputs, buffer[..channels], buffer.Slice(channels, channels), buffer.Slice(2 * channels, channels), buffer[(3 * channels)..]);
    }

    /// <summary>Writes the shape, momentum and epsilon, γ and β with their optimizer state, and the running averages (model format 2).</summary>
    internal override void Write(PayloadWriter w)
    {
        LayerPersistence.WriteShape(w, InputShape);
        w.Write(Momentum);
        w.Write(Epsilon);
        LayerPersistence.WriteParameter(w, _gamma);
        LayerPersistence.WriteParameter(w, _beta);
        w.Write(RunningMean);
        w.Write(RunningVariance);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; the constructor checks momentum and epsilon.</summary>
    private static BatchNormalizationLayer Read(ref PayloadReader r, string what)
    {
        int at = r.Position;
        var shape = LayerPersistence.ReadShape(ref r, $"the input shape of {what}");
        LayerPersistence.RequireBytes(ref r, 4L * shape.Channels, at, $"{what} (BatchNormalization)");
        float momentum = r.ReadSingle($"the momentum of {what}");
        float epsilon = r.ReadSingle($"the epsilon of {what}");
        var layer = new BatchNormalizationLayer(shape, momentum, epsilon);
        LayerPersistence.ReadParameter(ref r, layer._gamma, $"gamma of {what}");
        LayerPersistence.ReadParameter(ref r, layer._beta, $"beta of {what}");
        r.ReadFinite(layer.RunningMean, $"the running mean of {what}");
        r.ReadFinite(layer.RunningVariance, $"the running variance of {what}");
        float negative = layer.RunningVariance.FirstOrDefault(v => v < 0f);
        if (negative < 0f) throw new ModelFormatException($"The running variance of {what} holds {negative}; a variance is never negative.");
        return layer;
    }

    private static ImageShape Checked(ImageShape shape)
    {
        shape.Validate(nameof(BatchNormalizationLayer), "inputShape");
        return shape;
    }

    private void RunningStatistics(Span<float> mean, Span<float> invStd)
    {
        for (int c = 0; c < mean.Length; c++)
        {
            mean[c] = RunningMean[c];
            invStd[c] = 1f / MathF.Sqrt(RunningVariance[c] + Epsilon);
        }
    }

    /// <summary>Mean and 1/√(variance + ε) of each channel over the batch, accumulated in double per plane.</summary>
    private void BatchStatistics(Matrix inputs)
    {
        int channels = _mean.Length, plane = InputShape.PlaneSize, size = InputShape.Size;
        var x = inputs.AsSpan();
        double n = (double)inputs.Rows * plane;
        for (int c = 0; c < channels; c++)
        {
            double sum = 0;
            for (int s = 0; s < inputs.Rows; s++) sum += TensorPrimitives.Sum<float>(x.Slice(s * size + c * plane, plane));
            float mean = (float)(sum / n);
            double squares = 0;
            for (int s = 0; s < inputs.Rows; s++)
            {
                var values = x.Slice(s * size + c * plane, plane);
                // Σ(x − mean)² = Σx² − 2·mean·Σx + plane·mean², per plane in float (centred below), summed in double.
                double planeSum = TensorPrimitives.Sum<float>(values);
                squares += TensorPrimitives.SumOfSquares<float>(values) - 2.0 * mean * planeSum + plane * (double)mean * mean;
            }
            double variance = Math.Max(0, squares / n);
            _mean[c] = mean;
            _variance[c] = (float)variance;
            _invStd[c] = (float)(1.0 / Math.Sqrt(variance + Epsilon));
        }
    }

    private void Normalize(Matrix inputs, Matrix outputs, ReadOnlySpan<float> mean, ReadOnlySpan<float> invStd, Span<float> scale, Span<float> shift)
    {
        int channels = mean.Length, plane = InputShape.PlaneSize, size = InputShape.Size;
        for (int c = 0; c < channels; c++)
        {
            scale[c] = _gamma.Values[c] * invStd[c];
            shift[c] = _beta.Values[c] - mean[c] * scale[c];
        }
        var x = inputs.AsSpan();
        var y = outputs.AsSpan();
        for (int s = 0; s < inputs.Rows; s++)
        {
            if (plane == 1)
            {
                // After a dense layer every channel is one value: a row is scaled and shifted at once.
                TensorPrimitives.MultiplyAdd(x.Slice(s * size, size), scale, shift, y.Slice(s * size, size));
                continue;
            }
            for (int c = 0; c < channels; c++)
            {
                var target = y.Slice(s * size + c * plane, plane);
                TensorPrimitives.Multiply(x.Slice(s * size + c * plane, plane), scale[c], target);
                TensorPrimitives.Add(target, shift[c], target);
            }
        }
    }

    /// <summary>Tag 23 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = new(23, "BatchNormalization", 2, typeof(BatchNormalizationLayer), Read);

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name)
    {
        // After a dense layer (F×1×1) ONNX takes the flat [N, F] tensor as it is; after a convolution it needs the image.
        var x = InputShape.PlaneSize == 1 && input.Shape is null ? input : input.Image(graph, InputShape, name);
        int channels = InputShape.Channels;
        // Inference uses the running statistics, as the engine's Infer and Predict do.
        string[] inputs = [x.Name, graph.AddInitializer($"{name}_gamma", _gamma.Values, channels), graph.AddInitializer($"{name}_beta", _beta.Values, channels),
            graph.AddInitializer($"{name}_running_mean", RunningMean, channels), graph.AddInitializer($"{name}_running_variance", RunningVariance, channels)];
        string output = graph.AddNode("BatchNormalization", inputs, $"{name}_batch_norm",
            // Explicit: ONNX's default happens to be the engine's 1e-5 too, but a layer can be built with another.
            GraphAttribute.Single("epsilon", Epsilon),
            GraphAttribute.Single("momentum", Momentum));
        return x with { Name = output };
    }
}
