using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

/// <summary>
/// Trains a multi-layer perceptron (NNTrainer's engine) to predict a Boolean label: dense hidden layers, one
/// sigmoid output neuron, and binary cross-entropy. Create it with
/// <see cref="NeuralNetworkCatalog.NeuralNetwork(BinaryClassificationCatalog.BinaryClassificationTrainers, Options)"/>.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ### Input and output columns
/// The label column must be `Boolean`, and the feature column a known-size vector of `Single`.
///
/// | Output column | Type | Description |
/// | -- | -- | -- |
/// | `Score` | `Single` | The logit: the output neuron's value before the sigmoid. |
/// | `Probability` | `Single` | The probability of the positive class, the sigmoid of `Score`. |
/// | `PredictedLabel` | `Boolean` | True when `Score` is above 0 (the probability above ½). |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Binary classification |
/// | Is normalization required? | Yes (`NormalizeMinMax` or `NormalizeMeanVariance`) |
/// | Is caching required? | No: the data is read once into memory |
/// | Required NuGet in addition to Microsoft.ML | NNTrainer.ML |
/// | Exportable to ONNX | Yes, with NNTrainer.Onnx: `mlContext.Model.ConvertNeuralNetworkToOnnx` (the whole pipeline) or `Network.SaveAsOnnx` |
/// ]]></format>
/// </remarks>
public sealed class NeuralNetworkBinaryTrainer : NeuralNetworkTrainerBase<NeuralNetworkBinaryTransformer, NeuralNetworkBinaryTrainer.Options>
{
    internal NeuralNetworkBinaryTrainer(IHostEnvironment environment, Options options)
        : base(environment, options, nameof(NeuralNetworkBinaryTrainer))
    {
    }

    /// <summary>Options of <see cref="NeuralNetworkBinaryTrainer"/>; every field has a documented default.</summary>
    public sealed class Options : NeuralNetworkOptionsBase
    {
        /// <summary>
        /// Label smoothing ε in [0, 1): the network trains on the targets <c>y·(1 − ε) + ε/2</c> (Keras' and PyTorch's
        /// <c>label_smoothing</c>), which keeps it from growing over-confident. The losses in
        /// <see cref="NeuralNetworkTransformer.History"/> are then the smoothed ones. Default 0: off.
        /// </summary>
        public float LabelSmoothing;

        internal override void Check()
        {
            base.Check();
            if (!(LabelSmoothing >= 0 && LabelSmoothing < 1)) throw Invalid(nameof(LabelSmoothing), $"must be in [0, 1); it is {LabelSmoothing}");
        }
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        if (!label.IsKey && label.Kind == SchemaShape.Column.VectorKind.Scalar && label.ItemType == BooleanDataViewType.Instance) return;
        throw WrongLabel(label.Name, SchemaChecks.Describe(label));
    }

    private protected override int CheckLabel(DataViewSchema.Column label)
    {
        if (label.Type != BooleanDataViewType.Instance) throw WrongLabel(label.Name, $"{label.Type}");
        return 1;
    }

    private protected override LabelReader CreateLabelReader() => new BooleanLabelReader();

    private protected override SchemaShape StockOutputSchema(MLContext context, SchemaShape inputSchema) =>
        context.BinaryClassification.Trainers.SdcaLogisticRegression(TrainerOptions.LabelColumnName, TrainerOptions.FeatureColumnName).GetOutputSchema(inputSchema);

    private protected override Layer CreateOutputActivation() => new SigmoidActivation();

    private protected override Loss CreateLoss() => new BinaryCrossEntropyLoss(TrainerOptions.LabelSmoothing);

    private protected override LabelScaling? PrepareTargets(TrainingSet train, TrainingSet? validation, DataViewSchema.Column label)
    {
        var targets = train.Targets.AsSpan();
        if (targets.Contains(0f) && targets.Contains(1f)) return null;
        throw new ArgumentException(
            $"Every training row has the label {(targets[0] == 1f ? "true" : "false")} in column '{label.Name}'; a classifier needs rows of both classes.", nameof(train));
    }

    private protected override NeuralNetworkBinaryTransformer CreateTransformer(Network network, TrainingHistory history, DataViewSchema.Column label, int outputs) =>
        new(network, history, TrainerOptions.FeatureColumnName);

    private static ArgumentOutOfRangeException WrongLabel(string name, string actual) => new(SchemaChecks.ParameterName,
        $"Column '{name}' is the label of the binary neural network and must be Boolean; it is {actual}. " +
        "Load it as bool, or convert it (e.g. mlContext.Transforms.CustomMapping, or MapValue from its values to true/false).");
}
