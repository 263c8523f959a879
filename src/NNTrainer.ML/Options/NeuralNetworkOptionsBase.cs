namespace NNTrainer.ML;

/// <summary>
/// Options shared by the NNTrainer neural-network trainers (<see cref="NeuralNetworkMulticlassTrainer.Options"/>,
/// <see cref="NeuralNetworkBinaryTrainer.Options"/>, <see cref="NeuralNetworkRegressionTrainer.Options"/>).
/// </summary>
/// <remarks>
/// Every default comes from <see cref="NeuralNetworkDefaults"/> (shared with the F# API and the <c>nntrainer</c>
/// tool) and was chosen by measurement for normalised tabular data (features scaled with <c>NormalizeMeanVariance</c>
/// or <c>NormalizeMinMax</c>): one hidden layer of 100 ReLU neurons, Adam at 0.001 in mini-batches of 32, an L2
/// penalty of 0.001, and a number of epochs that adapts to the size of the data (about 10,000 weight updates,
/// between 10 and 200 epochs) so that small sets are not under-trained and large sets do not train for hours. Dropout,
/// validation and early stopping are off by default: on small sets holding rows out cost more than stopping early saved.
/// </remarks>
public abstract partial class NeuralNetworkOptionsBase
{
    /// <summary>
    /// The label column. Default <c>"Label"</c>. Its required type depends on the task: a key for multiclass
    /// classification, <see cref="bool"/> for binary classification, <see cref="float"/> for regression.
    /// </summary>
    public string LabelColumnName = NeuralNetworkDefaults.LabelColumnName;

    /// <summary>The feature column: a known-size vector of <see cref="float"/>. Default <c>"Features"</c>.</summary>
    public string FeatureColumnName = NeuralNetworkDefaults.FeatureColumnName;

    /// <summary>
    /// The example weight column, a <see cref="float"/> per row, or null (the default) for none, as ML.NET's stock
    /// trainers take it. Each row's loss counts with its weight (the weighted mean <c>Σ wᵢ·lᵢ / Σ wᵢ</c> of each batch),
    /// so a weight of 2 counts a row twice and a weight of 0 leaves it out; the feature and label standardisation are
    /// weighted too. Validation data passed to <c>Fit</c> is weighted by its own column of this name (validation loss and
    /// early stopping). Weights must be finite and ≥ 0: a negative, NaN or infinite weight is an error naming its row.
    /// </summary>
    public string? ExampleWeightColumnName;

    /// <summary>
    /// Neurons in each hidden layer, input side first. Default <c>[100]</c>. An empty array trains a linear
    /// model (softmax regression, logistic regression or linear regression).
    /// </summary>
    public int[] HiddenLayers = NeuralNetworkDefaults.HiddenLayers;

    /// <summary>The activation after every hidden layer. Default <see cref="NeuralNetworkActivation.ReLU"/>.</summary>
    public NeuralNetworkActivation Activation = NeuralNetworkActivation.ReLU;

    /// <summary>
    /// Passes over the training data. Default null: about 10,000 weight updates, 10 to 200 epochs (in batches of 32: 200 up to 1,600 rows, 54 for 6,000,
    /// 10 from 32,000 on); from 1,000 rows on, the long training of <see cref="NeuralNetworkDefaults.EpochWorkBudget"/> when a held-out tenth of the rows
    /// scores it better. A convolutional <c>Architecture</c>: about 2,000 updates, 5 to 50 epochs (<see cref="ConvolutionalDefaults"/>).
    /// </summary>
    public int? NumberOfEpochs;

    /// <summary>Rows per weight update (mini-batch). Default 32; a batch larger than the data trains on all rows at once.</summary>
    public int BatchSize = NeuralNetworkDefaults.BatchSize;

    /// <summary>The optimizer. Default <see cref="NeuralNetworkOptimizer.Adam"/>.</summary>
    public NeuralNetworkOptimizer Optimizer = NeuralNetworkOptimizer.Adam;

    /// <summary>
    /// The initial learning rate. Default null: the optimizer's usual value (0.001 for Adam and RMSProp, 0.01 for
    /// SGD and AdaGrad).
    /// </summary>
    public float? LearningRate;

