using Microsoft.ML.Transforms;

namespace NNTrainer.ML;

/// <summary>The regression output of a saved model.</summary>
internal sealed class RegressionOutput
{
    [ColumnName(AnnotationKinds.Score)]
    public float Score;
}

/// <summary>Scoring step of a saved regression model; ML.NET finds it again by its contract name when loading.</summary>
[CustomMappingFactoryAttribute("NNTrainer.ML.Regression.v1")]
internal sealed class RegressionMapping : PersistedMapping<ScoringInput, RegressionOutput>
{
    protected override void Map(ScoringInput input, RegressionOutput output) => output.Score = input.Score().Outputs[0];
}
