namespace NNTrainer.Tensors;

/// <summary>
/// The zero-padded copy of a one-channel image that the 5×5, stride-1 single-channel kernels
/// (<see cref="SingleChannelForward"/>, <see cref="SingleChannelWeightGradient"/>) read sixteen output positions at a
/// time from: a row holds the output row's whole vectors plus the kernel's four extra columns, so every shifted load of
/// a row (up to chunks·16 + 4 columns) stays inside that row, and every column and row past the image is 0.
/// </summary>
internal readonly struct SingleChannelPadding
{
    /// <summary>Output positions per vector.</summary>
    public const int Lanes = 16;

    /// <summary>The kernel's width and height.</summary>
    public const int Kernel = 5;

    private readonly int _origin, _width, _height;

    /// <summary>The layout for <paramref name="g"/>, with room for the windows of <paramref name="outputRows"/> output rows (rows past the last output row's are zeros).</summary>
    public SingleChannelPadding(in ConvolutionGeometry g, int outputRows)
    {
        Chunks = (g.OutputWidth + Lanes - 1) / Lanes;
        RowStride = Chunks * Lanes + Kernel - 1;
        Size = (outputRows + Kernel - 1) * RowStride;
        _origin = g.PadTop * RowStride + g.PadLeft;
        (_width, _height) = (g.Width, g.Height);
    }

    /// <summary>Vectors per output row, the last one partly past the row.</summary>
    public int Chunks { get; }

    /// <summary>Values from one padded row to the next.</summary>
    public int RowStride { get; }

    /// <summary>Values in the padded copy.</summary>
    public int Size { get; }

    /// <summary>
    /// Copies <paramref name="image"/>'s rows into place in <paramref name="padded"/>. Only the image's rows are ever
    /// written: the border stays the zeros the buffer was allocated with.
    /// </summary>
    public void Fill(ReadOnlySpan<float> image, Span<float> padded)
    {
        for (int row = 0; row < _height; row++) image.Slice(row * _width, _width).CopyTo(padded.Slice(_origin + row * RowStride, _width));
    }
}