    /// <summary>
    /// Learning-rate decay per weight update: the rate at update t is <c>LearningRate / (1 + LearningRateDecay · t)</c>.
    /// Default 0 (constant rate).
    /// </summary>
    public float LearningRateDecay;

    /// <summary>Momentum of <see cref="NeuralNetworkOptimizer.Sgd"/>, in [0, 1); ignored by the other optimizers. Default 0.9.</summary>
    public float Momentum = NeuralNetworkDefaults.Momentum;

    /// <summary>L1 penalty on every layer's weights (λ₁·Σ|w|, biases excluded). Default 0 (off).</summary>
    public float L1Regularization;

    /// <summary>
    /// L2 penalty on every layer's weights (λ₂·Σw², biases excluded). Default 0.001. On fewer than 800 training rows
    /// it is multiplied by up to 10 (a regression's by up to 30) unless <see cref="ScaleL2ForSmallData"/> is turned off, and on more than 10,000
    /// divided by up to 10 unless <see cref="ScaleL2ForLargeData"/> is turned off.
    /// </summary>
    public float L2Regularization = NeuralNetworkDefaults.L2Regularization;

    /// <summary>
    /// Multiply <see cref="L2Regularization"/> on small training sets: by 10 (a regression's by 30) up to 400 rows, falling log-linearly to 1
    /// at 800 rows and more (<see cref="NeuralNetworkDefaults.L2RegularizationFor"/>). Default true: a table of a few
    /// hundred rows overfits a network of 100 neurons with the penalty that suits thousands (measured on the defaults
    /// benchmark, docs/defaults.md). False trains with <see cref="L2Regularization"/> as given.
    /// </summary>
    public bool ScaleL2ForSmallData = true;

    /// <summary>
    /// Divide <see cref="L2Regularization"/> on large training sets: by 1 up to 10,000 rows, falling log-linearly to a
    /// tenth at 40,000 rows and more (<see cref="NeuralNetworkDefaults.LargeDataL2For(float, long)"/>). Default true: with many rows
    /// the data itself regularises (Fashion-MNIST, 48,000 training rows: held-out accuracy 0.876 with 0.001, 0.883 with
    /// 0.0001; docs/defaults.md). False trains with <see cref="L2Regularization"/> as given on large sets.
    /// </summary>
    public bool ScaleL2ForLargeData = true;

    /// <summary>
    /// For regression on training sets of at most <see cref="NeuralNetworkDefaults.CrossValidatedL2RowsUpTo"/> rows, choose the L2
    /// penalty by <see cref="NeuralNetworkDefaults.L2CrossValidationFolds"/>-fold cross-validation among
    /// <see cref="L2Regularization"/> times <see cref="NeuralNetworkDefaults.L2CrossValidationFactors"/> instead of the
    /// <see cref="ScaleL2ForSmallData"/> rule (the lowest mean held-out loss wins). Default true; it applies only with
    /// <see cref="ScaleL2ForSmallData"/> on, a positive penalty, and no validation set, early stopping or checkpoint.
    /// It costs 15 fits of two thirds of the rows before the real one. A small table's noise decides how much penalty it
    /// needs: a noisy target wants a strong one, a smooth one little (measured on the defaults benchmark, docs/defaults.md).
    /// Classifiers keep the <see cref="ScaleL2ForSmallData"/> rule, which cross-validation did not beat on small
    /// classification sets.
    /// </summary>
    public bool CrossValidateL2OnSmallData = true;

    /// <summary>
    /// From <see cref="NeuralNetworkDefaults.HoldOutEpochsRowsFrom"/> training rows on, with the automatic epochs, measure on a
    /// stratified tenth of the rows held out how long to train and how strong a penalty to use: the network trains on the
    /// rest with early stopping on the hold-out's loss, once per strength of <see cref="NeuralNetworkDefaults.HoldOutL2Factors"/>,
    /// and the final fit on every row takes the best strength and the best epoch found, or the automatic epochs when those
    /// are more (the hold-out only lengthens training; the cosine decay applies as without it). Default false: on the
    /// benchmarks it took binary_synth from 0.878 to 0.891 and newspaper churn from 0.813 to 0.823, but cost up to 7 times
    /// the training time (docs/defaults.md, round 9). Only without a validation set, early stopping or checkpoint.
    /// </summary>
    public bool ChooseEpochsOnHoldOut;

