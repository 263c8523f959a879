using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>
/// Recognises the stock steps a <see cref="NeuralNetworkTransformer"/> is saved as (see <see cref="PersistedModel"/>)
/// in a reloaded model and reads the network back out of them.
/// </summary>
internal static class PersistedChainReader
{
    /// <summary>The network whose saved steps start at <paramref name="start"/>, or null when no saved network starts there.</summary>
    /// <exception cref="ModelFormatException">The steps start like a saved network but do not continue like one, or the network in them is damaged.</exception>
    public static FoundNeuralNetwork? TryRead(IReadOnlyList<ITransformer> steps, int start)
    {
        if (steps[start] is not CustomMappingTransformer<NoInput, ModelKeyOutput>) return null;
        if (start + 3 >= steps.Count)
        {
            throw new ModelFormatException("The model's saved neural network is incomplete: its scoring steps are missing.");
        }
        NeuralNetworkTask task;
        int end;
        if (IsScoring(steps[start + 3], typeof(IRawScore)))
        {
            // Format 2: key, network, copy, raw scores, ML.NET's own scorer, drop.
            task = (start + 4 < steps.Count ? StockTask(steps[start + 4]) : null)
                ?? throw new ModelFormatException("The model's saved neural network has raw scores but not the stock scorer that follows them; the .zip is damaged or was edited.");
            end = start + 5;
        }
        else
        {
            // Format 1: binary and regression: key, network, copy, score, drop. Multiclass adds slot selection and the key lookup.
            task = steps[start + 3] switch
            {
                CustomMappingTransformer<ScoringInput, BinaryOutput> => NeuralNetworkTask.BinaryClassification,
                CustomMappingTransformer<ScoringInput, RegressionOutput> => NeuralNetworkTask.Regression,
                var s when IsScoring(s, typeof(IPaddedOutput)) => NeuralNetworkTask.MulticlassClassification,
                var s => throw new ModelFormatException($"The model's saved neural network has an unexpected scoring step ({s.GetType().Name})."),
            };
            end = start + (task == NeuralNetworkTask.MulticlassClassification ? 6 : 4);
        }
        if (end >= steps.Count || steps[end] is not ColumnSelectingTransformer)
        {
            throw new ModelFormatException("The model's saved neural network does not end with the step that drops its helper columns; the .zip is damaged or was edited.");
        }
        var (network, featureColumnName) = ReadNetwork(steps[start], steps[start + 1]);
        var classNames = task == NeuralNetworkTask.MulticlassClassification
            ? ReadClassNames(steps.Skip(start).Take(end - start + 1), featureColumnName, network)
            : null;
        return new FoundNeuralNetwork(network, task, featureColumnName, classNames, steps, start, end, isReloaded: true);
    }

    private static bool IsScoring(ITransformer step, Type outputKind)
    {
        var type = step.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(CustomMappingTransformer<,>)
            && type.GetGenericArguments() is [var source, var output] && source == typeof(ScoringInput) && outputKind.IsAssignableFrom(output);
    }

    private static NeuralNetworkTask? StockTask(ITransformer step)
    {
        var type = step.GetType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(MulticlassPredictionTransformer<>)) return NeuralNetworkTask.MulticlassClassification;
        if (definition == typeof(BinaryPredictionTransformer<>)) return NeuralNetworkTask.BinaryClassification;
        if (definition == typeof(RegressionPredictionTransformer<>)) return NeuralNetworkTask.Regression;
        return null;
    }

    private static (Network Network, string FeatureColumnName) ReadNetwork(ITransformer key, ITransformer lookup)
    {
        var context = new MLContext(seed: 0);
        var view = lookup.Transform(key.Transform(context.Data.LoadFromEnumerable([new OneRow()])));
        var column = view.Schema.GetColumnOrNull(PersistedColumns.Model)
            ?? throw new ModelFormatException("The model's saved neural network has no network column; the .zip is damaged or was edited.");
        using var cursor = view.GetRowCursor([column]);
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(column);
        var text = default(ReadOnlyMemory<char>);
        if (cursor.MoveNext()) getter(ref text);
        if (text.IsEmpty) throw new ModelFormatException("The model's saved neural network column is empty; the .zip is damaged or was edited.");
        return ModelText.Decode(text.Span);
    }

    private static IReadOnlyList<string>? ReadClassNames(IEnumerable<ITransformer> saved, string featureColumnName, Network network)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(featureColumnName, new VectorDataViewType(NumberDataViewType.Single, network.InputSize));
        var schema = builder.ToSchema();
        foreach (var step in saved) schema = step.GetOutputSchema(schema);
        var predicted = schema.GetColumnOrNull(AnnotationKinds.PredictedLabel);
        return predicted is null ? null : LabelKeyValues.From(predicted.Value, network.OutputSize)?.Names;
    }

    /// <summary>A row with nothing the saved steps read: the network's key step needs no input.</summary>
    private sealed class OneRow
    {
        public float Unused { get; set; }
    }
}
