using NNTrainer.Initialization;
using NNTrainer.Persistence;
using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// A step of a sequential network, with the book's contract: <see cref="Forward"/> turns inputs into
/// <see cref="Output"/>, <see cref="Backward"/> turns the gradient with respect to the output into
/// <see cref="DInputs"/> (and into parameter gradients, for layers that have parameters).
/// </summary>
/// <remarks>
/// A layer owns its output and gradient buffers and reuses them from batch to batch, so training allocates
/// nothing in its steady state. <see cref="Infer"/> is the stateless forward pass used by predictors: it
/// writes into a caller's buffer and touches no layer state, so several threads can score with one network.
/// </remarks>
public abstract class Layer
{
    private Matrix? _output;
    private Matrix? _dInputs;

    /// <summary>The output of the last <see cref="Forward"/> call.</summary>
    public Matrix Output => _output ?? throw new InvalidOperationException($"{GetType().Name}.Forward has not run yet.");

    /// <summary>The gradient of the loss with respect to this layer's inputs, from the last <see cref="Backward"/> call.</summary>
    public Matrix DInputs => _dInputs ?? throw new InvalidOperationException(ComputeInputGradient
        ? $"{GetType().Name}.Backward has not run yet."
        : $"{GetType().Name} does not compute its input gradient (ComputeInputGradient is false: nothing before it consumes one).");

    /// <summary>The trainable tensors of this layer; empty for activations and dropout.</summary>
    public virtual IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();

    /// <summary>
    /// Values the layer learns without gradients (batch normalisation's running averages): saved, and restored with the
    /// weights when training goes back to its best epoch. Empty for most layers.
    /// </summary>
    internal virtual IReadOnlyList<float[]> State => Array.Empty<float[]>();

    /// <summary>
    /// Whether a layer with weights placed before this one should draw them He-style when its initializer is Auto: true
    /// for the ReLU family, whose halved variance He's 2/fan-in makes up for.
    /// </summary>
    internal virtual bool PrefersHeInitialization => false;

    /// <summary>Number of threads the layer's kernels may use; set by the network.</summary>
    public int NumberOfThreads { get; internal set; } = 1;

    /// <summary>
    /// Whether <see cref="Backward"/> must compute <see cref="DInputs"/>. The network turns it off for its
    /// first layer, whose input gradient nobody consumes.
    /// </summary>
    public bool ComputeInputGradient { get; set; } = true;

    /// <summary>Number of values per sample this layer produces for <paramref name="inputSize"/> values in.</summary>
    /// <param name="inputSize">Values per input sample.</param>
    public abstract int GetOutputSize(int inputSize);

    /// <summary>Runs the layer on a batch and keeps what <see cref="Backward"/> needs.</summary>
    /// <param name="inputs">A batch, [samples × inputs]; not copied, so it must stay unchanged until <see cref="Backward"/>.</param>
    /// <param name="training">True while training (dropout active); false for inference.</param>
    public abstract void Forward(Matrix inputs, bool training);

    /// <summary>Back-propagates the gradient of the loss with respect to <see cref="Output"/>.</summary>
    /// <param name="dValues">Gradient with respect to the output, [samples × outputs].</param>
    public abstract void Backward(Matrix dValues);

    /// <summary>The stateless inference pass: writes the layer's output for <paramref name="inputs"/> into <paramref name="outputs"/>.</summary>
    /// <param name="inputs">A batch, [samples × inputs].</param>
    /// <param name="outputs">Destination, [samples × outputs]; resized to the batch's row count when its capacity allows.</param>
    public abstract void Infer(Matrix inputs, Matrix outputs);

    /// <summary>
    /// Called when the network is built or loaded, with the random source that layers drawing random numbers
    /// during training (dropout) must use.
    /// </summary>
    /// <param name="random">The network's single random source.</param>
    protected internal virtual void Attach(SeededRandom random)
    {
    }

    /// <summary>Called once when a new network is built (not when one is loaded): draws initial values from the network's random source.</summary>
    /// <param name="random">The network's single random source.</param>
    /// <param name="next">The layer that follows this one, or null for the last layer (used to pick an initializer).</param>
    protected internal virtual void Initialize(SeededRandom random, Layer? next)
    {
    }

    /// <summary>
    /// Writes the layer's settings and values to a model file, after the tag byte of its <see cref="LayerFormat"/>
    /// (the static field that registers the kind). Layers without settings write nothing.
    /// </summary>
    /// <param name="writer">The model payload.</param>
    internal virtual void Write(PayloadWriter writer)
    {
    }

    /// <summary>
    /// Appends the layer's inference pass to <paramref name="graph"/> (the ONNX export): the nodes that turn
    /// <paramref name="input"/> into what <see cref="Infer"/> computes.
    /// </summary>
    /// <param name="graph">The graph being built.</param>
    /// <param name="input">The tensor the previous layer produced (flat or an image).</param>
    /// <param name="name">A prefix unique to this layer for the names of its tensors.</param>
    /// <returns>The tensor holding the layer's output.</returns>
    /// <exception cref="NotSupportedException">The layer has no graph form (the default, for layers outside the engine).</exception>
    public virtual GraphTensor AppendTo(IInferenceGraph graph, GraphTensor input, string name) =>
        throw new NotSupportedException($"{GetType().Name} does not override Layer.AppendTo, so it has no inference-graph form.");

    /// <summary>The layer's kind and settings, to build an equal fresh layer for any input width; null for kinds without one.</summary>
    public virtual LayerDescription? Describe() => null;

    /// <summary>The output buffer, sized for <paramref name="rows"/> × <paramref name="columns"/>, allocated only when it grows.</summary>
    /// <param name="rows">Rows needed.</param>
    /// <param name="columns">Columns needed.</param>
    protected Matrix PrepareOutput(int rows, int columns) => Prepare(ref _output, rows, columns);

    /// <summary>The input-gradient buffer, sized for <paramref name="rows"/> × <paramref name="columns"/>, allocated only when it grows.</summary>
    /// <param name="rows">Rows needed.</param>
    /// <param name="columns">Columns needed.</param>
    protected Matrix PrepareDInputs(int rows, int columns) => Prepare(ref _dInputs, rows, columns);

    /// <summary>Sets <see cref="Output"/> to an existing matrix (for layers that pass their input through unchanged).</summary>
    /// <param name="output">The matrix to expose.</param>
    protected void SetOutput(Matrix output) => _output = output;

    /// <summary>Sets <see cref="DInputs"/> to an existing matrix (for layers that pass the gradient through unchanged).</summary>
    /// <param name="dInputs">The matrix to expose.</param>
    protected void SetDInputs(Matrix dInputs) => _dInputs = dInputs;

    /// <summary>Checks that a buffer handed to <see cref="Infer"/> has the right width and resizes it to the batch.</summary>
    /// <param name="outputs">The caller's buffer.</param>
    /// <param name="rows">Rows of the batch.</param>
    /// <param name="columns">Columns this layer produces.</param>
    protected static void PrepareInferOutput(Matrix outputs, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Columns != columns)
        {
            throw new ArgumentException($"The output buffer has {outputs.Columns} columns; this layer produces {columns}.", nameof(outputs));
        }
        outputs.Resize(rows);
    }

    private static Matrix Prepare(ref Matrix? buffer, int rows, int columns)
    {
        if (buffer is null || buffer.Columns != columns)
        {
            buffer = new Matrix(rows, columns);
        }
        else
        {
            buffer.Resize(rows);
        }
        return buffer;
    }
}
