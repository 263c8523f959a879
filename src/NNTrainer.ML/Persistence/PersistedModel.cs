namespace NNTrainer.ML;

/// <summary>
/// Builds the chain of stock, savable ML.NET transforms that a trained transformer saves itself as. ML.NET's
/// model-writing API is internal, but its stock transforms can save themselves; this chain computes exactly what
/// the transformer computes:
/// <list type="number">
/// <item><c>CustomMapping</c> (<see cref="ModelKeyMapping"/>): a constant key column;</item>
/// <item><c>MapValue</c>: maps that key to the network as text, a table ML.NET stores inside the .zip;</item>
/// <item><c>CopyColumns</c>: the feature column under a fixed name the scoring step can bind to;</item>
/// <item>the task's scoring steps: a <c>CustomMapping</c> that scores with the engine into a raw-score vector, then
/// ML.NET's own scorer for the task over an identity model (<see cref="StockScorers"/>), which restores every annotation
/// (format 2); or, when this ML.NET does not let that scorer be created, the format-1 steps (a <c>CustomMapping</c>
/// with the outputs, for multiclass <c>SelectFeaturesBasedOnCount</c> and <c>MapValue</c>);</item>
/// <item><c>DropColumns</c>: removes the helper columns.</item>
/// </list>
/// Loading needs no registration: ML.NET records this assembly's name with each <c>CustomMapping</c> and finds the
/// mapping classes by their contract names.
/// </summary>
internal static class PersistedModel
{
    public static TransformerChain<ITransformer> Build(NeuralNetworkTransformer model)
    {
        var context = new MLContext(seed: 0);
        var input = FeatureRow.CreateView(context, model.FeatureColumnName, model.Network.InputSize);
        var text = ModelText.Encode(model.Network, model.FeatureColumnName);

        var prefix = new ModelKeyMapping().CreateEstimator(context)
            .Append(context.Transforms.Conversion.MapValue(PersistedColumns.Model, [new KeyValuePair<uint, string>(ModelKeyOutput.Key, text)], PersistedColumns.ModelKey))
            .Append(context.Transforms.CopyColumns(PersistedColumns.Features, model.FeatureColumnName))
            .Fit(input);
        var steps = new List<ITransformer>(prefix);
        var view = prefix.Transform(input);
        var scoring = model.StockScorer is { } stock
            ? StockScoring(context, model, view, stock)
            : model.CreatePersistedScoring(context, view);
        foreach (var step in scoring)
        {
            steps.Add(step);
            view = step.Transform(view);
        }
        var helpers = view.Schema.Select(c => c.Name).Where(n => n.StartsWith(PersistedColumns.Prefix, StringComparison.Ordinal)).Distinct().ToArray();
        steps.Add(context.Transforms.DropColumns(helpers).Fit(view));
        return new TransformerChain<ITransformer>(steps.ToArray());
    }

    /// <summary>Format 2: the raw scores, then ML.NET's own scorer for the task, which saves and restores every annotation.</summary>
    private static IEnumerable<ITransformer> StockScoring(MLContext context, NeuralNetworkTransformer model, IDataView view, ITransformer stock)
    {
        yield return RawScoreSizes.CreateMapping(context, model.Task, model.RawScoreSize).Fit(view);
        yield return stock;
    }

    /// <summary>A one-row view with just a feature column of the trained size, to fit the saved steps on.</summary>
    private sealed class FeatureRow
    {
        public float[] Features = [];

        public static IDataView CreateView(MLContext context, string name, int size)
        {
            var definition = SchemaDefinition.Create(typeof(FeatureRow));
            definition[0].ColumnName = name;
            definition[0].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
            return context.Data.LoadFromEnumerable([new FeatureRow { Features = new float[size] }], definition);
        }
    }
}
