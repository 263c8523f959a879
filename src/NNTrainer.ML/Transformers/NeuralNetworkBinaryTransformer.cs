namespace NNTrainer.ML;

/// <summary>
/// A trained binary neural network. Adds <c>Score</c> (the logit: the output layer's value before its sigmoid),
/// <c>Probability</c> (the sigmoid of the logit in double precision, as ML.NET's Platt calibrator computes it: the
/// network's probability of the positive class) and
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
            // PredictedLabel, Score, Probability: the order of ML.NET's own binary scorer, which a saved model ends with.
            ScoreColumns.Create(AnnotationKinds.PredictedLabel, BooleanDataViewType.Instance, AnnotationKinds.BinaryClassification, AnnotationKinds.PredictedLabel),
            ScoreColumns.Create(AnnotationKinds.Score, NumberDataViewType.Single, AnnotationKinds.BinaryClassification, AnnotationKinds.Score),
            ScoreColumns.Create(AnnotationKinds.Probability, NumberDataViewType.Single, AnnotationKinds.BinaryClassification, AnnotationKinds.Probability,
                builder => builder.Add(AnnotationKinds.IsNormalized, BooleanDataViewType.Instance, (ref bool value) => value = true)),
        ];
    }

    internal override DataViewSchema.DetachedColumn[] OutputColumns { get; }

    internal override NeuralNetworkTask Task => NeuralNetworkTask.BinaryClassification;

    internal override Delegate CreateGetter(int output, IRowScores scorer) => output switch
    {
        0 => (ValueGetter<bool>)((ref bool destination) => destination = BinaryDecision.IsPositive(scorer.Logit)),
        1 => (ValueGetter<float>)((ref float destination) => destination = scorer.Logit),
        2 => (ValueGetter<float>)((ref float destination) => destination = BinaryDecision.Probability(scorer.Logit)),
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    internal override IEnumerable<ITransformer> CreatePersistedScoring(MLContext context, IDataView input)
    {
        yield return new BinaryMapping().CreateEstimator(context).Fit(input);
    }
}
