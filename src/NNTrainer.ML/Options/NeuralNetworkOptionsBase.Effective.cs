namespace NNTrainer.ML;

public abstract partial class NeuralNetworkOptionsBase
{
    /// <summary>
    /// Whether classifiers, too, choose their L2 penalty by <see cref="CrossValidateL2OnSmallData"/>'s cross-validation
    /// (held-out cross-entropy, stratified folds). Off: round 10b measures it on the defaults benchmark and the UCI
    /// classics (docs/defaults.md); internal so that only the benchmark flips it.
    /// </summary>
    internal bool CrossValidateL2ForClassifiers;

    /// <summary>With <see cref="CrossValidateL2ForClassifiers"/>, a classifier's grid is the rule's penalty and the default grid's weaker ones only (round 10b screen).</summary>
    internal bool CrossValidateL2ForClassifiersWeakerOnly;

    /// <summary>With <see cref="CrossValidateL2ForClassifiersWeakerOnly"/>, only the grid's penalties down to a 3.5th of the rule's (round 10b screen).</summary>
    internal bool CrossValidateL2ForClassifiersOneStep;

    /// <summary>The learning rate to use: the one given, or the optimizer's default.</summary>
    internal float EffectiveLearningRate => LearningRate ?? NeuralNetworkDefaults.LearningRate(Optimizer);

    /// <summary>The learning-rate schedule for a new training on <paramref name="rows"/> rows: the one given, else the cosine decay on large sets with the automatic epochs.</summary>
    internal LearningRateSchedule? EffectiveLearningRateSchedule(long rows) =>
        LearningRateSchedule ?? (AnnealLearningRateOnLargeData && NumberOfEpochs is null && NeuralNetworkDefaults.AnnealsLearningRate(rows) ? new CosineSchedule() : null);

    /// <summary>The L2 penalty for a training set of <paramref name="rows"/> rows.</summary>
    internal float EffectiveL2Regularization(long rows)
    {
        float l2 = ScaleL2ForSmallData ? SmallDataL2Regularization(rows) : L2Regularization;
        return ScaleL2ForLargeData ? NeuralNetworkDefaults.LargeDataL2For(l2, rows) : l2;
    }

    /// <summary>The small-data rule's penalty for <paramref name="rows"/> rows: a regression's factor is 30, a classifier's 10 (round 11a).</summary>
    internal float SmallDataL2Regularization(long rows) => this is NeuralNetworkRegressionTrainer.Options
        ? NeuralNetworkDefaults.RegressionL2RegularizationFor(L2Regularization, rows)
        : NeuralNetworkDefaults.L2RegularizationFor(L2Regularization, rows);
}
