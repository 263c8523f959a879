namespace NNTrainer.ML;

/// <summary>
/// The default hyper-parameters of NNTrainer's neural network, in one place: the ML.NET trainers' options, the
/// catalog overloads, the F# API and the <c>nntrainer</c> command line all read them from here, so they cannot
/// drift apart.
/// </summary>
/// <remarks>
/// Chosen by measurement on the defaults benchmark (benchmarks/defaults: 17 public tabular datasets, 5 splits each,
/// against scikit-learn's MLP and ML.NET's stock trainers; see docs/defaults.md): one hidden layer of 100 ReLU
/// neurons, Adam at 0.001, mini-batches of 32, an L2 penalty of 0.001 (up to 10 times more for classifiers, 30 for regression, on fewer than 800 training
/// rows, <see cref="L2RegularizationFor"/>; for regression on at most <see cref="CrossValidatedL2RowsUpTo"/> rows chosen
/// by cross-validation; a tenth of it from 40,000 rows on), about 10,000 weight updates (between 10 and 200 epochs),
/// and from <see cref="AnnealedRowsFrom"/> (5,000) training rows on a cosine decay of the learning rate to 0, and from
/// <see cref="LongTrainingRowsFrom"/> (1,000) on the long training of <see cref="EpochWorkBudget"/> when a held-out tenth of the rows scores it better. No
/// validation hold-out and no early stopping: on small data they cost more (the network sees fewer rows) than they save.
/// </remarks>
public static partial class NeuralNetworkDefaults
{
    /// <summary>The label column: <c>"Label"</c>.</summary>
    public const string LabelColumnName = "Label";

    /// <summary>The feature column: <c>"Features"</c>.</summary>
    public const string FeatureColumnName = "Features";

    /// <summary>Rows per weight update: 32.</summary>
    public const int BatchSize = 32;

    /// <summary>Adam's learning rate: 0.001.</summary>
    public const float AdamLearningRate = 0.001f;

    /// <summary>SGD's learning rate: 0.01.</summary>
    public const float SgdLearningRate = 0.01f;

    /// <summary>AdaGrad's learning rate: 0.01.</summary>
    public const float AdaGradLearningRate = 0.01f;

    /// <summary>RMSProp's learning rate: 0.001.</summary>
    public const float RmsPropLearningRate = 0.001f;

    /// <summary>SGD's momentum: 0.9.</summary>
    public const float Momentum = 0.9f;

    /// <summary>
    /// The L2 penalty on every layer's weights (λ₂·Σw², biases excluded): 0.001, for training sets of
    /// <see cref="SmallDataRowsUpTo"/> rows or more; smaller ones get it multiplied (<see cref="L2RegularizationFor"/>).
    /// </summary>
    public const float L2Regularization = 0.001f;

    /// <summary>Below this many training rows the L2 penalty grows (<see cref="L2RegularizationFor"/>): 800.</summary>
    public const int SmallDataRowsUpTo = 800;

    /// <summary>The most the L2 penalty of a classifier is multiplied by on small training sets (at half <see cref="SmallDataRowsUpTo"/> rows and fewer): 10.</summary>
    public const float SmallDataL2Factor = 10f;

    /// <summary>
    /// The most the L2 penalty of a regression is multiplied by on small training sets (<see cref="RegressionL2RegularizationFor"/>):
    /// 30. It reaches only regression sets of more than <see cref="CrossValidatedL2RowsUpTo"/> rows (smaller ones cross-validate
    /// their penalty); there round 11a measured 10 as worse (friedman1 at 600 training rows R² −0.012 through the CLI, a
    /// noisy survey target at 640 rows −0.017 to −0.021), so regression keeps round 2's factor.
    /// </summary>
    public const float SmallDataRegressionL2Factor = 30f;

    /// <summary>
    /// Regression training sets of at most this many rows get their L2 penalty by cross-validation (<c>CrossValidateL2OnSmallData</c>)
    /// rather than by <see cref="L2RegularizationFor"/>: 500.
    /// </summary>
    public const int CrossValidatedL2RowsUpTo = 500;

    /// <summary>Folds of the cross-validation that chooses a small training set's L2 penalty: 3.</summary>
    public const int L2CrossValidationFolds = 3;

    /// <summary>
    /// The L2 strengths that cross-validation chooses among on small training sets, as multiples of
    /// <see cref="L2Regularization"/>: 1, 10, 30, 100 and 300 (with the default, 0.001 to 0.3; a new array on every call).
    /// </summary>
    public static float[] L2CrossValidationFactors => [1f, 10f, 30f, 100f, 300f];

    /// <summary>
    /// Classification training sets of at most this many rows choose by cross-validation between the configured network
    /// and a linear model (<c>SelectModelOnSmallData</c>, <see cref="NeuralNetworkModelSelection"/>): 999, just below
    /// <see cref="LongTrainingRowsFrom"/>, where the long-training choice takes over.
    /// </summary>
    public const int ModelSelectionRowsUpTo = LongTrainingRowsFrom - 1;

