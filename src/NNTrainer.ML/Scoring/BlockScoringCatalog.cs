namespace NNTrainer.ML;

/// <summary>
/// Adds <c>model.WithBlockScoring()</c>: a model read back with <c>mlContext.Model.Load</c> scores through the stock
/// ML.NET steps it was saved as, whose network step is a <c>CustomMapping</c> that sees one row at a time; this puts
/// a <see cref="NeuralNetworkTransformer"/> back in their place, so <c>Transform</c> scores in blocks through the
/// engine's batch kernels as a freshly fitted model does.
/// </summary>
public static class BlockScoringCatalog
{
    /// <summary>
    /// The same model with its saved neural-network steps replaced by a <see cref="NeuralNetworkTransformer"/>: the
    /// steps before and after it are kept as they are, the output columns keep their names, types and annotations,
    /// and every score is bit-identical to the model that was saved (the binary <c>Probability</c> is the engine's
    /// sigmoid, as before saving, which can differ from the reloaded stock scorer's by one float step).
    /// A model that already scores with a <see cref="NeuralNetworkTransformer"/> is returned as it is.
    /// </summary>
    /// <param name="model">A model loaded with <c>mlContext.Model.Load</c> (or <c>LoadVerified</c>), or a fitted one.</param>
    /// <returns>A model that scores in blocks; saving it writes the same kind of .zip as the original.</returns>
    /// <exception cref="ArgumentException">The model contains no NNTrainer neural network, or more than one.</exception>
    /// <exception cref="ModelFormatException">The model's saved network is damaged.</exception>
    public static ITransformer WithBlockScoring(this ITransformer model)
    {
        var found = NeuralNetworkModel.FindNetwork(model);
        if (!found.IsReloaded) return model;
        var network = found.Network;
        NeuralNetworkTransformer live = found.Task switch
        {
            NeuralNetworkTask.BinaryClassification => new NeuralNetworkBinaryTransformer(network, new TrainingHistory(), found.FeatureColumnName),
            NeuralNetworkTask.MulticlassClassification => new NeuralNetworkMulticlassTransformer(network, new TrainingHistory(), found.FeatureColumnName,
                network.OutputSize, SavedKeyValues(found)),
            _ => new NeuralNetworkRegressionTransformer(network, new TrainingHistory(), found.FeatureColumnName),
        };
        return new TransformerChain<ITransformer>([.. found.Preceding, live, .. found.Following]);
    }

    /// <summary>The class key values the saved steps put on <c>PredictedLabel</c>, with their original item type.</summary>
    private static LabelKeyValues? SavedKeyValues(FoundNeuralNetwork found)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(found.FeatureColumnName, new VectorDataViewType(NumberDataViewType.Single, found.Network.InputSize));
        var schema = builder.ToSchema();
        foreach (var step in found.NetworkSteps) schema = step.GetOutputSchema(schema);
        var predicted = schema.GetColumnOrNull(AnnotationKinds.PredictedLabel);
        return predicted is null ? null : LabelKeyValues.From(predicted.Value, found.Network.OutputSize);
    }
}
