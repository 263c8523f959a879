namespace NNTrainer.ML;

/// <summary>Builds the convolutional network of a multiclass trainer whose options name an image architecture.</summary>
internal static class ImageNetworkFactory
{
    /// <summary>
    /// The image shape the network reads: the option when set, else the dimensions the feature column carries
    /// (ML.NET's <c>ExtractPixels</c> types its output as a C×H×W vector).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No shape is known, or it does not hold exactly the column's values; the message names the option and column.</exception>
    public static ImageShape ResolveShape(NeuralNetworkMulticlassTrainer.Options options, DataViewSchema.Column features, int featureCount)
    {
        var architecture = options.Architecture;
        if (options.ImageShape is { } shape)
        {
            if (shape.Size != featureCount)
            {
                throw Invalid(nameof(options.ImageShape),
                    $"is {shape} = {shape.Size} values per image, but column '{features.Name}' holds {featureCount} values per row; " +
                    "set it to the shape the pixels were extracted at (channels, height, width), or leave it null to take the column's own dimensions");
            }
            return shape;
        }
        if (features.Type is VectorDataViewType { Dimensions: [int c, int h, int w] } && c > 0 && h > 0 && w > 0)
        {
            return new ImageShape(c, h, w);
        }
        throw Invalid(nameof(options.ImageShape),
            $"is null and column '{features.Name}' ({featureCount} values per row) carries no channels×height×width dimensions, so the {architecture} " +
            "architecture cannot tell the image's shape; set ImageShape (e.g. new ImageShape(1, 28, 28)), or feed the column straight from ExtractPixels, which records it");
    }

    /// <summary>The architecture's network for <paramref name="shape"/>, with <paramref name="classes"/> outputs ending in a softmax.</summary>
    public static Network Create(NeuralNetworkArchitecture architecture, ImageShape shape, int classes, int seed, int threads)
    {
        Network network;
        try
        {
            network = architecture switch
            {
                NeuralNetworkArchitecture.ShallowNet => Architectures.ShallowNet(shape, classes, seed),
                NeuralNetworkArchitecture.LeNet => Architectures.LeNet(shape, classes, seed),
                NeuralNetworkArchitecture.MiniVGGNet => Architectures.MiniVGGNet(shape, classes, seed),
                _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "Not an image architecture."),
            };
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException { ParamName: nameof(architecture) })
        {
            // A layer's own message (a kernel larger than its input, a pooling that shrinks a side to zero) in the options' terms.
            // ArgumentException.Message ends with the layer's " (Parameter 'kernelSize')"; the option's own name follows instead.
            string layerMessage = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty);
            throw Invalid(nameof(NeuralNetworkMulticlassTrainer.Options.ImageShape), $"is {shape}, too small for {architecture}: {layerMessage}");
        }
        network.NumberOfThreads = threads;
        return network;
    }

    private static ArgumentOutOfRangeException Invalid(string option, string problem) =>
        new($"options.{option}", $"Invalid neural-network option {option}: it {problem}.");
}