    /// <summary>Fraction of each hidden layer's outputs dropped at random while training, in [0, 1). Default 0 (no dropout).</summary>
    public float DropoutRate;

    /// <summary>
    /// Seed of the random source (initial weights, shuffling, dropout, validation split). Default null: drawn from
    /// the <c>MLContext</c>'s seed, so <c>new MLContext(seed: 1)</c> makes training reproducible bit for bit.
    /// </summary>
    public int? Seed;

    /// <summary>
    /// Threads the matrix kernels use. Default null: every core. Results do not depend on it: the kernels split work
    /// over a fixed partition.
    /// </summary>
    public int? NumberOfThreads;

    /// <summary>
    /// Fraction of the training rows, chosen at random, held out to measure the validation loss after every epoch,
    /// in [0, 1). Default 0: none. Ignored when validation data is passed to <c>Fit(trainData, validationData)</c>.
    /// </summary>
    public float ValidationSetFraction;

    /// <summary>
    /// Stop when the monitored loss (validation loss when there is validation data, training loss otherwise) has
    /// not improved for this many epochs, and keep the weights of the best epoch. Default 0: no early stopping.
    /// </summary>
    public int EarlyStoppingPatience;

    /// <summary>Called on the training thread after every epoch with that epoch's figures. Default none.</summary>
    public Action<EpochResult>? EpochEnded;

    /// <summary>
    /// Writes the engine network (an NNTrainer model file, <c>Network.Load</c>) after every epoch whose monitored loss
    /// improves, atomically: "save the best model so far" (see <see cref="ModelCheckpoint"/>, which also explains the
    /// <c>{epoch}</c> and <c>{loss}</c> placeholders). The network reads the features as the trainer passes them, i.e.
    /// standardised when <see cref="StandardizeFeatures"/> applies. Default null: no checkpoints.
    /// </summary>
    public string? CheckpointPath;

    /// <summary>Receives every epoch's figures (a <see cref="Progress{T}"/> reports on its own context). Default none.</summary>
    public IProgress<EpochResult>? Progress;

    /// <summary>Stops training between two weight updates; <c>Fit</c> then throws <see cref="OperationCanceledException"/>. Default none.</summary>
    public CancellationToken CancellationToken;

    /// <summary>
    /// Train on the features standardised column by column (mean 0, variance 1 over the training rows), then fold
    /// the same map into the first layer's weights so that the model reads the features as they come. Default true:
    /// ML.NET's <c>NormalizeMeanVariance</c> scales without centring by default and <c>NormalizeMinMax</c> maps to
    /// [0, 1], and an off-centre input slows a ReLU network down; the saved model and its ONNX export are unchanged
    /// in form (the map lives in the weights). The convolutional architectures ignore it: their first layer is a
    /// convolution, and they read the pixels as the pipeline scaled them.
    /// </summary>
    public bool StandardizeFeatures = true;

    /// <summary>
    /// Skip training rows whose features or label are NaN or infinite (or whose key label is missing) instead of
    /// failing. Default false: such a row is an error naming its column, row and slot, because silently dropping
    /// data hides problems upstream.
    /// </summary>
    public bool SkipNonFiniteRows;

    /// <summary>
    /// Train without copying the rows into memory: the training data view is read once to count the rows and measure
    /// the features, then once per epoch, 64 K rows at a time (fewer for rows of more than 1,024 features: a block holds
    /// at most 64 M values), each block's rows in a seeded random order (blocks are
    /// read in the data's order: a cursor cannot seek). Memory stays at one block whatever the number of rows, at the
    /// cost of reading (and re-running the pipeline's transforms on) the data every epoch; a caller who can afford
    /// memory for the data puts <c>AppendCacheCheckpoint</c> before the trainer, and the passes then read that cache.
    /// Needs <see cref="ValidationSetFraction"/> 0 (pass validation data to <c>Fit(train, validation)</c> instead; it
    /// is read into memory) and no convolutional architecture. Default false: the rows are read into one matrix once.
    /// </summary>
    public bool Streaming;

