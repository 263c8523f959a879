using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>
/// The multiclass outputs of a saved model before their final shape: class scores padded with zeros to a fixed
/// size (a stock <c>SelectFeaturesBasedOnCount</c> step then keeps exactly the class count), and the predicted
/// class index. A fixed size is what lets the reloaded <c>Score</c> be a known-size vector, which the stock
/// multiclass evaluator requires; the size must be a compile-time attribute, hence one type per padding size.
/// </summary>
internal interface IPaddedOutput
{
    float[] Scores { get; }

    void SetPredictedIndex(uint index);
}

/// <summary>The scoring step of a saved multiclass model, for one padding size.</summary>
internal abstract class MulticlassMapping<TOutput> : PersistedMapping<ScoringInput, TOutput>
    where TOutput : class, IPaddedOutput, new()
{
    protected override void Map(ScoringInput input, TOutput output)
    {
        var outputs = input.Score().Outputs;
        outputs.CopyTo(output.Scores);
        output.SetPredictedIndex(NetworkScorer.ArgMax(outputs));
    }
}

/// <summary>Chooses the smallest padding that holds the classes and creates its scoring step.</summary>
internal static class MulticlassPadding
{
    /// <summary>The padding sizes, smallest first; the largest is the most classes a saved model can have.</summary>
    public static readonly int[] Sizes = [16, 64, 256, 1024, 4096];

    public static int SizeFor(int classCount)
    {
        foreach (int size in Sizes)
        {
            if (classCount <= size) return size;
        }
        throw new NotSupportedException($"A saved multiclass neural network can have at most {Sizes[^1]} classes; this one has {classCount}.");
    }

    public static IEstimator<ITransformer> CreateMapping(MLContext context, int size) => size switch
    {
        16 => new MulticlassMapping16().CreateEstimator(context),
        64 => new MulticlassMapping64().CreateEstimator(context),
        256 => new MulticlassMapping256().CreateEstimator(context),
        1024 => new MulticlassMapping1024().CreateEstimator(context),
        4096 => new MulticlassMapping4096().CreateEstimator(context),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Not a padding size."),
    };
}

/// <summary>Multiclass outputs padded to 16 classes.</summary>
internal sealed class PaddedOutput16 : IPaddedOutput
{
    [ColumnName(PersistedColumns.PaddedScore), VectorType(16)]
    public float[] Scores = new float[16];

    [ColumnName(PersistedColumns.PredictedIndex)]
    public uint PredictedIndex;

    float[] IPaddedOutput.Scores => Scores;

    void IPaddedOutput.SetPredictedIndex(uint index) => PredictedIndex = index;
}

/// <summary>Scoring step of a saved multiclass model with up to 16 classes; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Multiclass16.v1")]
internal sealed class MulticlassMapping16 : MulticlassMapping<PaddedOutput16>;

/// <summary>Multiclass outputs padded to 64 classes.</summary>
internal sealed class PaddedOutput64 : IPaddedOutput
{
    [ColumnName(PersistedColumns.PaddedScore), VectorType(64)]
    public float[] Scores = new float[64];

    [ColumnName(PersistedColumns.PredictedIndex)]
    public uint PredictedIndex;

    float[] IPaddedOutput.Scores => Scores;

    void IPaddedOutput.SetPredictedIndex(uint index) => PredictedIndex = index;
}

/// <summary>Scoring step of a saved multiclass model with up to 64 classes; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Multiclass64.v1")]
internal sealed class MulticlassMapping64 : MulticlassMapping<PaddedOutput64>;

/// <summary>Multiclass outputs padded to 256 classes.</summary>
internal sealed class PaddedOutput256 : IPaddedOutput
{
    [ColumnName(PersistedColumns.PaddedScore), VectorType(256)]
    public float[] Scores = new float[256];

    [ColumnName(PersistedColumns.PredictedIndex)]
    public uint PredictedIndex;

    float[] IPaddedOutput.Scores => Scores;

    void IPaddedOutput.SetPredictedIndex(uint index) => PredictedIndex = index;
}

/// <summary>Scoring step of a saved multiclass model with up to 256 classes; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Multiclass256.v1")]
internal sealed class MulticlassMapping256 : MulticlassMapping<PaddedOutput256>;

/// <summary>Multiclass outputs padded to 1024 classes.</summary>
internal sealed class PaddedOutput1024 : IPaddedOutput
{
    [ColumnName(PersistedColumns.PaddedScore), VectorType(1024)]
    public float[] Scores = new float[1024];

    [ColumnName(PersistedColumns.PredictedIndex)]
    public uint PredictedIndex;

    float[] IPaddedOutput.Scores => Scores;

    void IPaddedOutput.SetPredictedIndex(uint index) => PredictedIndex = index;
}

/// <summary>Scoring step of a saved multiclass model with up to 1024 classes; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Multiclass1024.v1")]
internal sealed class MulticlassMapping1024 : MulticlassMapping<PaddedOutput1024>;

/// <summary>Multiclass outputs padded to 4096 classes.</summary>
internal sealed class PaddedOutput4096 : IPaddedOutput
{
    [ColumnName(PersistedColumns.PaddedScore), VectorType(4096)]
    public float[] Scores = new float[4096];

    [ColumnName(PersistedColumns.PredictedIndex)]
    public uint PredictedIndex;

    float[] IPaddedOutput.Scores => Scores;

    void IPaddedOutput.SetPredictedIndex(uint index) => PredictedIndex = index;
}

/// <summary>Scoring step of a saved multiclass model with up to 4096 classes; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Multiclass4096.v1")]
internal sealed class MulticlassMapping4096 : MulticlassMapping<PaddedOutput4096>;
