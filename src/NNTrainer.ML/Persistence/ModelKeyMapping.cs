using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>No input columns: the model-key step needs nothing from the row.</summary>
internal sealed class NoInput
{
}

/// <summary>The constant key under which the saved model's <c>MapValue</c> step stores the network's text.</summary>
internal sealed class ModelKeyOutput
{
    public const uint Key = 1;

    [ColumnName(PersistedColumns.ModelKey)]
    public uint ModelKey;
}

/// <summary>
/// First step of a saved model: adds the constant key that the next (stock <c>MapValue</c>) step maps to the
/// network's text. ML.NET finds this class again by its contract name when it loads the model.
/// </summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.ModelKey.v1")]
internal sealed class ModelKeyMapping : PersistedMapping<NoInput, ModelKeyOutput>
{
    protected override void Map(NoInput input, ModelKeyOutput output) => output.ModelKey = ModelKeyOutput.Key;
}
