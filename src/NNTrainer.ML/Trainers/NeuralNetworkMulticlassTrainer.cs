using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

/// <summary>
/// Trains a multi-layer perceptron (NNTrainer's engine) to predict a key-typed label: dense hidden layers, a
/// softmax output layer with one neuron per class, and categorical cross-entropy; or, with
/// <see cref="Options.Architecture"/>, a convolutional network (ShallowNet, LeNet, MiniVGGNet) on image pixels. Create it with
/// <see cref="NeuralNetworkCatalog.NeuralNetwork(MulticlassClassificationCatalog.MulticlassClassificationTrainers, Options)"/>.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ### Input and output columns
/// The label column must be a [key](xref:Microsoft.ML.Data.KeyDataViewType) (use `MapValueToKey` on text or
/// numbers), and the feature column a known-size vector of `Single`.
///
/// | Output column | Type | Description |
/// | -- | -- | -- |
/// | `Score` | Vector of `Single`, one per class | The class probabilities (softmax outputs); the slots are named after the classes. |
/// | `PredictedLabel` | Key, the label's type | The most probable class; carries the label's key values, so `MapKeyToValue` restores the original value. |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Multiclass classification |
/// | Is normalization required? | Yes (`NormalizeMinMax` or `NormalizeMeanVariance`) |
/// | Is caching required? | No: the data is read once into memory |
/// | Required NuGet in addition to Microsoft.ML | NNTrainer.ML |
/// | Exportable to ONNX | Yes, with NNTrainer.Onnx: `mlContext.Model.ConvertNeuralNetworkToOnnx` (the whole pipeline) or `Network.SaveAsOnnx` |
/// ]]></format>
/// </remarks>
public sealed class NeuralNetworkMulticlassTrainer : NeuralNetworkTrainerBase<NeuralNetworkMulticlassTransformer, NeuralNetworkMulticlassTrainer.Options>
{
    /// <summary>The most classes a multiclass neural network can have (the largest a saved model supports).</summary>
    public const int MaximumClassCount = 4096;

    internal NeuralNetworkMulticlassTrainer(IHostEnvironment environment, Options options)
        : base(environment, options, nameof(NeuralNetworkMulticlassTrainer))
    {
    }

    /// <summary>Options of <see cref="NeuralNetworkMulticlassTrainer"/>; every field has a documented default.</summary>
    public sealed class Options : NeuralNetworkOptionsBase
    {
        /// <summary>
        /// Label smoothing ε in [0, 1): the network trains on the targets <c>(1 − ε)·onehot + ε/K</c> for K classes (Keras' and PyTorch's
        /// <c>label_smoothing</c>), which keeps it from growing over-confident. The losses in
        /// <see cref="NeuralNetworkTransformer.History"/> are then the smoothed ones. Default 0: off.
        /// </summary>
        public float LabelSmoothing;

        /// <summary>
        /// The network to build. Default <see cref="NeuralNetworkArchitecture.MultiLayerPerceptron"/> (dense layers of
        /// <see cref="NeuralNetworkOptionsBase.HiddenLayers"/>). The convolutional architectures read the feature
        /// column as images of <see cref="ImageShape"/> and have the book's fixed layers, so they ignore
        /// <see cref="NeuralNetworkOptionsBase.HiddenLayers"/>, <see cref="NeuralNetworkOptionsBase.Activation"/>,
        /// <see cref="NeuralNetworkOptionsBase.DropoutRate"/> and the L1/L2 penalties; the optimizer, learning rate,
        /// epochs, batch size and early stopping apply as to any network.
        /// With <see cref="NeuralNetworkOptionsBase.NumberOfEpochs"/> null (the default) a convolutional network does not
        /// train for the tabular rule's 10,000 weight updates but for about 2,000 (<see cref="ConvolutionalDefaults"/>),
        /// from 5 to 50 epochs (in batches of 32: 50 up to 1,280 images, 13 for 4,800, 5 from about 12,000), at a constant
        /// learning rate; with an <see cref="NeuralNetworkOptionsBase.EarlyStoppingPatience"/> and no epoch count, up to 50
        /// epochs on the <see cref="NeuralNetworkOptionsBase.ValidationSetFraction"/> hold-out, or 10 % of the images when
        /// none is set (from 195 images: a hold-out of at least 20). Set <see cref="NeuralNetworkOptionsBase.NumberOfEpochs"/>
        /// to choose.
        /// </summary>
        public NeuralNetworkArchitecture Architecture = NeuralNetworkArchitecture.MultiLayerPerceptron;

