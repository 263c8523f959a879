using NNTrainer.Optimizers.Schedules;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>Options of <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>. Every property has a usable default.</summary>
public sealed class FitOptions
{
    /// <summary>Passes over the training data (default 10).</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Samples per training step; null or 0 trains on the whole set at once (full batch). Default 32.</summary>
    public int? BatchSize { get; set; } = 32;

    /// <summary>Reshuffle the training samples before every epoch (default true), with the network's random source.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Held-out data evaluated after every epoch (default none). Takes precedence over <see cref="ValidationFraction"/>.</summary>
    public (Matrix Inputs, Matrix Targets)? ValidationData { get; set; }

    /// <summary>
    /// Held-out data as sparse rows for <see cref="Network.Fit(SparseMatrix, Matrix, FitOptions?)"/>, evaluated after
    /// every epoch as <see cref="ValidationData"/> is (default null: none); weighted by <see cref="ValidationSampleWeights"/>.
    /// Only a sparse training takes it, and it takes the place of <see cref="ValidationData"/>.
    /// </summary>
    public (SparseMatrix Inputs, Matrix Targets)? SparseValidationData { get; set; }

    /// <summary>
    /// Fraction of the training samples, chosen at random with the network's seed, held out for validation
    /// when <see cref="ValidationData"/> is not given (default 0: none). Must be in [0, 1).
    /// </summary>
    public double ValidationFraction { get; set; }

    /// <summary>
    /// Stop after this many epochs without improvement of the monitored loss (validation loss when there is
    /// validation data, training loss otherwise). Default 0: no early stopping.
    /// </summary>
    public int EarlyStoppingPatience { get; set; }

    /// <summary>Smallest decrease of the monitored loss that counts as an improvement (default 0).</summary>
    public double EarlyStoppingMinDelta { get; set; }

    /// <summary>When training stops early, go back to the weights of the best epoch (default true).</summary>
    public bool RestoreBestWeights { get; set; } = true;

    /// <summary>
    /// When the loss becomes NaN or infinite, go back to the weights (and optimizer state) of the best epoch before
    /// throwing <see cref="TrainingDivergedException"/> (default true). False leaves the weights as the failing step left
    /// them, for a caller that discards the network on divergence: unless early stopping restores the best weights
    /// (<see cref="EarlyStoppingPatience"/> &gt; 0 with <see cref="RestoreBestWeights"/>), the training then keeps no copy
    /// of them, which saves a copy of every weight and its optimizer state each time the loss improves (a first layer over
    /// 61,000 text slots: 6 million weights, three arrays).
    /// </summary>
    public bool RestoreOnDivergence { get; set; } = true;

    /// <summary>Called after every epoch, on the training thread, with that epoch's figures (default none).</summary>
    public Action<EpochResult>? EpochEnded { get; set; }

    /// <summary>Adds <paramref name="callback"/> to <paramref name="options"/>' <see cref="EpochEnded"/>, after any already there (what the epoch watchers' <c>Attach</c> does).</summary>
    internal static FitOptions AppendEpochEnded(FitOptions options, Action<EpochResult> callback)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EpochEnded += callback;
        return options;
    }

    /// <summary>Receives every epoch's figures (default none); <see cref="Progress{T}"/> marshals to its own context.</summary>
    public IProgress<EpochResult>? Progress { get; set; }

    /// <summary>Stops training between two steps; <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> then throws <see cref="OperationCanceledException"/> and the network keeps the weights of the last completed step.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Check that every input value is finite before training (default true). Turn off only for data already checked.</summary>
    public bool ValidateInputs { get; set; } = true;

    /// <summary>
    /// Sets the learning rate by epoch or by step (<see cref="StepDecaySchedule"/>, <see cref="ExponentialDecaySchedule"/>,
    /// <see cref="CosineSchedule"/>, <see cref="OneCycleSchedule"/>, <see cref="ReduceOnPlateauSchedule"/>). Default null:
    /// the optimizer's rate, with its time-based decay if any, throughout.
    /// </summary>
    public LearningRateSchedule? LearningRateSchedule { get; set; }

    /// <summary>
    /// Clips the gradients by their global norm before every update, as PyTorch's <c>clip_grad_norm_</c>: when the
    /// Euclidean norm N of all parameters' gradients together exceeds this value, every gradient is multiplied by
    /// <c>GradientClipNorm / (N + 10⁻⁶)</c>. Default 0: no clipping.
    /// </summary>
    public float GradientClipNorm { get; set; }

    /// <summary>
    /// One weight per row of the training inputs (default null: every row weighs 1), as ML.NET's example weights and
    /// scikit-learn's <c>sample_weight</c>. Each batch's loss is the weighted mean <c>Σ wᵢ·lᵢ / Σ wᵢ</c> and its gradient
    /// accordingly, so a row of weight 2 counts as two copies of it and a row of weight 0 contributes nothing; the epoch's
    /// loss is weighted the same way, and so are the validation loss of a <see cref="ValidationFraction"/> split (the held-out
    /// rows keep their weights) and early stopping, which monitors it. Accuracies are not weighted. Weights must be finite
    /// and ≥ 0, not all 0; weights of 1 train the bit-identical model of no weights. Only the built-in losses take weights.
    /// </summary>
    public float[]? SampleWeights { get; set; }

    /// <summary>
    /// One weight per row of <see cref="ValidationData"/> (default null: every row weighs 1): the validation loss, and with
    /// it early stopping, is then the weighted mean <c>Σ wᵢ·lᵢ / Σ wᵢ</c>. Requires <see cref="ValidationData"/>.
    /// </summary>
    public float[]? ValidationSampleWeights { get; set; }

    /// <summary>
    /// How each training step runs (default <see cref="TrainingExecution.Auto"/>: the fastest step that applies, every one
    /// of them an optimisation of the reference step computing the same weights); <see cref="TrainingExecution.Reference"/>
    /// runs the book's layer-by-layer step. <see cref="TrainingHistory.TrainingStep"/> names the step that ran.
    /// </summary>
    public TrainingExecution Execution { get; set; }

    internal void Validate()
    {
        if (Epochs <= 0) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize is < 0) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be positive (or null/0 for full batch).");
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation fraction must be in [0, 1).");
        if (!Enum.IsDefined(Execution)) throw new ArgumentOutOfRangeException(nameof(Execution), Execution, "Execution must be Auto or Reference.");
        if (EarlyStoppingPatience < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "Patience must be ≥ 0 (0 turns early stopping off).");
        if (!(float.IsFinite(GradientClipNorm) && GradientClipNorm >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "The gradient clipping norm must be a finite number > 0 (or 0 for no clipping).");
        if (!(EarlyStoppingMinDelta >= 0) || double.IsInfinity(EarlyStoppingMinDelta)) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingMinDelta), EarlyStoppingMinDelta, "The minimum improvement must be a finite number ≥ 0.");
    }
}