    /// <summary>
    /// Decoupled weight decay λ of <see cref="NeuralNetworkOptimizer.AdamW"/>, finite and ≥ 0: every update multiplies
    /// each weight and bias by <c>1 − learningRate·λ</c>. Ignored by the other optimizers. Default 0.01 (PyTorch's).
    /// </summary>
    public float WeightDecay = 0.01f;

    /// <summary>
    /// Nesterov momentum for <see cref="NeuralNetworkOptimizer.Sgd"/> (Keras form: <c>v = μv − lr·g</c>,
    /// <c>w += μv − lr·g</c>); needs <see cref="Momentum"/> &gt; 0. Ignored by the other optimizers. Default false.
    /// </summary>
    public bool UseNesterovMomentum;

    /// <summary>
    /// How the learning rate changes during training: an NNTrainer schedule such as <c>new CosineSchedule(warmupEpochs: 2)</c>,
    /// <c>StepDecaySchedule</c>, <c>ExponentialDecaySchedule</c>, <c>OneCycleSchedule</c> or <c>ReduceOnPlateauSchedule</c>
    /// (each documents its formula and defaults). Default null: the rate stays at <see cref="LearningRate"/> (with
    /// <see cref="LearningRateDecay"/> if set, which also applies on top of a schedule).
    /// </summary>
    public LearningRateSchedule? LearningRateSchedule;

    /// <summary>
    /// When <see cref="LearningRateSchedule"/> and <see cref="NumberOfEpochs"/> are null (the automatic epochs), lower the
    /// learning rate along a cosine from <see cref="LearningRate"/> to 0 over the training's weight updates on training sets
    /// of <see cref="NeuralNetworkDefaults.AnnealedRowsFrom"/> (5,000) rows and more (<see cref="NeuralNetworkDefaults.AnnealsLearningRate"/>), and on
    /// smaller sets hold it and lower it the same way over the last tenth of the updates only
    /// (<see cref="NeuralNetworkDefaults.SmallDataDecayShare"/>). Default true: large sets get few epochs, and the decay
    /// gave Fashion-MNIST 0.011–0.019 more held-out accuracy at the same cost; on small sets the short decay keeps the
    /// saved weights off Adam's late loss spikes (docs/defaults.md, rounds 4 and 12b).
    /// Not applied when training continues from a model or runs for epochs given in <see cref="NumberOfEpochs"/> (a count
    /// chosen for a constant rate keeps it; a few given epochs with the decay would learn less). False keeps the rate constant.
    /// </summary>
    public bool AnnealLearningRateOnLargeData = true;

    /// <summary>
    /// Clip the gradients by their global norm before every update (PyTorch's <c>clip_grad_norm_</c>): when the norm of
    /// all gradients together exceeds this, they are scaled by <c>GradientClipNorm / (norm + 10⁻⁶)</c>. Finite and ≥ 0.
    /// Default 0: no clipping.
    /// </summary>
    public float GradientClipNorm;

    /// <summary>
    /// How each training step runs: <see cref="TrainingExecution.Auto"/> (default) takes the fastest step that applies,
    /// every one an optimisation of the book's layer-by-layer step computing the same weights;
    /// <see cref="TrainingExecution.Reference"/> always runs the book's step. The step that ran is in
    /// <c>NeuralNetworkTransformer.History.TrainingStep</c>.
    /// </summary>
    public TrainingExecution Execution;

    /// <summary>
    /// Keep the optimizer's state (its moments and step count) in the trained model, so that
    /// <c>trainer.Fit(trainData, model)</c> continues exactly where this training stopped. Default false: a model that
    /// only scores does not need it, and with Adam it would make the model and its saved .zip about three times larger.
    /// Without it, continuing training starts a new optimizer from the trained weights.
    /// </summary>
    public bool KeepOptimizerState;

    private protected NeuralNetworkOptionsBase()
    {
    }

