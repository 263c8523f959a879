using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>The binary-classification outputs of a saved model.</summary>
internal sealed class BinaryOutput
{
    [ColumnName(AnnotationKinds.Score)]
    public float Score;

    [ColumnName(AnnotationKinds.Probability)]
    public float Probability;

    [ColumnName(AnnotationKinds.PredictedLabel)]
    public bool PredictedLabel;
}

/// <summary>Scoring step of a saved binary classifier; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Binary.v1")]
internal sealed class BinaryMapping : PersistedMapping<ScoringInput, BinaryOutput>
{
    protected override void Map(ScoringInput input, BinaryOutput output)
    {
        var scorer = input.Score();
        output.Score = scorer.Logit;
        output.Probability = BinaryDecision.Probability(scorer.Logit);
        output.PredictedLabel = BinaryDecision.IsPositive(output.Score);
    }
}
