namespace NNTrainer.Tests.Tensors;

/// <summary>
/// The shapes and seeded inputs that the one-input-channel 5×5 kernels' tests share (forward pass and weight gradient),
/// so that both kernels are held to the same edge cases.
/// </summary>
internal static class SingleChannelCases
{
    /// <summary>
    /// (height, width, filters, padding): LeNet's first layer (four blocks of five filters, 28 = 16 + 12 columns, seven
    /// blocks of four rows); fewer than 16 columns (one masked chunk), a last filter block of one and a last row block of
    /// one; "valid" and a last block of three; three chunks a row (37 columns) and a last row block of two; a single
    /// filter on a 5×5 image.
    /// </summary>
    public static TheoryData<int, int, int, Padding> Geometries => new()
    {
        { 28, 28, 20, Padding.Same },
        { 9, 11, 6, Padding.Same },
        { 12, 13, 8, Padding.Valid },
        { 10, 37, 5, Padding.Same },
        { 5, 5, 1, Padding.Valid },
    };

    /// <summary>The geometry of a one-channel 5×5 stride-1 layer on a height × width image with the given padding.</summary>
    public static ConvolutionGeometry Geometry(int height, int width, int filters, Padding padding)
    {
        var layer = new Conv2DLayer(new ImageShape(1, height, width), filters, 5, 1, padding);
        return new ConvolutionGeometry(layer.InputShape, 5, 1, layer.PadTop, layer.PadLeft, layer.OutputShape.Height, layer.OutputShape.Width);
    }

    /// <summary>A source of standard-normal arrays seeded by the image's size, the same for every run.</summary>
    public static Func<int, float[]> Draws(int height, int width)
    {
        var random = new SeededRandom(height * 100 + width);
        return n => Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian()).ToArray();
    }
}
