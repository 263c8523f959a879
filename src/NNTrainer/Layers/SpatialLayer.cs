using NNTrainer.Tensors;

namespace NNTrainer.Layers;

/// <summary>
/// A layer that sees each sample as an image of <see cref="InputShape"/> (NCHW order within the row, see
/// <see cref="ImageShape"/>) and produces <see cref="OutputShape"/>. The shapes are fixed at construction, so a
/// network can check that its layers fit before it trains, and an exporter can read them.
/// </summary>
public abstract class SpatialLayer : Layer
{
    /// <summary>Sets the shapes; the derived constructor has validated them.</summary>
    /// <param name="inputShape">The shape of one input sample.</param>
    /// <param name="outputShape">The shape of one output sample.</param>
    private protected SpatialLayer(ImageShape inputShape, ImageShape outputShape)
    {
        InputShape = inputShape;
        OutputShape = outputShape;
    }

    /// <summary>The shape of one input sample.</summary>
    public ImageShape InputShape { get; }

    /// <summary>The shape of one output sample.</summary>
    public ImageShape OutputShape { get; }

    /// <inheritdoc />
    public override int GetOutputSize(int inputSize)
    {
        if (inputSize != InputShape.Size)
        {
            throw new ArgumentException($"This {GetType().Name} takes {InputShape} = {InputShape.Size} values per sample; the previous step produces {inputSize}.", nameof(inputSize));
        }
        return OutputShape.Size;
    }

    /// <summary>Throws unless <paramref name="inputs"/> has one row of <see cref="InputShape"/> per sample.</summary>
    /// <param name="inputs">The batch.</param>
    protected void CheckInputs(Matrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Columns != InputShape.Size)
        {
            throw new ArgumentException($"This {GetType().Name} takes {InputShape} = {InputShape.Size} values per sample; the batch has {inputs.Columns}.", nameof(inputs));
        }
    }

    /// <summary>Throws unless <paramref name="dValues"/> matches the output of the last forward pass.</summary>
    /// <param name="dValues">The gradient with respect to the output.</param>
    /// <param name="rows">Rows of the last forward pass.</param>
    protected void CheckGradient(Matrix dValues, int rows)
    {
        ArgumentNullException.ThrowIfNull(dValues);
        if (dValues.Columns != OutputShape.Size || dValues.Rows != rows)
        {
            throw new ArgumentException($"The gradient must be {rows}x{OutputShape.Size} (the {GetType().Name}'s output, {OutputShape} per sample); it is {dValues.Rows}x{dValues.Columns}.", nameof(dValues));
        }
    }
}
