using NNTrainer.Initialization;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// A fully connected layer: <c>output = inputs · weights + biases</c>, with weights of shape
/// [inputs × neurons] as in the book's <c>Layer_Dense</c>, and optional L1/L2 regularisation of both.
/// </summary>
public sealed class DenseLayer : Layer
{
    private readonly Parameter _weights;
    private readonly Parameter _biases;
    private readonly Parameter[] _parameters;
    private Matrix? _inputs;

    /// <summary>Creates a dense layer. Its weights are drawn when the network is built.</summary>
    /// <param name="inputs">Values per input sample.</param>
    /// <param name="neurons">Neurons, i.e. values per output sample.</param>
    /// <param name="weightL1">L1 strength on the weights (default 0: off).</param>
    /// <param name="weightL2">L2 strength on the weights (default 0: off).</param>
    /// <param name="biasL1">L1 strength on the biases (default 0: off).</param>
    /// <param name="biasL2">L2 strength on the biases (default 0: off).</param>
    /// <param name="initializer">How to draw initial weights (default <see cref="WeightInitializer.Auto"/>: He before ReLU-family activations, Glorot otherwise).</param>
    public DenseLayer(int inputs, int neurons, float weightL1 = 0, float weightL2 = 0, float biasL1 = 0, float biasL2 = 0,
        WeightInitializer initializer = WeightInitializer.Auto)
    {
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A dense layer needs at least one input.");
        if (neurons <= 0) throw new ArgumentOutOfRangeException(nameof(neurons), neurons, "A dense layer needs at least one neuron.");
        CheckStrength(weightL1, nameof(weightL1));
        CheckStrength(weightL2, nameof(weightL2));
        CheckStrength(biasL1, nameof(biasL1));
        CheckStrength(biasL2, nameof(biasL2));
        if (!Enum.IsDefined(initializer)) throw new ArgumentOutOfRangeException(nameof(initializer), initializer, "Unknown initializer.");
        InputSize = inputs;
        Neurons = neurons;
        Initializer = initializer;
        _weights = new Parameter("weights", inputs, neurons) { L1 = weightL1, L2 = weightL2 };
        _biases = new Parameter("biases", 1, neurons) { L1 = biasL1, L2 = biasL2 };
        _parameters = [_weights, _biases];
    }

    /// <summary>Values per input sample.</summary>
    public int InputSize { get; }

    /// <summary>Number of neurons (values per output sample).</summary>
    public int Neurons { get; }

    /// <summary>How initial weights are drawn.</summary>
    public WeightInitializer Initializer { get; }

    /// <summary>The weights, [inputs × neurons].</summary>
    public Parameter Weights => _weights;

