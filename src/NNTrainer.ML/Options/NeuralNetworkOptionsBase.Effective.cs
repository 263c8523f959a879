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

    /// <summary>
    /// The learning-rate schedule for a new training on <paramref name="rows"/> rows: the one given, else, with the
    /// automatic epochs, the cosine decay over the whole training on large sets and over its last tenth on smaller ones
    /// (<see cref="NeuralNetworkDefaults.SmallDataDecayShare"/>).
    /// </summary>
    internal LearningRateSchedule? EffectiveLearningRateSchedule(long rows) =>
        LearningRateSchedule ?? (AnnealLearningRateOnLargeData && NumberOfEpochs is null
            ? (NeuralNetworkDefaults.AnnealsLearningRate(rows) ? new CosineSchedule() : new CosineSchedule(decayShare: NeuralNetworkDefaults.SmallDataDecayShare))
            : null);

    /// <summary>
    /// When positive, the small-data L2 rule judges a table by its rows per input feature as well as its rows: it sees
    /// rows × min(1, this / features) (<see cref="SmallDataL2Rows"/>). Off (0): round 11c measures it (docs/public-data.md);
    /// internal so that only the benchmark sets it.
    /// </summary>
    internal float SmallDataL2FeaturesFree;

    /// <summary>
    /// With <see cref="SmallDataL2FeaturesFree"/>, count only the inputs that take two values over the training rows
    /// (one-hot indicators, <see cref="IndicatorColumns"/>) instead of every input. Off: round 11c's screen.
    /// </summary>
    internal bool SmallDataL2CountsTwoValued;

    /// <summary>
    /// The rows the small-data L2 rule sees for <paramref name="rows"/> training rows of <paramref name="features"/> inputs:
    /// the rows themselves, or with <see cref="SmallDataL2FeaturesFree"/> = k and more than k features, rows × k / features.
    /// A one-hot table of 1,268 rows and ~240 columns (newspaper churn) overfits with the penalty its rows alone give it.
    /// </summary>
    internal long SmallDataL2Rows(long rows, int features) =>
        SmallDataL2FeaturesFree > 0 && features > SmallDataL2FeaturesFree ? (long)(rows * (double)SmallDataL2FeaturesFree / features) : rows;

    /// <summary>The L2 penalty for a training set of <paramref name="rows"/> rows of <paramref name="features"/> inputs (0: not known, the rows alone decide).</summary>
    internal float EffectiveL2Regularization(long rows, int features = 0)
    {
        float l2 = ScaleL2ForSmallData ? SmallDataL2Regularization(SmallDataL2Rows(rows, features)) : L2Regularization;
        return ScaleL2ForLargeData ? NeuralNetworkDefaults.LargeDataL2For(l2, rows) : l2;
    }

    /// <summary>The small-data rule's penalty for <paramref name="rows"/> rows: a regression's factor is 30, a classifier's 10 (round 11a).</summary>
    internal float SmallDataL2Regularization(long rows) => this is NeuralNetworkRegressionTrainer.Options
        ? NeuralNetworkDefaults.RegressionL2RegularizationFor(L2Regularization, rows)
        : NeuralNetworkDefaults.L2RegularizationFor(L2Regularization, rows);

    /// <summary>The epochs to train on <paramref name="rows"/> rows for: the ones given, or about 10,000 weight updates.</summary>
    internal int EffectiveEpochs(long rows) => NumberOfEpochs ?? NeuralNetworkDefaults.Epochs(rows, BatchSize);

    /// <summary>
    /// Parameter-rows of arithmetic the long training spends (<see cref="NeuralNetworkDefaults.Epochs(long, int, long, double)"/>):
    /// <see cref="NeuralNetworkDefaults.EpochWorkBudget"/>. Internal so that only the benchmark changes it.
    /// </summary>
    internal double EpochWorkBudget = NeuralNetworkDefaults.EpochWorkBudget;

    /// <summary>
    /// The long training of <paramref name="rows"/> rows of <paramref name="features"/> inputs for a network of
    /// <paramref name="parameters"/> trainable values: the work budget's epochs and the penalty by rows per parameter.
    /// </summary>
    internal LongTraining.Regime LongTrainingRegime(long rows, int features, long parameters)
    {
        float l2 = ScaleL2ForSmallData ? SmallDataL2Regularization(SmallDataL2Rows(rows, features)) : L2Regularization;
        return new(NeuralNetworkDefaults.Epochs(rows, BatchSize, parameters, EpochWorkBudget),
            ScaleL2ForLargeData ? NeuralNetworkDefaults.LargeDataL2For(l2, rows, parameters) : l2);
    }
}
