using System.Numerics.Tensors;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// Layer normalisation (Ba, Kiros and Hinton, 2016; Keras's <c>LayerNormalization</c>): each sample's values are
/// normalised to zero mean and unit variance over its own features, then scaled by a learned γ and shifted by a learned
/// β per feature. Unlike batch normalisation it keeps no running statistics, so training and inference compute the same
/// function and a batch of one is as good as any.
/// </summary>
/// <remarks>
/// With x̂ = (x − μ)/√(σ² + ε) over a row's F features, y = γ ⊙ x̂ + β and, for g = γ ⊙ dy,
/// dx = (g − mean(g) − x̂ · mean(g ⊙ x̂)) / √(σ² + ε); dγ = Σ dy ⊙ x̂ and dβ = Σ dy over the batch. The whole layer —
/// arithmetic, model-format tag, ONNX nodes and F# description — is this one file.
/// </remarks>
public sealed class LayerNormalizationLayer : Layer
{
    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private readonly Parameter[] _parameters;
    private readonly float[] _scratch;
    private Matrix? _normalized;
    private float[] _invStd = [];

    /// <summary>Creates a layer normalisation of <paramref name="features"/> values per sample, with γ = 1 and β = 0.</summary>
    /// <param name="features">Values per sample, normalised together.</param>
    /// <param name="epsilon">Added to the variance before the square root, &gt; 0 (default 1e-5, as PyTorch and ONNX; Keras uses 1e-3).</param>
    public LayerNormalizationLayer(int features, float epsilon = 1e-5f)
    {
        if (features <= 0) throw new ArgumentOutOfRangeException(nameof(features), features, "LayerNormalizationLayer: features must be at least 1.");
        if (!(epsilon > 0f) || float.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "LayerNormalizationLayer: epsilon must be a finite number > 0.");
        }
        Features = features;
        Epsilon = epsilon;
        _gamma = new Parameter("gamma", 1, features);
        _beta = new Parameter("beta", 1, features);
        _gamma.Values.AsSpan().Fill(1f);
        _parameters = [_gamma, _beta];
        _scratch = new float[features];
    }

    /// <summary>Values per sample.</summary>
    public int Features { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public float Epsilon { get; }

    /// <summary>The learned scale γ, [1 × features] (starts at 1).</summary>
    public Parameter Gamma => _gamma;

    /// <summary>The learned shift β, [1 × features] (starts at 0).</summary>
    public Parameter Beta => _beta;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Tag 25 of the model format (since version 3).</summary>
    internal static readonly LayerFormat Format = new(25, "LayerNormalization", 3, typeof(LayerNormalizationLayer), Read);

    /// <inheritdoc />
    public override int GetOutputSize(int inputSize)
    {
        if (inputSize != Features)
        {
            throw new ArgumentException($"This LayerNormalizationLayer takes {Features} values per sample; the previous step produces {inputSize}.", nameof(inputSize));
        }
        return Features;
    }

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        CheckWidth(inputs, nameof(inputs));
        if (_normalized is null || _normalized.Columns != Features) _normalized = new Matrix(inputs.Rows, Features);
        else _normalized.Resize(inputs.Rows);
        if (_invStd.Length < inputs.Rows) _invStd = new float[inputs.Rows];
        var output = PrepareOutput(inputs.Rows, Features);
        for (int s = 0; s < inputs.Rows; s++)
        {
            var xHat = _normalized.Row(s);
            _invStd[s] = Normalize(inputs.Row(s), xHat);
            TensorPrimitives.MultiplyAdd(xHat, _gamma.Values, _beta.Values, output.Row(s));
        }
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        var xHat = _normalized ?? throw new InvalidOperationException("LayerNormalizationLayer.Backward needs a Forward first.");
        CheckWidth(dValues, nameof(dValues));
        if (dValues.Rows != xHat.Rows)
        {
            throw new ArgumentException($"The gradient must be {xHat.Rows}x{Features} (the layer's output); it is {dValues.Rows}x{dValues.Columns}.", nameof(dValues));
        }
        Array.Clear(_gamma.Gradients);
        Array.Clear(_beta.Gradients);
        var dx = ComputeInputGradient ? PrepareDInputs(dValues.Rows, Features) : null;
        var g = _scratch.AsSpan();
        for (int s = 0; s < dValues.Rows; s++)
        {
            var dy = dValues.Row(s);
            var x = xHat.Row(s);
            TensorPrimitives.MultiplyAdd(dy, x, _gamma.Gradients, _gamma.Gradients);
            TensorPrimitives.Add(dy, _beta.Gradients, _beta.Gradients);
            if (dx is null) continue;
            TensorPrimitives.Multiply(dy, _gamma.Values, g);
            float meanG = TensorPrimitives.Sum<float>(g) / Features;
            float meanGx = TensorPrimitives.Dot<float>(g, x) / Features;
            var target = dx.Row(s);
            // (g − mean(g) − x̂·mean(g⊙x̂)) · invStd, as g·invStd + x̂·(−mean(g⊙x̂)·invStd) − mean(g)·invStd.
            TensorPrimitives.Multiply(x, -meanGx, target);
            TensorPrimitives.Add(target, g, target);
            TensorPrimitives.Subtract(target, meanG, target);
            TensorPrimitives.Multiply(target, _invStd[s], target);
        }
        _gamma.AddRegularizationGradient();
        _beta.AddRegularizationGradient();
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        CheckWidth(inputs, nameof(inputs));
        PrepareInferOutput(outputs, inputs.Rows, Features);
        for (int s = 0; s < inputs.Rows; s++)
        {
            var y = outputs.Row(s);
            Normalize(inputs.Row(s), y);
            TensorPrimitives.MultiplyAdd(y, _gamma.Values, _beta.Values, y);
        }
    }

    /// <summary>Writes the width and epsilon, then γ and β with their optimizer state (model format 3).</summary>
    internal override void Write(PayloadWriter w)
    {
        w.Write(Features);
        w.Write(Epsilon);
        LayerPersistence.WriteParameter(w, _gamma);
        LayerPersistence.WriteParameter(w, _beta);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Decomposed into opset-13 operators (ONNX's own LayerNormalization needs opset 17): ReduceMean, Sub, Mul,
    /// ReduceMean, Add ε, Sqrt, Div, then γ and β, broadcast over the batch.
    /// </remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name)
    {
        string x = input.Flat(graph, name);
        var axes = new[] { GraphAttribute.Integers("axes", 1), GraphAttribute.Integer("keepdims", 1) };
        string mean = graph.AddNode("ReduceMean", [x], $"{name}_mean", axes);
        string centred = graph.AddNode("Sub", [x, mean], $"{name}_centred");
        string squares = graph.AddNode("Mul", [centred, centred], $"{name}_squares");
        string variance = graph.AddNode("ReduceMean", [squares], $"{name}_variance", axes);
        string epsilon = graph.AddInitializer($"{name}_epsilon", [Epsilon], 1);
        string std = graph.AddNode("Sqrt", [graph.AddNode("Add", [variance, epsilon], $"{name}_variance_eps")], $"{name}_std");
        string normalized = graph.AddNode("Div", [centred, std], $"{name}_normalized");
        string gamma = graph.AddInitializer($"{name}_gamma", _gamma.Values, Features);
        string beta = graph.AddInitializer($"{name}_beta", _beta.Values, Features);
        string scaled = graph.AddNode("Mul", [normalized, gamma], $"{name}_scaled");
        return new(graph.AddNode("Add", [scaled, beta], $"{name}_layer_norm"), null);
    }

    /// <inheritdoc />
    public override LayerDescription Describe() => new Description(Epsilon);

    /// <summary>Reads what <see cref="Write"/> wrote; the constructor checks the width and epsilon.</summary>
    private static LayerNormalizationLayer Read(ref PayloadReader r, string what)
    {
        int at = r.Position;
        int features = r.ReadCount($"the features of {what}", 1, LayerPersistence.MaxWidth, 0);
        LayerPersistence.RequireBytes(ref r, 2L * features, at, $"{what} (LayerNormalization)");
        var layer = new LayerNormalizationLayer(features, r.ReadSingle($"the epsilon of {what}"));
        LayerPersistence.ReadParameter(ref r, layer._gamma, $"gamma of {what}");
        LayerPersistence.ReadParameter(ref r, layer._beta, $"beta of {what}");
        return layer;
    }

    /// <summary>Writes (x − μ)/√(σ² + ε) of one row into <paramref name="xHat"/> and returns 1/√(σ² + ε).</summary>
    private float Normalize(ReadOnlySpan<float> x, Span<float> xHat)
    {
        float mean = TensorPrimitives.Sum(x) / Features;
        TensorPrimitives.Subtract(x, mean, xHat);
        // Two passes (centre, then square) keep the variance exact for rows far from zero.
        float variance = TensorPrimitives.SumOfSquares<float>(xHat) / Features;
        float invStd = 1f / MathF.Sqrt(variance + Epsilon);
        TensorPrimitives.Multiply(xHat, invStd, xHat);
        return invStd;
    }

    private void CheckWidth(Matrix m, string parameter)
    {
        ArgumentNullException.ThrowIfNull(m, parameter);
        if (m.Columns != Features)
        {
            throw new ArgumentException($"This LayerNormalizationLayer takes {Features} values per sample; the batch has {m.Columns}.", parameter);
        }
    }

    /// <summary>A layer normalisation of whatever width precedes it, for model descriptions (the F# <c>Layer.Engine</c>).</summary>
    /// <param name="Epsilon">Added to the variance before the square root (default 1e-5).</param>
    public sealed record Description(float Epsilon = 1e-5f) : LayerDescription
    {
        /// <inheritdoc />
        public override Layer Create(int inputSize) => new LayerNormalizationLayer(inputSize, Epsilon);
    }
}
