namespace NNTrainer.ML;

/// <summary>A trained regression neural network. Adds <c>Score</c>, the predicted value in the label's units.</summary>
public sealed class NeuralNetworkRegressionTransformer : NeuralNetworkTransformer
{
    internal NeuralNetworkRegressionTransformer(Network network, TrainingHistory history, string featureColumnName)
        : base(network, history, featureColumnName)
    {
        OutputColumns = [ScoreColumns.Create(AnnotationKinds.Score, NumberDataViewType.Single, AnnotationKinds.Regression, AnnotationKinds.Score)];
    }

    internal override DataViewSchema.DetachedColumn[] OutputColumns { get; }

    internal override NeuralNetworkTask Task => NeuralNetworkTask.Regression;

    internal override Delegate CreateGetter(int output, IRowScores scorer) => output switch
    {
        0 => (ValueGetter<float>)((ref float destination) => destination = scorer.Outputs[0]),
        _ => throw new ArgumentOutOfRangeException(nameof(output)),
    };

    internal override IEnumerable<ITransformer> CreatePersistedScoring(MLContext context, IDataView input)
    {
        yield return new RegressionMapping().CreateEstimator(context).Fit(input);
    }
}