        /// <summary>
        /// The shape of one image in the feature column, for the convolutional architectures: channels, height and
        /// width, the values in planar C×H×W order (what <c>ExtractPixels</c> produces with its default
        /// <c>interleavePixelColors: false</c>). Default null: taken from the feature column's dimensions, which
        /// <c>ExtractPixels</c> records. Ignored by <see cref="NeuralNetworkArchitecture.MultiLayerPerceptron"/>.
        /// </summary>
        public ImageShape? ImageShape;

        /// <inheritdoc />
        internal override void Check()
        {
            base.Check();
            if (!(LabelSmoothing >= 0 && LabelSmoothing < 1)) throw Invalid(nameof(LabelSmoothing), $"must be in [0, 1); it is {LabelSmoothing}");
            if (!Enum.IsDefined(Architecture)) throw Invalid(nameof(Architecture), $"has the unknown value {(int)Architecture}");
            if (ImageShape is { } shape && (shape.Channels <= 0 || shape.Height <= 0 || shape.Width <= 0))
            {
                throw Invalid(nameof(ImageShape), $"must have positive channels, height and width; it is {shape}");
            }
        }
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        if (label.IsKey && label.Kind == SchemaShape.Column.VectorKind.Scalar) return;
        throw WrongLabel(label.Name, SchemaChecks.Describe(label));
    }

    private protected override int CheckLabel(DataViewSchema.Column label)
    {
        if (label.Type is not KeyDataViewType key) throw WrongLabel(label.Name, $"{label.Type}");
        if (key.Count < 2)
        {
            throw new ArgumentOutOfRangeException(SchemaChecks.ParameterName,
                $"Column '{label.Name}' is a key with {key.Count} value(s); a classifier needs at least two classes.");
        }
        if (key.Count > MaximumClassCount)
        {
            throw new ArgumentOutOfRangeException(SchemaChecks.ParameterName,
                $"Column '{label.Name}' is a key with {key.Count} values; the multiclass neural network supports at most {MaximumClassCount} classes.");
        }
        return (int)key.Count;
    }

    private protected override LabelReader CreateLabelReader() => new KeyLabelReader();

    private protected override SchemaShape StockOutputSchema(MLContext context, SchemaShape inputSchema) =>
        context.MulticlassClassification.Trainers.SdcaMaximumEntropy(TrainerOptions.LabelColumnName, TrainerOptions.FeatureColumnName).GetOutputSchema(inputSchema);

    private protected override Layer CreateOutputActivation() => new SoftmaxActivation();

    private protected override Network CreateNetwork(DataViewSchema.Column features, int featureCount, int outputs, int seed, int threads, long rows)
    {
        var options = TrainerOptions;
        if (options.Architecture == NeuralNetworkArchitecture.MultiLayerPerceptron) return base.CreateNetwork(features, featureCount, outputs, seed, threads, rows);
        var shape = ImageNetworkFactory.ResolveShape(options, features, featureCount);
        return ImageNetworkFactory.Create(options.Architecture, shape, outputs, seed, threads);
    }

    private protected override Loss CreateLoss() => new CategoricalCrossEntropyLoss(TrainerOptions.LabelSmoothing);

    private protected override LabelScaling? PrepareTargets(TrainingSet train, TrainingSet? validation, DataViewSchema.Column label)
    {
        var targets = train.Targets.AsSpan();
        float first = targets[0];
        foreach (float target in targets)
        {
            if (target != first) return null;
        }
        var names = LabelKeyValues.From(label, (int)((KeyDataViewType)label.Type).Count)?.Names;
        string which = names is null ? $"key {first + 1}" : $"'{names[(int)first]}'";
        throw new ArgumentException(
            $"Every training row has the same class ({which}) in column '{label.Name}'; a classifier needs rows of at least two classes.", nameof(train));
    }

    private protected override NeuralNetworkMulticlassTransformer CreateTransformer(Network network, TrainingHistory history, DataViewSchema.Column label, int outputs) =>
        new(network, history, TrainerOptions.FeatureColumnName, outputs, LabelKeyValues.From(label, outputs));

    private static ArgumentOutOfRangeException WrongLabel(string name, string actual) => new(SchemaChecks.ParameterName,
        $"Column '{name}' is the label of the multiclass neural network and must be a key; it is {actual}. " +
        $"Map the label to keys first with mlContext.Transforms.Conversion.MapValueToKey(\"{name}\") " +
        "(and back with MapKeyToValue(\"PredictedLabel\") after the trainer).");
}