    /// <summary>The biases, [1 × neurons].</summary>
    public Parameter Biases => _biases;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc />
    public override int GetOutputSize(int inputSize)
    {
        if (inputSize != InputSize)
        {
            throw new ArgumentException($"This DenseLayer takes {InputSize} values per sample; the previous step produces {inputSize}.", nameof(inputSize));
        }
        return Neurons;
    }

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckInputs(inputs);
        _inputs = inputs;
        var output = PrepareOutput(inputs.Rows, Neurons);
        Compute(inputs, output);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        var inputs = _inputs ?? throw new InvalidOperationException("DenseLayer.Backward needs a Forward first.");
        CheckGradient(dValues, inputs.Rows);
        // The bias gradient (dValues' column sums) is kept by the weight gradient's GEMM as it streams dValues.
        GemmKernels.MultiplyTN(inputs.Data, dValues.Data, _weights.Gradients, InputSize, inputs.Rows, Neurons, accumulate: false, NumberOfThreads,
            bColumnSums: _biases.Gradients);
        _weights.AddRegularizationGradient();
        _biases.AddRegularizationGradient();
        if (ComputeInputGradient)
        {
            var dInputs = PrepareDInputs(inputs.Rows, InputSize);
            GemmKernels.MultiplyNT(dValues.Data, _weights.Values, dInputs.Data, inputs.Rows, Neurons, InputSize, accumulate: false, NumberOfThreads);
        }
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckInputs(inputs);
        PrepareInferOutput(outputs, inputs.Rows, Neurons);
        Compute(inputs, outputs);
    }

    /// <inheritdoc />
    protected internal override void Initialize(SeededRandom random, Layer? next)
    {
        WeightFill.Fill(_weights.Values, Initializer, next, InputSize, Neurons, random);
        Array.Clear(_biases.Values);
    }

    private void Compute(Matrix inputs, Matrix output)
    {
        // The bias is added in the GEMM's epilogue, while each output tile is still in registers.
        GemmKernels.MultiplyNN(inputs.Data, _weights.Values, output.Data, inputs.Rows, InputSize, Neurons, accumulate: false, NumberOfThreads, _biases.Values);
    }

    /// <summary>
    /// <see cref="Infer"/> over <paramref name="rows"/> samples read in place from <paramref name="inputs"/>, so a
    /// predictor can score a slice of the caller's data without first copying it into a matrix.
    /// </summary>
    internal void InferRows(ReadOnlySpan<float> inputs, int rows, Matrix outputs)
    {
        PrepareInferOutput(outputs, rows, Neurons);
        GemmKernels.MultiplyNN(inputs.Slice(0, rows * InputSize), _weights.Values, outputs.Data, rows, InputSize, Neurons, accumulate: false, NumberOfThreads, _biases.Values);
    }

    private void CheckInputs(Matrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Columns != InputSize)
        {
            throw new ArgumentException($"This DenseLayer takes {InputSize} values per sample; the batch has {inputs.Columns}.", nameof(inputs));
        }
    }

    private void CheckGradient(Matrix dValues, int rows)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        if (dValues.Columns != Neurons || dValues.Rows != rows)
        {
            throw new ArgumentException($"The gradient must be {rows}x{Neurons} (the layer's output); it is {dValues.Rows}x{dValues.Columns}.", nameof(dValues));
        }
    }

    private static void CheckStrength(float value, string name)
    {
        if (!(value >= 0) || float.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A regularisation strength must be a finite number ≥ 0.");
        }
    }

    /// <summary>Tag 1 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(1, "Dense", 1, typeof(DenseLayer), Read);

    /// <summary>Writes the sizes, initializer and regularisation, then the weights and biases with their optimizer state (model format 1).</summary>
    internal override void Write(PayloadWriter w)
    {
        w.Write(InputSize);
        w.Write(Neurons);
        w.Write((byte)Initializer);
        w.Write(_weights.L1);
        w.Write(_weights.L2);
        w.Write(_biases.L1);
        w.Write(_biases.L2);
        LayerPersistence.WriteParameter(w, _weights);
        LayerPersistence.WriteParameter(w, _biases);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; the constructor checks the settings.</summary>
    private static DenseLayer Read(ref PayloadReader r, string what)
    {
        int at = r.Position - 1;
        int inputs = r.ReadCount($"the input size of {what}", 1, LayerPersistence.MaxWidth, 4);
        int neurons = r.ReadCount($"the neuron count of {what}", 1, LayerPersistence.MaxWidth, 4);
        if ((long)inputs * neurons * 4 > r.Remaining)
        {
            throw new ModelFormatException($"Model payload byte {at}: {what} declares {inputs}x{neurons} weights, more than the {r.Remaining} bytes that remain.");
        }
        var initializer = (WeightInitializer)r.ReadByte($"the initializer of {what}");
        float wl1 = r.ReadSingle("an L1 strength"), wl2 = r.ReadSingle("an L2 strength");
        float bl1 = r.ReadSingle("an L1 strength"), bl2 = r.ReadSingle("an L2 strength");
        var dense = new DenseLayer(inputs, neurons, wl1, wl2, bl1, bl2, initializer);
        LayerPersistence.ReadParameter(ref r, dense._weights, $"the weights of {what}");
        LayerPersistence.ReadParameter(ref r, dense._biases, $"the biases of {what}");
        return dense;
    }

    /// <inheritdoc />
    /// <remarks>The engine's weights are [inputs × neurons], row-major: exactly Gemm's B without a transpose.</remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name)
    {
        string flat = input.Flat(graph, name);
        var weights = graph.AddInitializer($"{name}_weights", _weights.Values, InputSize, Neurons);
        var biases = graph.AddInitializer($"{name}_biases", _biases.Values, Neurons);
        return new(graph.AddNode("Gemm", [flat, weights, biases], $"{name}_dense"), null);
    }
}
