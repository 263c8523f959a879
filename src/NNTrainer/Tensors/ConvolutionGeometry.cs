namespace NNTrainer.Tensors;

/// <summary>
/// Where a k×k window at stride s visits a C×H×W input, padding included: the sizes im2col and col2im share.
/// </summary>
internal readonly struct ConvolutionGeometry(
    ImageShape input, int kernel, int stride, int padTop, int padLeft, int outputHeight, int outputWidth)
{
    public int Channels { get; } = input.Channels;
    public int Height { get; } = input.Height;
    public int Width { get; } = input.Width;
    public int Kernel { get; } = kernel;
    public int Stride { get; } = stride;
    public int PadTop { get; } = padTop;
    public int PadLeft { get; } = padLeft;
    public int OutputHeight { get; } = outputHeight;
    public int OutputWidth { get; } = outputWidth;

    /// <summary>Rows of the column matrix: C·k·k, in the order of ONNX's (M, C, kH, kW) weights.</summary>
    public int PatchSize => Channels * Kernel * Kernel;

    /// <summary>Columns of the column matrix: output positions per channel.</summary>
    public int Positions => OutputHeight * OutputWidth;

    /// <summary>Values per input sample.</summary>
    public int InputSize => Channels * Height * Width;

    /// <summary>
    /// What row <paramref name="row"/> of the column matrix reads (rows go by channel, kernel row, kernel column): where
    /// its channel's plane starts in a sample, its kernel row, the input column of output column 0 (kernel column −
    /// padLeft), and the output columns [from, to) that read inside the image (<see cref="ValidColumns"/>).
    /// </summary>
    public (int Plane, int KernelRow, int FirstColumn, int From, int To) Tap(int row)
    {
        int kx = row % Kernel;
        var (from, to) = ValidColumns(kx);
        return (row / (Kernel * Kernel) * Height * Width, row / Kernel % Kernel, kx - PadLeft, from, to);
    }

    /// <summary>
    /// The output columns [from, to) whose input column ox·s − padLeft + offset lies inside the image, for a kernel
    /// column <paramref name="offset"/>: outside it the window reads padding.
    /// </summary>
    public (int From, int To) ValidColumns(int offset)
    {
        int first = offset - PadLeft;                       // input column of output column 0
        int from = first >= 0 ? 0 : (-first + Stride - 1) / Stride;
        int last = Width - 1 - first;                       // input columns left for the window to move over
        int to = last < 0 ? 0 : Math.Min(OutputWidth, last / Stride + 1);
        return (Math.Min(from, to), to);
    }
}