    /// <summary>
    /// How many standard errors the linear candidate's per-row held-out losses must lie below the network's for the model
    /// choice to take it (round 18): 2, a paired one-sided test with about a 2.5 % false pick when both are in truth
    /// equal, fixed from that principle like <see cref="StrongerPenaltyMargin"/>, not fitted.
    /// </summary>
    public const double ModelSelectionMargin = 2.0;

    /// <summary>
    /// The most work, in parameter-row updates (<c>ModelSelection.Work</c>: rows × (the network's epochs × its parameters
    /// + the linear model's epochs × its weights)), for which a table chooses its model: 2 × 10⁸. The choice's 20 fold
    /// fits cost about nine times that, which up to this bound stays within about one start-up of <c>nntrainer train</c>
    /// (iris, 2.5 × 10⁷: ×1.2–1.3 its CPU without the choice, one thread); beyond it the folds cost about as much as the
    /// rest of the process or more (breast cancer, 3.3 × 10⁸: ×1.6–2.1; R's cox2, 2.2 × 10⁹: ×2.0–2.8; Fashion-MNIST's
    /// 1,000 rows, 3.2 × 10¹⁰: ×4.1), and no table there took the linear model at z 2 (docs/defaults.md, round 18).
    /// </summary>
    public const double ModelSelectionWorkUpTo = 2e8;

    /// <summary>Folds of the cross-validation that chooses a small classification table's model: 10 (with 3, the folds of 80–95 rows misjudged the network on wine).</summary>
    public const int ModelSelectionFolds = 10;

    /// <summary>The L2 penalty of the linear candidate of <see cref="NeuralNetworkModelSelection"/>, not scaled by the rows: 0.0001.</summary>
    public const float LinearL2Regularization = 1e-4f;

    /// <summary>Adam's learning rate for the linear candidate of <see cref="NeuralNetworkModelSelection"/>: 0.01.</summary>
    public const float LinearLearningRate = 0.01f;

    /// <summary>
    /// Epochs of the linear candidate of <see cref="NeuralNetworkModelSelection"/>: 1,000. A weakly penalised linear model
    /// converges slowly; at the network's 200 epochs and learning rate 0.001 it scored 0.865 on iris instead of 0.977.
    /// </summary>
    public const int LinearEpochs = 1000;

    /// <summary>Adam's learning rate for the uncentred linear candidate (<see cref="NeuralNetworkModelCandidate.UncentredLinear"/>), whose every step sees all rows: 0.03.</summary>
    public const float UncentredLinearLearningRate = 0.03f;

    /// <summary>
    /// Epochs (full-batch steps) of the uncentred linear candidate: 3,000. At SDCA's weak penalty it has to come close to
    /// the optimum to make SDCA's decisions; batches of 32 for 1,000 epochs at 0.01 stopped at 0.964 on iris (round 9a).
    /// </summary>
    public const int UncentredLinearEpochs = 3000;

    /// <summary>The automatic number of epochs aims at about this many weight updates: 10,000.</summary>
    public const int TargetSteps = 10_000;

    /// <summary>The fewest epochs the automatic rule chooses: 10.</summary>
    public const int MinimumEpochs = 10;

    /// <summary>The most epochs the automatic rule chooses: 200.</summary>
    public const int MaximumEpochs = 200;

    /// <summary>Neurons per hidden layer: one layer of 100 (a new array on every call, so callers may change it).</summary>
    public static int[] HiddenLayers => [100];

    /// <summary>The usual learning rate of <paramref name="optimizer"/>.</summary>
    /// <param name="optimizer">The optimizer.</param>
    /// <returns>0.001 for Adam and RMSProp, 0.01 for SGD and AdaGrad.</returns>
    public static float LearningRate(NeuralNetworkOptimizer optimizer) => optimizer switch
    {
        NeuralNetworkOptimizer.Sgd => SgdLearningRate,
        NeuralNetworkOptimizer.AdaGrad => AdaGradLearningRate,
        NeuralNetworkOptimizer.RmsProp => RmsPropLearningRate,
        _ => AdamLearningRate,
    };

    /// <summary>
    /// The L2 penalty a training set of <paramref name="rows"/> rows gets from <paramref name="l2"/> when
    /// <c>ScaleL2ForSmallData</c> is on: <paramref name="l2"/> itself from <see cref="SmallDataRowsUpTo"/> (800) rows on,
    /// <see cref="SmallDataL2Factor"/> (10) times it up to 400 rows, and log-linear in between (4.8× at 500 rows,
    /// 2.1× at 640). With the default 0.001: 0.01 for 400 rows and fewer, 0.001 from 800; every set of 800 rows or more
    /// trains as without it. Round 2 chose 30 (docs/defaults.md); round 11a lowered it to 10, which the UCI classics
    /// asked for (glass 0.656 to 0.707, ionosphere 0.896 to 0.907 through the catalog) at no loss beyond the benchmark's
    /// margin on any table under 800 training rows.
    /// </summary>
    /// <param name="l2">The penalty for large training sets.</param>
    /// <param name="rows">Training rows.</param>
    /// <returns>The penalty to train with.</returns>
    public static float L2RegularizationFor(float l2, long rows) => ScaleForSmallData(l2, rows, SmallDataL2Factor);

