using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Leaky ReLU: <c>x</c> for positive inputs, <c>α·x</c> otherwise, so negative units still learn.</summary>
public sealed class LeakyReLUActivation : Activation
{
    /// <summary>Creates a leaky ReLU.</summary>
    /// <param name="alpha">Slope for negative inputs (default 0.01, the usual choice).</param>
    public LeakyReLUActivation(float alpha = 0.01f)
    {
        if (!float.IsFinite(alpha) || alpha < 0f || alpha >= 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The negative slope must be in [0, 1).");
        }
        Alpha = alpha;
    }

    /// <summary>Slope for negative inputs.</summary>
    public float Alpha { get; }

    /// <inheritdoc />
    protected override void Apply(Matrix inputs, Matrix outputs) => Kernels.LeakyReLUForward(inputs.AsSpan(), Alpha, outputs.AsSpan());

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs) =>
        Kernels.LeakyReLUBackward(inputs.AsSpan(), dValues.AsSpan(), Alpha, dInputs.AsSpan());

    /// <summary>Tag 11 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(11, "LeakyReLU", 1, typeof(LeakyReLUActivation), (ref PayloadReader r, string what) => new LeakyReLUActivation(r.ReadSingle($"the slope of {what}")));

    /// <inheritdoc />
    internal override void Write(PayloadWriter writer) => writer.Write(Alpha);

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        input with { Name = graph.AddNode("LeakyRelu", [input.Name], $"{name}_leaky_relu", GraphAttribute.Single("alpha", Alpha)) };

    /// <inheritdoc />
    internal override bool PrefersHeInitialization => true;
}