    /// <summary>Checks every option and throws an exception naming the first invalid one.</summary>
    internal virtual void Check()
    {
        if (string.IsNullOrWhiteSpace(LabelColumnName)) throw Invalid(nameof(LabelColumnName), "must name the label column");
        if (string.IsNullOrWhiteSpace(FeatureColumnName)) throw Invalid(nameof(FeatureColumnName), "must name the feature column");
        if (ExampleWeightColumnName is not null && string.IsNullOrWhiteSpace(ExampleWeightColumnName)) throw Invalid(nameof(ExampleWeightColumnName), "must name the weight column (or be null for none)");
        if (HiddenLayers is null) throw Invalid(nameof(HiddenLayers), "must not be null (use an empty array for a model without hidden layers)");
        for (int i = 0; i < HiddenLayers.Length; i++)
        {
            if (HiddenLayers[i] <= 0) throw Invalid(nameof(HiddenLayers), $"must hold positive sizes; layer {i} has {HiddenLayers[i]} neurons");
        }
        if (!Enum.IsDefined(Activation)) throw Invalid(nameof(Activation), $"has the unknown value {(int)Activation}");
        if (NumberOfEpochs is <= 0) throw Invalid(nameof(NumberOfEpochs), $"must be at least 1 (or null for automatic); it is {NumberOfEpochs}");
        if (BatchSize <= 0) throw Invalid(nameof(BatchSize), $"must be at least 1; it is {BatchSize}");
        if (!Enum.IsDefined(Optimizer)) throw Invalid(nameof(Optimizer), $"has the unknown value {(int)Optimizer}");
        if (LearningRate is { } rate && !(float.IsFinite(rate) && rate > 0)) throw Invalid(nameof(LearningRate), $"must be a finite number > 0 (or null for the optimizer's default); it is {rate}");
        if (!(float.IsFinite(LearningRateDecay) && LearningRateDecay >= 0)) throw Invalid(nameof(LearningRateDecay), $"must be a finite number ≥ 0; it is {LearningRateDecay}");
        if (!(Momentum >= 0 && Momentum < 1)) throw Invalid(nameof(Momentum), $"must be in [0, 1); it is {Momentum}");
        if (!(float.IsFinite(L1Regularization) && L1Regularization >= 0)) throw Invalid(nameof(L1Regularization), $"must be a finite number ≥ 0; it is {L1Regularization}");
        if (!(float.IsFinite(L2Regularization) && L2Regularization >= 0)) throw Invalid(nameof(L2Regularization), $"must be a finite number ≥ 0; it is {L2Regularization}");
        if (!(DropoutRate >= 0 && DropoutRate < 1)) throw Invalid(nameof(DropoutRate), $"must be in [0, 1); it is {DropoutRate}");
        if (NumberOfThreads is <= 0) throw Invalid(nameof(NumberOfThreads), $"must be at least 1 (or null for every core); it is {NumberOfThreads}");
        if (!(ValidationSetFraction >= 0 && ValidationSetFraction < 1)) throw Invalid(nameof(ValidationSetFraction), $"must be in [0, 1); it is {ValidationSetFraction}");
        if (EarlyStoppingPatience < 0) throw Invalid(nameof(EarlyStoppingPatience), $"must be ≥ 0 (0 turns early stopping off); it is {EarlyStoppingPatience}");
        if (!(float.IsFinite(WeightDecay) && WeightDecay >= 0)) throw Invalid(nameof(WeightDecay), $"must be a finite number ≥ 0; it is {WeightDecay}");
        if (UseNesterovMomentum && Optimizer == NeuralNetworkOptimizer.Sgd && Momentum == 0) throw Invalid(nameof(UseNesterovMomentum), "needs a Momentum > 0");
        if (!(float.IsFinite(GradientClipNorm) && GradientClipNorm >= 0)) throw Invalid(nameof(GradientClipNorm), $"must be a finite number ≥ 0 (0 turns clipping off); it is {GradientClipNorm}");
        if (!Enum.IsDefined(Execution)) throw Invalid(nameof(Execution), $"has the unknown value {(int)Execution}");
        // Streaming reads no weights yet: training as if every row weighed 1 would silently ignore the column.
        if (Streaming && ExampleWeightColumnName is not null) throw Invalid(nameof(ExampleWeightColumnName), "cannot be read by streaming training yet (Streaming training does not take example weights); set Streaming = false to train with example weights");
    }

    /// <summary>An exception naming an invalid option.</summary>
    private protected static ArgumentOutOfRangeException Invalid(string option, string problem) =>
        new($"options.{option}", $"Invalid neural-network option {option}: it {problem}.");
}
