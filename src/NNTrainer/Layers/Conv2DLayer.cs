using NNTrainer.Initialization;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// A 2-D convolution (Keras's <c>Conv2D</c>, the book's CONV layer): <see cref="Filters"/> learned k×k×C kernels
/// slide over the input at <see cref="Stride"/>, each producing one output channel, plus one bias per filter.
/// </summary>
/// <remarks>
/// Weights are [filters × C·k·k], each row one filter in (channel, kernel row, kernel column) order: ONNX's and
/// PyTorch's (M, C, kH, kW) layout, flattened. It is computed by im2col + the library's GEMM, a few samples per product,
/// across a fixed split of the batch; a stride-1 5×5 convolution with at least 8 channels in and out runs its forward
/// pass (or its input gradient) by Winograd's F(2×2, 5×5) where that is faster, and its weight gradient by F(5×5, 2×2)
/// (see <c>docs/convolution.md</c>, rounds 4 and 5).
/// </remarks>
public sealed class Conv2DLayer : SpatialLayer
{
    private readonly Parameter _weights;
    private readonly Parameter _biases;
    private readonly Parameter[] _parameters;
    private readonly ConvolutionGeometry _geometry;
    private ConvolutionJob _job;
    private ConvolutionJob? _inferJob;
    private Matrix? _inputs;

    /// <summary>Creates a convolution. Its weights are drawn when the network is built.</summary>
    /// <param name="inputShape">Shape of one input sample (channels, height, width).</param>
    /// <param name="filters">Number of kernels, i.e. output channels.</param>
    /// <param name="kernelSize">Side k of the square k×k kernels; at most the input's height and width.</param>
    /// <param name="stride">Step between two windows, in both directions (default 1).</param>
    /// <param name="padding">Border handling (default <see cref="Padding.Valid"/>, as in Keras; the book's networks use <see cref="Padding.Same"/>).</param>
    /// <param name="initializer">How to draw initial weights (default <see cref="WeightInitializer.Auto"/>: He before ReLU-family activations, Glorot otherwise).</param>
    public Conv2DLayer(ImageShape inputShape, int filters, int kernelSize, int stride = 1, Padding padding = Padding.Valid,
        WeightInitializer initializer = WeightInitializer.Auto)
        : base(inputShape, OutputShapeOf(inputShape, filters, kernelSize, stride, padding))
    {
        if (!Enum.IsDefined(initializer)) throw new ArgumentOutOfRangeException(nameof(initializer), initializer, "Conv2DLayer: unknown initializer.");
        Filters = filters;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Initializer = initializer;
        (PadTop, PadBottom) = Pads(inputShape.Height, kernelSize, stride, padding);
        (PadLeft, PadRight) = Pads(inputShape.Width, kernelSize, stride, padding);
        _geometry = new ConvolutionGeometry(inputShape, kernelSize, stride, PadTop, PadLeft, OutputShape.Height, OutputShape.Width);
        _weights = new Parameter("weights", filters, _geometry.PatchSize);
        _biases = new Parameter("biases", 1, filters);
        _parameters = [_weights, _biases];
        _job = new ConvolutionJob(in _geometry, filters);
    }

    /// <summary>
    /// True runs the forward pass and the input gradient by Winograd wherever it applies, even where it is slower than
    /// im2col (<c>WinogradConvolution.Pays</c>): for tests that cover those paths with small, fast geometries.
    /// The results differ only by float32 rounding.
    /// </summary>
    internal bool WinogradWhereverItApplies
    {
        get => _winogradEverywhere;
        set
        {
            _winogradEverywhere = value;
            _job = NewJob();
            _inferJob = null;
        }
    }

    private bool _winogradEverywhere;

    private ConvolutionJob NewJob() => new(in _geometry, Filters, winogradWhereverItApplies: _winogradEverywhere);

    /// <summary>Number of kernels (output channels).</summary>
    public int Filters { get; }

    /// <summary>Side of the square kernels.</summary>
    public int KernelSize { get; }

    /// <summary>Step between two windows, in both directions.</summary>
    public int Stride { get; }

    /// <summary>Border handling.</summary>
    public Padding Padding { get; }

    /// <summary>How initial weights are drawn.</summary>
    public WeightInitializer Initializer { get; }

    /// <summary>Zero rows added above the input.</summary>
    public int PadTop { get; }

    /// <summary>Zero rows added below the input (one more than <see cref="PadTop"/> when "same" needs an odd total).</summary>
    public int PadBottom { get; }

    /// <summary>Zero columns added left of the input.</summary>
    public int PadLeft { get; }

    /// <summary>Zero columns added right of the input.</summary>
    public int PadRight { get; }

    /// <summary>The kernels, [filters × C·k·k], each row in (channel, kernel row, kernel column) order.</summary>
    public Parameter Weights => _weights;

