using NNTrainer.ML;

// In namespace Microsoft.ML, as ML.NET's own add-on trainers declare theirs (LightGbmExtensions, FastTree's
// TreeExtensions): `using Microsoft.ML;` alone finds the trainers. The trainer, option and transformer types stay in
// NNTrainer.ML, so code that also has `using NNTrainer.ML;` compiles unchanged.
namespace Microsoft.ML;

/// <summary>
/// Adds NNTrainer's neural network to ML.NET's trainer catalogs:
/// <c>mlContext.MulticlassClassification.Trainers.NeuralNetwork()</c>,
/// <c>mlContext.BinaryClassification.Trainers.NeuralNetwork()</c> and
/// <c>mlContext.Regression.Trainers.NeuralNetwork()</c>. It lives in namespace <c>Microsoft.ML</c>, like ML.NET's
/// <c>LightGbmExtensions</c>, so <c>using Microsoft.ML;</c> is all a pipeline needs.
/// </summary>
/// <remarks>
/// This class used to be <c>NNTrainer.ML.NeuralNetworkCatalog</c>. Extension-method calls
/// (<c>mlContext.Regression.Trainers.NeuralNetwork(...)</c>) compile unchanged; only code that names the class itself
/// with its old namespace (<c>NNTrainer.ML.NeuralNetworkCatalog.NeuralNetwork(catalog, ...)</c>) must drop the
/// namespace or write <c>Microsoft.ML.NeuralNetworkCatalog</c>.
/// </remarks>
public static class NeuralNetworkCatalog
{
    /// <summary>
    /// Creates a <see cref="NeuralNetworkMulticlassTrainer"/>: a multi-layer perceptron that predicts a key-typed
    /// label, with <c>Score</c> (class probabilities) and <c>PredictedLabel</c> outputs.
    /// </summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column, a key (use <c>MapValueToKey</c>). Default <c>"Label"</c>.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of <see cref="float"/>. Default <c>"Features"</c>.</param>
    /// <param name="exampleWeightColumnName">The example weight column, a <see cref="float"/> per row. Default null: every row weighs 1.</param>
    /// <param name="hiddenLayers">Neurons per hidden layer. Default null: <c>[100]</c>.</param>
    /// <param name="numberOfEpochs">Passes over the data. Default null: chosen from the data's size (see <see cref="NeuralNetworkOptionsBase.NumberOfEpochs"/>).</param>
    /// <param name="batchSize">Rows per weight update. Default 32.</param>
    /// <param name="learningRate">Adam's learning rate. Default null: 0.001.</param>
    /// <example>
    /// <code>
    /// var pipeline = mlContext.Transforms.Conversion.MapValueToKey("Label")
    ///     .Append(mlContext.Transforms.NormalizeMinMax("Features"))
    ///     .Append(mlContext.MulticlassClassification.Trainers.NeuralNetwork())
    ///     .Append(mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
    /// </code>
    /// </example>
    public static NeuralNetworkMulticlassTrainer NeuralNetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = NeuralNetworkDefaults.LabelColumnName,
        string featureColumnName = NeuralNetworkDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        int batchSize = NeuralNetworkDefaults.BatchSize,
        float? learningRate = null)
        => catalog.NeuralNetwork(Simple(new NeuralNetworkMulticlassTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, batchSize, learningRate));

    /// <summary>Creates a <see cref="NeuralNetworkMulticlassTrainer"/> with all of its options.</summary>
    /// <param name="catalog">The multiclass classification trainers catalog.</param>
    /// <param name="options">The options; see <see cref="NeuralNetworkOptionsBase"/> for every default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the message names it.</exception>
    public static NeuralNetworkMulticlassTrainer NeuralNetwork(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        NeuralNetworkMulticlassTrainer.Options options)
        => new(Environment(catalog, options), options);

    /// <summary>
    /// Creates a <see cref="NeuralNetworkBinaryTrainer"/>: a multi-layer perceptron that predicts a Boolean label,
    /// with <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c> outputs.
    /// </summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="labelColumnName">The label column, <see cref="bool"/>. Default <c>"Label"</c>.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of <see cref="float"/>. Default <c>"Features"</c>.</param>
    /// <param name="exampleWeightColumnName">The example weight column, a <see cref="float"/> per row. Default null: every row weighs 1.</param>
    /// <param name="hiddenLayers">Neurons per hidden layer. Default null: <c>[100]</c>.</param>
    /// <param name="numberOfEpochs">Passes over the data. Default null: chosen from the data's size (see <see cref="NeuralNetworkOptionsBase.NumberOfEpochs"/>).</param>
    /// <param name="batchSize">Rows per weight update. Default 32.</param>
    /// <param name="learningRate">Adam's learning rate. Default null: 0.001.</param>
    public static NeuralNetworkBinaryTrainer NeuralNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = NeuralNetworkDefaults.LabelColumnName,
        string featureColumnName = NeuralNetworkDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        int batchSize = NeuralNetworkDefaults.BatchSize,
        float? learningRate = null)
        => catalog.NeuralNetwork(Simple(new NeuralNetworkBinaryTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, batchSize, learningRate));

    /// <summary>Creates a <see cref="NeuralNetworkBinaryTrainer"/> with all of its options.</summary>
    /// <param name="catalog">The binary classification trainers catalog.</param>
    /// <param name="options">The options; see <see cref="NeuralNetworkOptionsBase"/> for every default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the message names it.</exception>
    public static NeuralNetworkBinaryTrainer NeuralNetwork(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        NeuralNetworkBinaryTrainer.Options options)
        => new(Environment(catalog, options), options);

    /// <summary>
    /// Creates a <see cref="NeuralNetworkRegressionTrainer"/>: a multi-layer perceptron that predicts a
    /// <see cref="float"/> label, with a <c>Score</c> output.
    /// </summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="labelColumnName">The label column, <see cref="float"/>. Default <c>"Label"</c>.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of <see cref="float"/>. Default <c>"Features"</c>.</param>
    /// <param name="exampleWeightColumnName">The example weight column, a <see cref="float"/> per row. Default null: every row weighs 1.</param>
    /// <param name="hiddenLayers">Neurons per hidden layer. Default null: <c>[100]</c>.</param>
    /// <param name="numberOfEpochs">Passes over the data. Default null: chosen from the data's size (see <see cref="NeuralNetworkOptionsBase.NumberOfEpochs"/>).</param>
    /// <param name="batchSize">Rows per weight update. Default 32.</param>
    /// <param name="learningRate">Adam's learning rate. Default null: 0.001.</param>
    public static NeuralNetworkRegressionTrainer NeuralNetwork(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = NeuralNetworkDefaults.LabelColumnName,
        string featureColumnName = NeuralNetworkDefaults.FeatureColumnName,
        string? exampleWeightColumnName = null,
        int[]? hiddenLayers = null,
        int? numberOfEpochs = null,
        int batchSize = NeuralNetworkDefaults.BatchSize,
        float? learningRate = null)
        => catalog.NeuralNetwork(Simple(new NeuralNetworkRegressionTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, hiddenLayers, numberOfEpochs, batchSize, learningRate));

    /// <summary>Creates a <see cref="NeuralNetworkRegressionTrainer"/> with all of its options.</summary>
    /// <param name="catalog">The regression trainers catalog.</param>
    /// <param name="options">The options; see <see cref="NeuralNetworkOptionsBase"/> and <see cref="NeuralNetworkRegressionTrainer.Options"/> for every default.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is invalid; the message names it.</exception>
    public static NeuralNetworkRegressionTrainer NeuralNetwork(this RegressionCatalog.RegressionTrainers catalog,
        NeuralNetworkRegressionTrainer.Options options)
        => new(Environment(catalog, options), options);

    private static TOptions Simple<TOptions>(TOptions options, string labelColumnName, string featureColumnName, string? exampleWeightColumnName,
        int[]? hiddenLayers, int? numberOfEpochs, int batchSize, float? learningRate)
        where TOptions : NeuralNetworkOptionsBase
    {
        options.LabelColumnName = labelColumnName;
        options.FeatureColumnName = featureColumnName;
        options.ExampleWeightColumnName = exampleWeightColumnName;
        if (hiddenLayers is not null) options.HiddenLayers = hiddenLayers;
        options.NumberOfEpochs = numberOfEpochs;
        options.BatchSize = batchSize;
        options.LearningRate = learningRate;
        return options;
    }

    private static Microsoft.ML.Runtime.IHostEnvironment Environment(object catalog, NeuralNetworkOptionsBase options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return CatalogEnvironment.Get(catalog);
    }
}
