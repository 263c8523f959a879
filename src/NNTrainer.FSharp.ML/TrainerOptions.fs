namespace NNTrainer.FSharp.MLNet

open System.Threading
open NNTrainer.FSharp

/// <summary>
/// How an ML.NET neural-network trainer trains; start from <c>ML.Options.defaults</c> (the trainers' own defaults)
/// and change what you need. The same options give the same trainer as the C# catalog methods.
/// </summary>
/// <example><code>{ ML.Options.defaults with HiddenLayers = [ Dense 64; Tanh; Dropout 0.1f ]; Epochs = Some 50 }</code></example>
[<NoEquality; NoComparison>]
type TrainerOptions =
    {
        /// <summary>The label column: a key for multiclass, <c>bool</c> for binary, <c>float32</c> for regression. Default <c>"Label"</c>.</summary>
        LabelColumnName: string
        /// <summary>The feature column, a known-size vector of <c>float32</c>, normalised. Default <c>"Features"</c>.</summary>
        FeatureColumnName: string
        /// <summary>The example weight column, a <c>float32</c> per row (<c>ExampleWeightColumnName</c>). Default <c>None</c>: every row weighs 1.</summary>
        ExampleWeightColumnName: string option
        /// <summary>Keep the optimizer's moments and step count in the model, so <c>ML.fitFrom</c> continues exactly. Default <c>false</c>.</summary>
        KeepOptimizerState: bool
        /// <summary>
        /// The hidden layers, input side first: groups of <c>Dense n</c> followed by one activation (<c>ReLU</c>,
        /// <c>LeakyReLU 0.01f</c>, <c>Tanh</c> or <c>Sigmoid</c>, the same in every group) and optionally
        /// <c>Dropout rate</c> (the same in every group). The trainer adds the output layer the task needs (softmax,
        /// sigmoid or linear). Default <c>[ Dense 100; ReLU ]</c>; <c>[]</c> trains a linear model.
        /// </summary>
        HiddenLayers: Layer list
        /// <summary>Passes over the training data. Default <c>None</c>: about 10,000 weight updates, between 10 and 200 epochs.</summary>
        Epochs: int option
        /// <summary>Rows per weight update. Default 32; a batch larger than the data trains on all rows at once.</summary>
        BatchSize: int
        /// <summary>
        /// The optimizer and its learning rate and decay (and SGD's momentum). The trainers use the engine's
        /// epsilon, betas and rho, so those must keep their defaults. Default <c>Optimizer.adam</c> (Adam at 0.001).
        /// </summary>
        Optimizer: Optimizer
        /// <summary>L1 penalty on every layer's weights (λ₁·Σ|w|, biases excluded). Default 0 (off).</summary>
        L1Regularization: float32
        /// <summary>L2 penalty on every layer's weights (λ₂·Σw², biases excluded). Default 0.001.</summary>
        L2Regularization: float32
        /// <summary>
        /// Multiply <c>L2Regularization</c> on small training sets: by 30 up to 400 rows, falling log-linearly to 1 at
        /// 800 rows and more (<c>ScaleL2ForSmallData</c>). Default <c>true</c>; <c>false</c> trains with the penalty as given.
        /// </summary>
        ScaleL2ForSmallData: bool
        /// <summary>
        /// Divide <c>L2Regularization</c> on large training sets: by 1 up to 10,000 rows, falling log-linearly to a tenth
        /// at 40,000 rows and more (<c>ScaleL2ForLargeData</c>). Default <c>true</c>; <c>false</c> trains with the penalty as given.
        /// </summary>
        ScaleL2ForLargeData: bool
        /// <summary>
        /// Regression on at most 500 training rows: choose the L2 penalty among 1, 10, 30, 100 and 300 times
        /// <c>L2Regularization</c> by 3-fold cross-validation (<c>CrossValidateL2OnSmallData</c>; only with
        /// <c>ScaleL2ForSmallData</c>, a positive penalty and no validation set or early stopping). Default <c>true</c>.
        /// </summary>
        CrossValidateL2OnSmallData: bool
        /// <summary>
        /// Classification on 20 to 999 training rows: choose by 10-fold cross-validation between the network and a linear
        /// model with ML.NET SDCA's prior (uncentred features, penalised bias), the linear model only when its per-row held-out
        /// cross-entropies are lower by more than 2 standard errors (<c>SelectModelOnSmallData</c>; only with hidden layers, no
        /// validation set or early stopping, and folds of modest work; the choice is the transformer's <c>ModelSelection</c>).
        /// Default <c>true</c>: over 40 splits it took iris to SDCA's level and cost wine 0.003 (docs/defaults.md, round 18).
        /// </summary>
        SelectModelOnSmallData: bool
        /// <summary>
        /// From 1,000 training rows on, with automatic <c>Epochs</c>: choose the L2 penalty (the rules' or ten times it) and
        /// the epochs by early stopping on a stratified tenth of the rows held out, then train on every row that long, or
        /// for the automatic epochs if more (<c>ChooseEpochsOnHoldOut</c>; only without a validation set or early stopping).
        /// Default <c>false</c>: more accurate on binary_synth and newspaper churn, but up to 7 times the training time
        /// (docs/defaults.md, round 9).
        /// </summary>
        ChooseEpochsOnHoldOut: bool
        /// <summary>
        /// The long training of a table of 1,000 rows or more (the passes of 10¹⁰ rows × parameters with a lighter penalty):
        /// <c>None</c> (the default) when a stratified tenth of the rows held out scores it better than the usual training,
        /// <c>Some true</c> always, <c>Some false</c> never (<c>LongTrainingOnLargeData</c>; docs/defaults.md, round 13).
        /// </summary>
        LongTrainingOnLargeData: bool option
        /// <summary>
        /// On 1,000 to 4,999 training rows whose long-training choice is measured, a third candidate: the usual training with
        /// ten times its L2 penalty, kept only when its per-row held-out losses are lower than the other choice's by more than
        /// two standard errors (<c>StrongerPenaltyInBand</c>). Default <c>true</c>; <c>false</c>: the two candidates of
        /// round 13, bit for bit (docs/defaults.md, rounds 16c and 17).
        /// </summary>
        StrongerPenaltyInBand: bool
        /// <summary>
        /// Standardise every feature with the training rows' mean and standard deviation and fold that map into the first
        /// layer, so the model reads the features as they come (<c>StandardizeFeatures</c>). Default <c>true</c>.
        /// </summary>
        StandardizeFeatures: bool
        /// <summary>
        /// With <c>StandardizeFeatures</c>, map a feature of exactly two values over the training rows (a one-hot
        /// indicator, a yes/no flag) onto {0, 1} instead of standardising it (<c>IndicatorFeaturesToUnitRange</c>). Default <c>true</c>.
        /// </summary>
        IndicatorFeaturesToUnitRange: bool
        /// <summary>Seed of the network's random source. Default <c>None</c>: drawn from the <c>MLContext</c>'s seed, so <c>MLContext(seed = n)</c> reproduces a model bit for bit.</summary>
        Seed: int option
        /// <summary>Threads the matrix kernels use. Default <c>None</c>: every core. Results do not depend on it.</summary>
        NumberOfThreads: int option
        /// <summary>Fraction of the training rows held out to measure the validation loss after every epoch, in (0, 1). Default <c>None</c>.</summary>
        ValidationSetFraction: float32 option
        /// <summary>Stop after this many epochs without improvement of the monitored loss and keep the best epoch's weights. Default <c>None</c>.</summary>
        EarlyStoppingPatience: int option
        /// <summary>Regression only: train on the standardised label and fold the scale back into the output layer. Default <c>true</c>.</summary>
        StandardizeLabel: bool
        /// <summary>Skip training rows with NaN or infinite values (or a missing key) instead of failing. Default <c>false</c>: such a row is an error naming its column, row and slot.</summary>
        SkipNonFiniteRows: bool
        /// <summary>Called on the training thread after every epoch with its figures. Default <c>None</c>.</summary>
        OnEpochEnd: (Epoch -> unit) option
        /// <summary>Stops training between two weight updates (<c>Fit</c> then throws <c>OperationCanceledException</c>). Default none.</summary>
        CancellationToken: CancellationToken
        /// <summary>How the learning rate changes during training. Default <c>None</c>: the optimizer's rate throughout.</summary>
        Schedule: Schedule option
        /// <summary>
        /// With <c>Schedule = None</c> and <c>Epochs = None</c>, training sets of 5,000 rows and more get a cosine decay of the learning rate to 0
        /// over all the updates (<c>AnnealLearningRateOnLargeData</c>); smaller sets keep the constant rate. Default <c>true</c>.
        /// </summary>
        AnnealLearningRateOnLargeData: bool
        /// <summary>Clip the gradients to this global norm before every update. Default 0: no clipping.</summary>
        GradientClipNorm: float32
        /// <summary>Classification only: label smoothing ε in [0, 1). Default 0: off.</summary>
        LabelSmoothing: float32
    }
