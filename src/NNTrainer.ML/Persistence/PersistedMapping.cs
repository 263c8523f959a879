using System.Reflection;
using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>
/// A custom step of a saved model. ML.NET records the contract name of the class's
/// <see cref="CustomMappingFactoryAttributeAttribute"/> in the .zip and, when it loads the model, creates the class
/// again by that name and calls <see cref="GetMapping"/>; so the name, once saved, never changes.
/// </summary>
internal abstract class PersistedMapping<TSrc, TDst> : CustomMappingFactory<TSrc, TDst>
    where TSrc : class, new()
    where TDst : class, new()
{
    public sealed override Action<TSrc, TDst> GetMapping() => Map;

    /// <summary>The step, under the contract name this class is found again by.</summary>
    public CustomMappingEstimator<TSrc, TDst> CreateEstimator(MLContext context) =>
        context.Transforms.CustomMapping(GetMapping(), GetType().GetCustomAttribute<CustomMappingFactoryAttributeAttribute>()!.ContractName);

    /// <summary>Fills one output row from one input row.</summary>
    protected abstract void Map(TSrc input, TDst output);
}
