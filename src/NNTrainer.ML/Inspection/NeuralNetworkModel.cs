namespace NNTrainer.ML;

/// <summary>Finds NNTrainer's neural network inside an ML.NET model, fitted or reloaded.</summary>
public static class NeuralNetworkModel
{
    /// <summary>
    /// Finds the one neural network in <paramref name="model"/>: a trained <see cref="NeuralNetworkTransformer"/>, a
    /// <see cref="TransformerChain{TLastTransformer}"/> that contains one (at any depth), or a model read back with
    /// <c>mlContext.Model.Load</c>, where the network is carried by the stock steps it was saved as.
    /// </summary>
    /// <param name="model">A fitted or reloaded model.</param>
    /// <returns>The network, its task, its feature column and the steps before and after it.</returns>
    /// <exception cref="ArgumentException">The model contains no NNTrainer network, or more than one.</exception>
    /// <exception cref="ModelFormatException">The model's saved network is damaged.</exception>
    public static FoundNeuralNetwork FindNetwork(ITransformer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var steps = new List<ITransformer>();
        Flatten(model, steps);
        FoundNeuralNetwork? found = null;
        for (int i = 0; i < steps.Count; i++)
        {
            var candidate = steps[i] switch
            {
                NeuralNetworkTransformer live => FromLive(live, steps, i),
                _ => PersistedChainReader.TryRead(steps, i),
            };
            if (candidate is null) continue;
            if (found is not null)
            {
                throw new ArgumentException("The model contains more than one NNTrainer neural network; pass the part of the pipeline that holds the one you want.", nameof(model));
            }
            found = candidate;
        }
        return found ?? throw new ArgumentException(
            $"The model contains no NNTrainer neural network (its steps are: {string.Join(", ", steps.Select(s => s.GetType().Name))}).", nameof(model));
    }

    private static FoundNeuralNetwork FromLive(NeuralNetworkTransformer live, List<ITransformer> steps, int index)
    {
        var (task, names) = live switch
        {
            NeuralNetworkBinaryTransformer => (NeuralNetworkTask.BinaryClassification, null),
            NeuralNetworkMulticlassTransformer multiclass => (NeuralNetworkTask.MulticlassClassification, multiclass.ClassNames),
            _ => (NeuralNetworkTask.Regression, (IReadOnlyList<string>?)null),
        };
        return new FoundNeuralNetwork(live.Network, task, live.FeatureColumnName, names, steps, index, index, isReloaded: false);
    }

    private static void Flatten(ITransformer model, List<ITransformer> steps)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var step in chain) Flatten(step, steps);
        }
        else
        {
            steps.Add(model);
        }
    }
}
