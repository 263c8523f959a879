using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>A saved model's raw scores, a fixed-size vector (the size must be a compile-time attribute, hence one type per size).</summary>
internal interface IRawScore
{
    float[] Values { get; }
}

/// <summary>
/// The scoring step of a saved model (format 2): writes the network's outputs — or, for a binary classifier, its logit
/// — into the first slots of <see cref="StockScorers.RawScore"/>, for the stock scorer after it (<see cref="StockScorers"/>).
/// </summary>
internal abstract class RawScoreMapping<TOutput>(bool logit) : PersistedMapping<ScoringInput, TOutput>
    where TOutput : class, IRawScore, new()
{
    protected override void Map(ScoringInput input, TOutput output)
    {
        if (logit) output.Values[0] = input.Score().Logit;
        else input.Score().Outputs.CopyTo(output.Values);
    }
}

/// <summary>Chooses the smallest raw-score size that holds the outputs and creates its scoring step.</summary>
internal static class RawScoreSizes
{
    /// <summary>One slot for binary and regression; for multiclass the same paddings as format 1, so the same class counts save.</summary>
    public static int SizeFor(NeuralNetworkTask task, int outputs) =>
        task == NeuralNetworkTask.MulticlassClassification ? MulticlassPadding.SizeFor(outputs) : 1;

    public static IEstimator<ITransformer> CreateMapping(MLContext context, NeuralNetworkTask task, int size) => (task, size) switch
    {
        (NeuralNetworkTask.BinaryClassification, 1) => new LogitMapping().CreateEstimator(context),
        (NeuralNetworkTask.Regression, 1) => new RawMapping1().CreateEstimator(context),
        (_, 16) => new RawMapping16().CreateEstimator(context),
        (_, 64) => new RawMapping64().CreateEstimator(context),
        (_, 256) => new RawMapping256().CreateEstimator(context),
        (_, 1024) => new RawMapping1024().CreateEstimator(context),
        (_, 4096) => new RawMapping4096().CreateEstimator(context),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Not a raw-score size."),
    };
}

/// <summary>One raw score (binary logit, regression value).</summary>
internal sealed class RawScore1 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(1)]
    public float[] Values = new float[1];

    float[] IRawScore.Values => Values;
}

/// <summary>Up to 16 class probabilities, zeros after them.</summary>
internal sealed class RawScore16 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(16)]
    public float[] Values = new float[16];

    float[] IRawScore.Values => Values;
}

/// <summary>Up to 64 class probabilities, zeros after them.</summary>
internal sealed class RawScore64 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(64)]
    public float[] Values = new float[64];

    float[] IRawScore.Values => Values;
}

/// <summary>Up to 256 class probabilities, zeros after them.</summary>
internal sealed class RawScore256 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(256)]
    public float[] Values = new float[256];

    float[] IRawScore.Values => Values;
}

/// <summary>Up to 1024 class probabilities, zeros after them.</summary>
internal sealed class RawScore1024 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(1024)]
    public float[] Values = new float[1024];

    float[] IRawScore.Values => Values;
}

/// <summary>Up to 4096 class probabilities, zeros after them.</summary>
internal sealed class RawScore4096 : IRawScore
{
    [ColumnName(StockScorers.RawScore), VectorType(4096)]
    public float[] Values = new float[4096];

    float[] IRawScore.Values => Values;
}

/// <summary>A saved binary classifier's logit; ML.NET finds the step again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Logit.v2")]
internal sealed class LogitMapping() : RawScoreMapping<RawScore1>(logit: true);

/// <summary>A saved regression network's output.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw1.v2")]
internal sealed class RawMapping1() : RawScoreMapping<RawScore1>(logit: false);

/// <summary>A saved multiclass network's outputs, up to 16 classes.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw16.v2")]
internal sealed class RawMapping16() : RawScoreMapping<RawScore16>(logit: false);

/// <summary>A saved multiclass network's outputs, up to 64 classes.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw64.v2")]
internal sealed class RawMapping64() : RawScoreMapping<RawScore64>(logit: false);

/// <summary>A saved multiclass network's outputs, up to 256 classes.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw256.v2")]
internal sealed class RawMapping256() : RawScoreMapping<RawScore256>(logit: false);

/// <summary>A saved multiclass network's outputs, up to 1024 classes.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw1024.v2")]
internal sealed class RawMapping1024() : RawScoreMapping<RawScore1024>(logit: false);

/// <summary>A saved multiclass network's outputs, up to 4096 classes.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Raw4096.v2")]
internal sealed class RawMapping4096() : RawScoreMapping<RawScore4096>(logit: false);