    /// <summary>The biases, [1 × filters].</summary>
    public Parameter Biases => _biases;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Multiply-adds × 2 of one sample's forward pass (the backward pass costs twice as much).</summary>
    public long FlopsPerSample => 2L * Filters * _geometry.Positions * _geometry.PatchSize;

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        _inputs = inputs;
        var output = PrepareOutput(inputs.Rows, OutputShape.Size);
        _job.Forward(inputs.Data, _weights.Values, _biases.Values, output.Data, inputs.Rows, NumberOfThreads);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        var inputs = _inputs ?? throw new InvalidOperationException("Conv2DLayer.Backward needs a Forward first.");
        CheckGradient(dValues, inputs.Rows);
        var dInputs = ComputeInputGradient ? PrepareDInputs(inputs.Rows, InputShape.Size) : null;
        _job.Backward(inputs.Data, _weights.Values, dValues.Data, dInputs?.Data, _weights.Gradients, _biases.Gradients, inputs.Rows, NumberOfThreads);
        _weights.AddRegularizationGradient();
        _biases.AddRegularizationGradient();
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, OutputShape.Size);
        // Infer may run on several threads at once: each call takes a job (with its buffers) no other call holds.
        var job = Interlocked.Exchange(ref _inferJob, null) ?? NewJob();
        job.Forward(inputs.Data, _weights.Values, _biases.Values, outputs.Data, inputs.Rows, NumberOfThreads);
        _inferJob = job;
    }

    /// <inheritdoc />
    protected internal override void Initialize(SeededRandom random, Layer? next)
    {
        WeightFill.Fill(_weights.Values, Initializer, next, _geometry.PatchSize, Filters * KernelSize * KernelSize, random);
        Array.Clear(_biases.Values);
    }

    /// <summary>Writes the hyper-parameters, then the weights and biases with their optimizer state (model format 2).</summary>
    internal override void Write(PayloadWriter w)
    {
        LayerPersistence.WriteShape(w, InputShape);
        w.Write(Filters);
        w.Write(KernelSize);
        w.Write(Stride);
        w.Write((byte)Padding);
        w.Write((byte)Initializer);
        LayerPersistence.WriteParameter(w, _weights);
        LayerPersistence.WriteParameter(w, _biases);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; the constructor checks the hyper-parameters.</summary>
    private static Conv2DLayer Read(ref PayloadReader r, string what)
    {
        int at = r.Position;
        var shape = LayerPersistence.ReadShape(ref r, $"the input shape of {what}");
        int filters = r.ReadCount($"the filters of {what}", 1, LayerPersistence.MaxWidth, 0);
        int kernel = r.ReadCount($"the kernel size of {what}", 1, LayerPersistence.MaxWidth, 0);
        int stride = r.ReadCount($"the stride of {what}", 1, LayerPersistence.MaxWidth, 0);
        LayerPersistence.RequireBytes(ref r, (long)filters * shape.Channels * kernel * kernel, at, $"{what} (Conv2D)");
        var padding = (Padding)r.ReadByte($"the padding of {what}");
        var initializer = (WeightInitializer)r.ReadByte($"the initializer of {what}");
        var layer = new Conv2DLayer(shape, filters, kernel, stride, padding, initializer);
        LayerPersistence.ReadParameter(ref r, layer._weights, $"the weights of {what}");
        LayerPersistence.ReadParameter(ref r, layer._biases, $"the biases of {what}");
        return layer;
    }

    private static ImageShape OutputShapeOf(ImageShape input, int filters, int kernelSize, int stride, Padding padding)
    {
        input.Validate(nameof(Conv2DLayer), "inputShape");
        if (filters <= 0) throw new ArgumentOutOfRangeException(nameof(filters), filters, "Conv2DLayer: filters must be at least 1.");
        if (kernelSize <= 0) throw new ArgumentOutOfRangeException(nameof(kernelSize), kernelSize, "Conv2DLayer: kernelSize must be at least 1.");
        if (stride <= 0) throw new ArgumentOutOfRangeException(nameof(stride), stride, "Conv2DLayer: stride must be at least 1.");
        if (!Enum.IsDefined(padding)) throw new ArgumentOutOfRangeException(nameof(padding), padding, "Conv2DLayer: unknown padding.");
        if (kernelSize > input.Height || kernelSize > input.Width)
        {
            throw new ArgumentException($"Conv2DLayer: kernelSize {kernelSize} is larger than its input ({input}: height {input.Height}, width {input.Width}).", nameof(kernelSize));
        }
        int height = padding == Padding.Same ? (input.Height + stride - 1) / stride : (input.Height - kernelSize) / stride + 1;
        int width = padding == Padding.Same ? (input.Width + stride - 1) / stride : (input.Width - kernelSize) / stride + 1;
        if ((long)filters * height * width > int.MaxValue)
        {
            throw new ArgumentException($"Conv2DLayer: {filters} filters of {height}×{width} exceed {int.MaxValue} values per sample.", nameof(filters));
        }
        return new ImageShape(filters, height, width);
    }

    /// <summary>Padding before and after one side: none for "valid"; for "same", what ⌈n / s⌉ windows need, the odd one after.</summary>
    private static (int Before, int After) Pads(int size, int kernel, int stride, Padding padding)
    {
        if (padding == Padding.Valid) return (0, 0);
        int outputs = (size + stride - 1) / stride;
        int total = Math.Max(0, (outputs - 1) * stride + kernel - size);
        return (total / 2, total - total / 2);
    }

    /// <summary>Tag 20 of the model format (since version 2).</summary>
    internal static readonly LayerFormat Format = new(20, "Conv2D", 2, typeof(Conv2DLayer), Read);

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name)
    {
        var image = input.Image(graph, InputShape, name);
        int k = KernelSize;
        // The engine's [filters × C·k·k] rows are ONNX's (M, C, kH, kW) weights, flattened.
        var weights = graph.AddInitializer($"{name}_weights", _weights.Values, Filters, InputShape.Channels, k, k);
        var biases = graph.AddInitializer($"{name}_biases", _biases.Values, Filters);
        string output = graph.AddNode("Conv", [image.Name, weights, biases], $"{name}_conv",
            GraphAttribute.Integers("kernel_shape", k, k),
            GraphAttribute.Integers("strides", Stride, Stride),
            // Explicit pads rather than SAME_UPPER: the odd extra row or column goes after, as the engine pads.
            GraphAttribute.Integers("pads", PadTop, PadLeft, PadBottom, PadRight),
            GraphAttribute.Integers("dilations", 1, 1),
            GraphAttribute.Integer("group", 1));
        return new(output, OutputShape);
    }
}
