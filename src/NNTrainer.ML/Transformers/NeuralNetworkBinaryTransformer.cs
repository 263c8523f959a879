using Microsoft.ML;
using Microsoft.ML.Data;

namespace NNTrainer.ML;

/// <summary>
/// A trained binary neural network. Adds <c>Score</c> (the logit: the output layer's value before its sigmoid),
/// <c>Probability</c> (the sigmoid of the logit, the network's probability of the positive class) and
/// <c>PredictedLabel</c> (true when the logit is above 0, i.e. the probability above ½), like ML.NET's calibrated
/// binary classifiers.
/// </summary>
public sealed class NeuralNetworkBinaryTransformer : NeuralNetworkTransformer
{
    internal NeuralNetworkBinaryTransformer(Network network, TrainingHistory history, string featureColumnName)
        : base(network, history, featureColumnName)
    {
        OutputColumns =
        [
            ScoreColumns.Create(AnnotationKinds.Score, NumberDataViewType.Single, AnnotationKinds.BinaryClassification, AnnotationKinds.Score),
            ScoreColumns.Create(AnnotationKinds.Probability, NumberDataViewType.Single, AnnotationKinds.BinaryClassification, AnnotationKinds.Probability,
                builder => builder.Add(AnnotationKinds.IsNormalized, BooleanDataViewType.Instance, (ref bool value) => value = true)),
            ScoreColumns.Create(AnnotationKinds.PredictedLabel, BooleanDataViewType.Instance, AnnotationKinds.BinaryClassification, AnnotationKinds.PredictedLabel),
        ];
    }

    internal override DataViewSchema.DetachedColumn[] OutputColumns { get; }

    internal override Delegate CreateGetter(int output, IRowScores scorer) => output switch
    {
        0 => (ValueGetter<float>)((ref float destination) => destination = scorer.Logit),
        1 => (ValueGetter<float>)((ref float destination) => destination = scorer.Outputs[0]),
        2 => (ValueGetter<bool>)((ref bool destination) => destination = BinaryDecision.IsPositive(scorer.Logit)),
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    internal override IEnumerable<ITransformer> CreatePersistedScoring(MLContext context, IDataView input)
    {
        yield return context.Transforms.CustomMapping(new BinaryMapping().GetMapping(), BinaryMapping.ContractName).Fit(input);
    }
}
