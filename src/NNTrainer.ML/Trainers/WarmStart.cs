namespace NNTrainer.ML;

/// <summary>
/// Continuing training from a trained network (<c>trainer.Fit(trainData, previous.Model)</c>): a private copy of it,
/// checked against the network the options and the data describe, with its optimizer state carried over when it has one.
/// </summary>
internal static class WarmStart
{
    /// <summary>
    /// A copy of <paramref name="previous"/> (weights, optimizer moments and random source, bit for bit), so that the
    /// model it came from is left as it was.
    /// </summary>
    public static Network Copy(Network previous)
    {
        if (!previous.IsBuilt) throw new ArgumentException("The network to continue from has not been built or trained.", "modelParameters");
        using var buffer = new MemoryStream();
        previous.Save(buffer);
        buffer.Position = 0;
        return Network.Load(buffer);
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming what differs when <paramref name="model"/> cannot be trained by
    /// a trainer that would build <paramref name="expected"/>: its feature count, outputs (classes), task or layers.
    /// </summary>
    public static void CheckShape(Network model, Network expected, string featureColumn, string labelColumn)
    {
        const string Parameter = "modelParameters";
        string modelTask = TaskOf(model), task = TaskOf(expected);
        if (modelTask != task)
        {
            throw new ArgumentException($"The model to continue from was trained for {modelTask}; this trainer trains {task}.", Parameter);
        }
        if (model.InputSize != expected.InputSize)
        {
            throw new ArgumentException(
                $"The model to continue from reads {model.InputSize} features, but column '{featureColumn}' has {expected.InputSize}; prepare the data with the same transforms as for the model.", Parameter);
        }
        if (model.OutputSize != expected.OutputSize)
        {
            throw new ArgumentException(
                $"The model to continue from has {model.OutputSize} classes, but the label column '{labelColumn}' has {expected.OutputSize} key values; map the label with the same MapValueToKey as for the model.", Parameter);
        }
        var have = Describe(model);
        var want = Describe(expected);
        if (!have.SequenceEqual(want))
        {
            int at = Enumerable.Range(0, Math.Min(have.Count, want.Count)).FirstOrDefault(i => have[i] != want[i], Math.Min(have.Count, want.Count));
            string where = at < Math.Min(have.Count, want.Count)
                ? $"layer {at} is {have[at]} in the model but {want[at]} in the options"
                : $"the model has {have.Count} layers and the options describe {want.Count}";
            throw new ArgumentException(
                $"The model to continue from has the layers [{string.Join(", ", have)}], but the options describe [{string.Join(", ", want)}]: {where}. " +
                "Set HiddenLayers, DropoutRate and Architecture as they were when the model was trained.", Parameter);
        }
    }

    /// <summary>
    /// Gives <paramref name="optimizer"/> the step count of the optimizer that trained <paramref name="model"/> when the
    /// model carries that optimizer's moments and the two are of the same kind, so that training continues exactly;
    /// otherwise clears any moments and the new optimizer starts afresh. Returns whether the state was carried over.
    /// </summary>
    public static bool CarryOptimizerState(Network model, Optimizer optimizer)
    {
        bool hasState = model.Parameters.Any(p => p.Momentums is not null || p.Cache is not null);
        if (hasState && model.Optimizer is { } previous && previous.GetType() == optimizer.GetType())
        {
            optimizer.RestoreSchedule(previous.Iterations);
            return true;
        }
        foreach (var parameter in model.Parameters) parameter.DropOptimizerState();
        return false;
    }

    private static string TaskOf(Network network) => network.Layers[^1] switch
    {
        SoftmaxActivation => "multiclass classification",
        SigmoidActivation => "binary classification",
        _ => "regression",
    };

    private static List<string> Describe(Network network) => network.Layers.Select(layer => layer switch
    {
        DenseLayer dense => $"Dense({dense.InputSize}→{dense.Neurons})",
        _ when layer.Parameters.Count == 0 => layer.GetType().Name,
        _ => $"{layer.GetType().Name}({string.Join("+", layer.Parameters.Select(p => p.Values.Length))})",
    }).ToList();
}
