namespace NNTrainer.Cli.Images;

/// <summary>
/// How a model reads images, saved in its schema entry: the network's architecture and the shape every image is
/// resized and converted to before its pixels (scaled to [0, 1]) reach the network.
/// </summary>
/// <param name="Architecture">mlp, shallownet, lenet or minivggnet.</param>
/// <param name="Channels">1 (grey) or 3 (RGB).</param>
/// <param name="Height">Rows after resizing.</param>
/// <param name="Width">Columns after resizing.</param>
internal sealed record ImageSettings(string Architecture, int Channels, int Height, int Width)
{
    /// <summary>The architectures <c>--architecture</c> accepts.</summary>
    public static readonly string[] Architectures = ["mlp", "shallownet", "lenet", "minivggnet"];

    /// <summary>The side images are resized to by default: the book's data for each network (MNIST 28×28 for LeNet, CIFAR-10 32×32 for ShallowNet and MiniVGGNet).</summary>
    public static int DefaultSide(string architecture) => architecture is "shallownet" or "minivggnet" ? 32 : 28;

    /// <summary>The shape as the engine sees it.</summary>
    public ImageShape Shape => new(Channels, Height, Width);

    /// <summary>As "lenet on 1×28×28 images".</summary>
    public override string ToString() => $"{Architecture} on {Channels}×{Height}×{Width} {(Channels == 1 ? "grey" : "RGB")} images";
}
