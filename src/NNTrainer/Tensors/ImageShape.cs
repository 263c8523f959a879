namespace NNTrainer.Tensors;

/// <summary>
/// The shape of one sample as the spatial layers see it: <see cref="Channels"/> planes of <see cref="Height"/> ×
/// <see cref="Width"/> values. A batch stays a row-major [samples × C·H·W] <see cref="Matrix"/> whose rows hold each
/// sample in NCHW order (channel by channel, each channel row by row), as ONNX and PyTorch store images.
/// </summary>
/// <param name="Channels">Planes per sample (1 for grey images, 3 for colour, the filter count after a convolution).</param>
/// <param name="Height">Rows of each plane.</param>
/// <param name="Width">Columns of each plane.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Values per sample: <see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int Size => checked(Channels * Height * Width);

    /// <summary>Values per plane: <see cref="Height"/> × <see cref="Width"/>.</summary>
    public int PlaneSize => Height * Width;

    /// <summary>The shape as "C×H×W".</summary>
    public override string ToString() => $"{Channels}×{Height}×{Width}";

    /// <summary>Throws unless every side is positive; <paramref name="layer"/> and <paramref name="option"/> name the culprit.</summary>
    internal void Validate(string layer, string option)
    {
        if (Channels <= 0 || Height <= 0 || Width <= 0)
        {
            throw new ArgumentException($"{layer}: {option} must have positive channels, height and width; it is {this}.", option);
        }
        if ((long)Channels * Height * Width > int.MaxValue)
        {
            throw new ArgumentException($"{layer}: {option} {this} holds more than {int.MaxValue} values per sample.", option);
        }
    }
}
