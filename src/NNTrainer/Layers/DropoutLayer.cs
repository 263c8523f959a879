using NNTrainer.Initialization;
using NNTrainer.Persistence;
using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Layers;

/// <summary>
/// Inverted dropout, as in the book's <c>Layer_Dropout</c>: while training, each value is kept with
/// probability 1 − rate and scaled by 1 / (1 − rate), so inference needs no rescaling and passes values through.
/// </summary>
public sealed class DropoutLayer : Layer
{
    private SeededRandom? _random;
    private float[] _mask = [];
    private bool _masked;

    /// <summary>Creates a dropout layer.</summary>
    /// <param name="rate">Fraction of values to drop while training, in [0, 1).</param>
    public DropoutLayer(float rate)
    {
        if (!(rate >= 0f && rate < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate is the fraction of values dropped and must be in [0, 1).");
        }
        Rate = rate;
    }

    /// <summary>Fraction of values dropped while training.</summary>
    public float Rate { get; }

    /// <inheritdoc />
    public override int GetOutputSize(int inputSize) => inputSize;

    /// <inheritdoc />
    public override void Forward(Matrix inputs, bool training)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var output = PrepareOutput(inputs.Rows, inputs.Columns);
        var x = inputs.AsSpan();
        var y = output.AsSpan();
        // Backward must undo exactly what the last Forward did: the identity, or this mask.
        _masked = training && Rate > 0f;
        if (!_masked)
        {
            x.CopyTo(y);
            return;
        }
        var random = _random ?? throw new InvalidOperationException("The DropoutLayer must belong to a built Network before training.");
        if (_mask.Length < x.Length) _mask = new float[inputs.RowCapacity * inputs.Columns];
        float keep = 1f - Rate;
        float scale = 1f / keep;
        var mask = _mask.AsSpan(0, x.Length);
        for (int i = 0; i < mask.Length; i++) mask[i] = random.NextSingle() < keep ? scale : 0f;
        System.Numerics.Tensors.TensorPrimitives.Multiply(x, mask, y);
    }

    /// <inheritdoc />
    public override void Backward(Matrix dValues)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        var dInputs = PrepareDInputs(dValues.Rows, dValues.Columns);
        if (!_masked)
        {
            dValues.AsSpan().CopyTo(dInputs.AsSpan());
            return;
        }
        System.Numerics.Tensors.TensorPrimitives.Multiply(dValues.AsSpan(), _mask.AsSpan(0, dValues.Length), dInputs.AsSpan());
    }

    /// <inheritdoc />
    public override void Infer(Matrix inputs, Matrix outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        PrepareInferOutput(outputs, inputs.Rows, inputs.Columns);
        inputs.AsSpan().CopyTo(outputs.AsSpan());
    }

    /// <inheritdoc />
    protected internal override void Attach(SeededRandom random) => _random = random;

    /// <summary>Tag 2 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(2, "Dropout", 1, typeof(DropoutLayer), (ref PayloadReader r, string what) => new DropoutLayer(r.ReadSingle($"the dropout rate of {what}")));

    /// <inheritdoc />
    internal override void Write(PayloadWriter writer) => writer.Write(Rate);

    /// <inheritdoc />
    /// <remarks>Dropout is the identity at inference, which is all an exported model does.</remarks>
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) => input;
}
