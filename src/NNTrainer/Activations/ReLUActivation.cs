using NNTrainer.Layers;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Activations;

/// <summary>Rectified linear unit: <c>max(0, x)</c>; the gradient passes where the input was positive.</summary>
public sealed class ReLUActivation : Activation
{
    /// <inheritdoc />
    /// <remarks>A convolution's output (millions of values a batch) is split over <see cref="Layer.NumberOfThreads"/>; a dense layer's is not.</remarks>
    protected override void Apply(Matrix inputs, Matrix outputs)
    {
        int threads = ReLUJob.Threads(inputs.Rows * inputs.Columns, NumberOfThreads);
        if (threads > 1) ReLUJob.Run(inputs, null, outputs, threads);
        else Kernels.ReLUForward(inputs.AsSpan(), outputs.AsSpan());
    }

    /// <inheritdoc />
    protected override void Derive(Matrix inputs, Matrix outputs, Matrix dValues, Matrix dInputs)
    {
        int threads = ReLUJob.Threads(inputs.Rows * inputs.Columns, NumberOfThreads);
        if (threads > 1) ReLUJob.Run(inputs, dValues, dInputs, threads);
        else Kernels.ReLUBackward(inputs.AsSpan(), dValues.AsSpan(), dInputs.AsSpan());
    }

    /// <summary>Tag 10 of the model format (since version 1).</summary>
    internal static readonly LayerFormat Format = new(10, "ReLU", 1, typeof(ReLUActivation), (ref PayloadReader r, string what) => new ReLUActivation());

    /// <inheritdoc />
    public override GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        input with { Name = graph.AddNode("Relu", [input.Name], $"{name}_relu") };

    /// <inheritdoc />
    internal override bool PrefersHeInitialization => true;
}
