using Microsoft.ML.Runtime;

namespace NNTrainer.ML;

/// <summary>
/// Trains a multi-layer perceptron (NNTrainer's engine) to predict a <see cref="float"/> label: dense hidden
/// layers, one linear output neuron, and mean squared error. Create it with
/// <see cref="NeuralNetworkCatalog.NeuralNetwork(RegressionCatalog.RegressionTrainers, Options)"/>.
/// </summary>
/// <remarks>
/// <format type="text/markdown"><![CDATA[
/// ### Input and output columns
/// The label column must be `Single`, and the feature column a known-size vector of `Single`.
///
/// | Output column | Type | Description |
/// | -- | -- | -- |
/// | `Score` | `Single` | The predicted value, in the label's units. |
///
/// ### Trainer characteristics
/// | | |
/// | -- | -- |
/// | Machine learning task | Regression |
/// | Is normalization required? | Yes for the features (`NormalizeMinMax` or `NormalizeMeanVariance`); the label is standardised internally |
/// | Is caching required? | No: the data is read once into memory |
/// | Required NuGet in addition to Microsoft.ML | NNTrainer.ML |
/// | Exportable to ONNX | Yes, with NNTrainer.Onnx: `mlContext.Model.ConvertNeuralNetworkToOnnx` (the whole pipeline) or `Network.SaveAsOnnx` |
/// ]]></format>
/// </remarks>
public sealed class NeuralNetworkRegressionTrainer : NeuralNetworkTrainerBase<NeuralNetworkRegressionTransformer, NeuralNetworkRegressionTrainer.Options>
{
    internal NeuralNetworkRegressionTrainer(IHostEnvironment environment, Options options)
        : base(environment, options, nameof(NeuralNetworkRegressionTrainer))
    {
    }

    /// <summary>Options of <see cref="NeuralNetworkRegressionTrainer"/>; every field has a documented default.</summary>
    public sealed class Options : NeuralNetworkOptionsBase
    {
        /// <summary>
        /// Train on the label standardised to zero mean and unit variance, then fold the scale back into the output
        /// layer so that <c>Score</c> is in the label's units. Default true: labels such as prices in the hundreds of
        /// thousands otherwise make the first gradients huge and training diverge or crawl. The losses in
        /// <see cref="NeuralNetworkTransformer.History"/> are then in standardised units.
        /// </summary>
        public bool StandardizeLabel = true;
    }

    private protected override void CheckLabel(SchemaShape.Column label)
    {
        if (!label.IsKey && label.Kind == SchemaShape.Column.VectorKind.Scalar && label.ItemType == NumberDataViewType.Single) return;
        throw WrongLabel(label.Name, SchemaChecks.Describe(label));
    }

    private protected override int CheckLabel(DataViewSchema.Column label)
    {
        if (label.Type != NumberDataViewType.Single) throw WrongLabel(label.Name, $"{label.Type}");
        return 1;
    }

    private protected override LabelReader CreateLabelReader() => new SingleLabelReader();

    private protected override SchemaShape StockOutputSchema(MLContext context, SchemaShape inputSchema) =>
        context.Regression.Trainers.Sdca(TrainerOptions.LabelColumnName, TrainerOptions.FeatureColumnName).GetOutputSchema(inputSchema);

    private protected override Layer? CreateOutputActivation() => null;

    private protected override Loss CreateLoss() => new MeanSquaredErrorLoss();

    private protected override LabelScaling? PrepareTargets(TrainingSet train, TrainingSet? validation, DataViewSchema.Column label)
    {
        if (!TrainerOptions.StandardizeLabel) return null;
        var scaling = LabelScaling.Fit(train.Targets.AsSpan(), train.Weights);
        scaling.Standardize(train.Targets.AsSpan());
        if (validation is not null) scaling.Standardize(validation.Targets.AsSpan());
        return scaling;
    }

    private protected override NeuralNetworkRegressionTransformer CreateTransformer(Network network, TrainingHistory history, DataViewSchema.Column label, int outputs) =>
        new(network, history, TrainerOptions.FeatureColumnName);

    private static ArgumentOutOfRangeException WrongLabel(string name, string actual) => new(SchemaChecks.ParameterName,
        $"Column '{name}' is the label of the regression neural network and must be Single; it is {actual}. " +
        $"Convert it with mlContext.Transforms.Conversion.ConvertType(\"{name}\", outputKind: DataKind.Single).");
}
