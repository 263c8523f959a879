using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// <see cref="Network"/>'s training facade: <see cref="Fit(Matrix, Matrix, FitOptions?)"/> hands the work to the network's
/// <see cref="Learner"/>, created by the first Fit, so that a network used only to predict carries no training machinery.
/// </summary>
public sealed partial class Network
{
    private Learner? _learner;

    /// <summary>The history of the last <see cref="Fit(Matrix, Matrix, FitOptions?)"/> call, or null.</summary>
    public TrainingHistory? History
    {
        get => _learner?.History;
        internal set => EnsureLearner().History = value;
    }

    /// <summary>The network's learner, or null when it has never trained.</summary>
    internal Learner? Learner => _learner;

    internal Learner EnsureLearner() => _learner ??= new Learner(this);

    /// <summary>Trains the network.</summary>
    /// <param name="inputs">Training samples, [samples × <see cref="InputSize"/>], all finite.</param>
    /// <param name="targets">
    /// Targets: class indices in one column or one-hot rows (categorical cross-entropy), 0/1 per output
    /// (binary cross-entropy), or values per output (regression).
    /// </param>
    /// <param name="options">Epochs, batch size, validation, early stopping, callbacks; defaults when null.</param>
    /// <returns>The epochs' figures; also kept in <see cref="History"/>.</returns>
    /// <exception cref="ArgumentException">The data has the wrong shape, a non-finite value, or a target the loss cannot take.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite; the best weights seen were restored.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was signalled; the weights of the last completed step are kept.</exception>
    public TrainingHistory Fit(Matrix inputs, Matrix targets, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        options = PrepareFit(options);
        return EnsureLearner().Fit(inputs, targets, options);
    }

    /// <summary>Trains a classifier on class indices (a convenience for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>).</summary>
    /// <param name="inputs">Training samples.</param>
    /// <param name="labels">Class index per sample.</param>
    /// <param name="options">Training options.</param>
    public TrainingHistory Fit(Matrix inputs, int[] labels, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Fit(inputs, Matrix.FromLabels(labels), options);
    }

    /// <summary>
    /// Trains the network on the batches a <see cref="BatchFeed"/> supplies, one pass of the feed per epoch: data that
    /// is read as it trains (a file larger than memory, a database cursor) rather than held in one matrix. Everything
    /// after the batch is what <see cref="Fit(Matrix, Matrix, FitOptions?)"/> does.
    /// </summary>
    /// <param name="feed">The batches; it checks its own rows (finite inputs, targets the loss can take) as it reads them.</param>
    /// <param name="targetSample">
    /// Targets representative of the feed's (e.g. its first block's), with the feed's target columns: the accuracy
    /// measure takes its scale from them (a regression's tolerance).
    /// </param>
    /// <param name="options">
    /// As for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>, except that held-out data must be given as
    /// <see cref="FitOptions.ValidationData"/> (a <see cref="FitOptions.ValidationFraction"/> would need the rows in
    /// memory) and sample weights come from the feed (<see cref="FitOptions.SampleWeights"/> must be null).
    /// </param>
    /// <returns>The epochs' figures; also kept in <see cref="History"/>.</returns>
    /// <exception cref="ArgumentException">A validation fraction or sample weights in the options, or an empty feed or target sample.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite; the best weights seen were restored.</exception>
    public TrainingHistory Fit(BatchFeed feed, Matrix targetSample, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(targetSample);
        options = PrepareFit(options);
        return EnsureLearner().Fit(feed, targetSample, options);
    }

    /// <summary>What every Fit does before its data: checks the options (defaults when null) and builds the network.</summary>
    private FitOptions PrepareFit(FitOptions? options)
    {
        options ??= new FitOptions();
        options.Validate();
        RequireTrainable();
        Build();
        return options;
    }

    internal void CheckData(Matrix inputs, Matrix targets, string what) => CheckShape(inputs.Rows, inputs.Columns, targets, what);

    /// <summary>Checks a data set of <paramref name="rows"/> samples of <paramref name="columns"/> features (dense or sparse) against the network and its targets.</summary>
    internal void CheckShape(int rows, int columns, Matrix targets, string what)
    {
        if (rows == 0) throw new ArgumentException($"The {what} data is empty: at least one sample is needed.", "inputs");
        if (columns != InputSize)
        {
            throw new ArgumentException($"The network takes {InputSize} features per sample; the {what} data has {columns}.", "inputs");
        }
        if (targets.Rows != rows)
        {
            throw new ArgumentException($"The {what} data has {rows} samples but {targets.Rows} targets.", nameof(targets));
        }
        Loss!.ValidateTargets(targets, OutputSize);
    }

    internal static void CheckFinite(Matrix inputs, string what)
    {
        long bad = Kernels.IndexOfNonFinite(inputs.AsSpan());
        if (bad >= 0)
        {
            throw new ArgumentException($"The {what} data has {inputs.Data[bad]} at row {bad / inputs.Columns}, column {bad % inputs.Columns}; every feature must be a finite number.", nameof(inputs));
        }
    }

    internal static Accuracy DefaultAccuracy(Loss loss) => loss switch
    {
        CategoricalCrossEntropyLoss => new CategoricalAccuracy(),
        BinaryCrossEntropyLoss => new BinaryAccuracy(),
        _ => new RegressionAccuracy(),
    };

    private void RequireTrainable()
    {
        if (Loss is null || Optimizer is null)
        {
            throw new InvalidOperationException("Set a loss and an optimizer first (Network.Set).");
        }
        Accuracy ??= DefaultAccuracy(Loss);
    }
}
