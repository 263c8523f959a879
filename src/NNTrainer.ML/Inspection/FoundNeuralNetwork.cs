namespace NNTrainer.ML;

/// <summary>
/// Where <see cref="NeuralNetworkModel.FindNetwork"/> found NNTrainer's network in an ML.NET model, and what the
/// steps around it are: enough to score, inspect or export the model without knowing how it was built or loaded.
/// </summary>
public sealed class FoundNeuralNetwork
{
    /// <summary>Splits <paramref name="steps"/> around the network, which is <c>steps[start..end]</c> (both included).</summary>
    internal FoundNeuralNetwork(Network network, NeuralNetworkTask task, string featureColumnName, IReadOnlyList<string>? classNames,
        IReadOnlyList<ITransformer> steps, int start, int end, bool isReloaded)
    {
        Network = network;
        Task = task;
        FeatureColumnName = featureColumnName;
        ClassNames = classNames;
        Preceding = steps.Take(start).ToArray();
        NetworkSteps = steps.Skip(start).Take(end - start + 1).ToArray();
        Following = steps.Skip(end + 1).ToArray();
        IsReloaded = isReloaded;
    }

    /// <summary>
    /// The engine network. For a model reloaded with <c>mlContext.Model.Load</c> it is a copy decoded from the .zip,
    /// bit-identical to the one that was saved; for a trained transformer it is the transformer's own network (do not modify it).
    /// </summary>
    public Network Network { get; }

    /// <summary>The task, which decides the output columns.</summary>
    public NeuralNetworkTask Task { get; }

    /// <summary>The column the network reads: a vector of <see cref="float"/> of <see cref="NNTrainer.Training.Network.InputSize"/> values.</summary>
    public string FeatureColumnName { get; }

    /// <summary>Multiclass: the label's key values as text, by class index; null when the label had none, or for other tasks.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The steps before the network, in order (nested chains flattened): what turns the raw columns into the feature column.</summary>
    public IReadOnlyList<ITransformer> Preceding { get; }

    /// <summary>
    /// The steps that are the network: the trained <see cref="NeuralNetworkTransformer"/>, or in a reloaded model the
    /// stock steps it was saved as. Applied after <see cref="Preceding"/>, they add the task's output columns.
    /// </summary>
    public IReadOnlyList<ITransformer> NetworkSteps { get; }

    /// <summary>The steps after the network, in order (for example <c>MapKeyToValue("PredictedLabel")</c>).</summary>
    public IReadOnlyList<ITransformer> Following { get; }

    /// <summary>
    /// True when the network was found as the stock steps a saved model is made of (a model from
    /// <c>mlContext.Model.Load</c>), false when it was found as a trained <see cref="NeuralNetworkTransformer"/>.
    /// </summary>
    public bool IsReloaded { get; }
}