    /// <summary>
    /// The L2 penalty a regression training set of <paramref name="rows"/> rows gets from <paramref name="l2"/>: as
    /// <see cref="L2RegularizationFor"/> with <see cref="SmallDataRegressionL2Factor"/> (30) in place of 10 (0.03 up to
    /// 400 rows with the default 0.001, 0.001 from 800).
    /// </summary>
    /// <param name="l2">The penalty for large training sets.</param>
    /// <param name="rows">Training rows.</param>
    /// <returns>The penalty to train with.</returns>
    public static float RegressionL2RegularizationFor(float l2, long rows) => ScaleForSmallData(l2, rows, SmallDataRegressionL2Factor);

    private static float ScaleForSmallData(float l2, long rows, float factor)
    {
        if (rows >= SmallDataRowsUpTo) return l2;
        // t = 1 at 800 rows, 0 at 400 and fewer: the factor falls to 1 geometrically as the rows double.
        double t = Math.Clamp(Math.Log2(Math.Max(1, rows) / (SmallDataRowsUpTo / 2.0)), 0, 1);
        return (float)(l2 * Math.Pow(factor, 1 - t));
    }

    /// <summary>
    /// Below <see cref="AnnealedRowsFrom"/> rows, with the automatic epochs, the rate holds and then falls to 0 along a
    /// cosine over this share of the weight updates: 0.1 (a warm-down). The constant rate's noise still regularises most
    /// of the training, and the saved weights come from a settled end instead of one of Adam's late loss spikes
    /// (Fashion-MNIST 1k through the CLI 0.800 → 0.807, mnist_tiny 0.879 → 0.893; no table of the three benchmarks lost
    /// more than 0.002: docs/defaults.md, round 12b).
    /// </summary>
    public const float SmallDataDecayShare = 0.1f;

    /// <summary>
    /// From this many training rows on, <c>ChooseEpochsOnHoldOut</c> measures the length of training on a hold-out
    /// (<see cref="HoldOutFolds"/>): 1,000. Smaller sets keep <see cref="Epochs(long, int)"/>: a tenth of them is too few rows to
    /// judge an epoch by, and their small-data rules were measured without a hold-out.
    /// </summary>
    public const int HoldOutEpochsRowsFrom = 1_000;

    /// <summary>The hold-out of <c>ChooseEpochsOnHoldOut</c> is one of this many stratified folds of the training rows: 10 (a tenth).</summary>
    public const int HoldOutFolds = 10;

    /// <summary>
    /// <c>ChooseEpochsOnHoldOut</c> stops measuring once the hold-out's loss has not improved for this many epochs, or for
    /// <see cref="HoldOutPatienceShare"/> of the best epoch's number when that is more: 10.
    /// </summary>
    public const int HoldOutPatience = 10;

    /// <summary>
    /// The patience of <c>ChooseEpochsOnHoldOut</c> as a share of the best epoch so far: 0.5. A fixed patience of 10
    /// stopped a slow learner's noisy hold-out loss at 44–102 epochs where 70–185 were better (binary_synth 0.884 against
    /// 0.894 at a constant rate); a patience that grows with the best epoch keeps a fast overfitter's measurement short
    /// (adult: 13–19 epochs).
    /// </summary>
    public const double HoldOutPatienceShare = 0.5;

    /// <summary>
    /// The L2 strengths <c>ChooseEpochsOnHoldOut</c> measures, as multiples of the penalty the rules give: 1 and 10 (a new
    /// array on every call). Newspaper churn (1,268 rows, about 240 one-hot columns) wants ten times the penalty its row
    /// count gives it (0.813 to 0.823 accuracy).
    /// </summary>
    public static float[] HoldOutL2Factors => [1f, 10f];

    /// <summary>
    /// The number of epochs used when none is given (from 1,000 rows on the trainers may choose the long training's
    /// <see cref="Epochs(long, int, long, double)"/> instead): enough passes over <paramref name="rows"/> rows in batches of
    /// <paramref name="batchSize"/> for about <see cref="TargetSteps"/> weight updates, within
    /// [<see cref="MinimumEpochs"/>, <see cref="MaximumEpochs"/>] (in batches of 32: 200 epochs up to 1,600 rows, 54 for 6,000,
    /// 10 from 32,000 rows on).
    /// </summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="batchSize">Rows per weight update.</param>
    /// <returns>The number of epochs.</returns>
    public static int Epochs(long rows, int batchSize)
    {
        long steps = Math.Max(1, (rows + batchSize - 1) / Math.Max(1, batchSize));
        long epochs = (TargetSteps + steps - 1) / steps;
        return (int)Math.Clamp(epochs, MinimumEpochs, MaximumEpochs);
    }
}
