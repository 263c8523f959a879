namespace NNTrainer.Layers;

/// <summary>
/// A layer kind with its settings but without its input width or values: what a model DSL (the F# <c>Layer</c>) or a
/// configuration holds, to build a fresh layer once the width of the step before it is known. Records, so two
/// descriptions with the same settings are equal.
/// </summary>
/// <remarks>
/// <see cref="Layer.Describe"/> gives a layer's description, so a front end handles every kind that has one without a
/// case per kind.
/// </remarks>
public abstract record LayerDescription
{
    /// <summary>A new layer with these settings, reading <paramref name="inputSize"/> values per sample.</summary>
    /// <param name="inputSize">Values per input sample.</param>
    public abstract Layer Create(int inputSize);

    /// <summary>Values per sample the layer produces for <paramref name="inputSize"/> values in (the same, unless overridden).</summary>
    /// <param name="inputSize">Values per input sample.</param>
    public virtual int GetOutputSize(int inputSize) => inputSize;
}
