namespace NNTrainer.ML;

/// <summary>Where the trainers apply <see cref="ConvolutionalDefaults"/>: a convolutional architecture with no epoch count given.</summary>
internal static class ConvolutionalTraining
{
    /// <summary>
    /// The default length for these options on <paramref name="rows"/> training images, or null when the tabular rule
    /// (or the caller's epochs) applies: a multi-layer perceptron, an epoch count given, or a model being continued (which
    /// trains for the options' epochs as it always has).
    /// </summary>
    public static ConvolutionalLength? Resolve(NeuralNetworkOptionsBase options, long rows, bool validationData, bool continuing) =>
        options is NeuralNetworkMulticlassTrainer.Options { Architecture: not NeuralNetworkArchitecture.MultiLayerPerceptron } && options.NumberOfEpochs is null && !continuing
            ? ConvolutionalDefaults.For(rows, options.BatchSize, options.ValidationSetFraction, options.EarlyStoppingPatience, validationData)
            : null;
}
