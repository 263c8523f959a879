using System.Diagnostics;
using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Optimizers.Schedules;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// One call to <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>: the book's <c>train</c> loop with
/// mini-batches, validation, early stopping, divergence handling and cancellation.
/// </summary>
/// <remarks>
/// Everything a step touches is allocated before the first epoch: the shuffled index, the batch buffers,
/// the layers' buffers (on the first step) and the best-weights snapshot. The steady state allocates nothing.
/// </remarks>
internal sealed partial class TrainingLoop
{
    private readonly Network _network;
    private readonly FitOptions _options;
    private readonly Parameter[] _parameters;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly Accuracy _accuracy;
    private readonly LearningRateSchedule? _schedule;
    private readonly float _smoothing;
    private readonly GradientClipping? _clipping;
    private Matrix? _smoothedTargets;
    private long _stepsPerEpoch;
    private long _step;

    public TrainingLoop(Network network, FitOptions options)
    {
        _network = network;
        _options = options;
        _parameters = [.. network.Parameters];
        _loss = network.Loss!;
        _optimizer = network.Optimizer!;
        _accuracy = network.Accuracy!;
        _schedule = options.LearningRateSchedule;
        _smoothing = LabelSmoothing.Of(_loss);
        _clipping = options.GradientClipNorm > 0 ? new GradientClipping(_parameters, options.GradientClipNorm) : null;
    }

    /// <summary>
    /// Whether a Dense (ReLU Dense)* Softmax classifier may train through <see cref="FusedClassifierStep"/> (the default);
    /// false takes <see cref="SoftmaxStatisticsStep"/> instead. Both give bit-identical results.
    /// </summary>
    internal bool FuseLayers { get; init; } = true;

    /// <summary>Whether a fused step may use <see cref="SmallInputClassifierKernel"/> (the default); tests turn it off to reach the general fused path.</summary>
    internal bool UseSmallInputKernel { get; init; } = true;

    /// <summary>Whether this machine runs <see cref="SmallInputClassifierKernel"/>; tests set false to force the fallback a machine without AVX-512 takes.</summary>
    internal bool SmallInputKernelSupported { get; init; } = SmallInputClassifierKernel.IsSupported;

    /// <summary>The step the last <see cref="Run(Matrix, Matrix)"/> took.</summary>
    internal ITrainingStep? Step { get; private set; }

    /// <summary>Trains on <paramref name="inputs"/> and <paramref name="targets"/> as <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> describes.</summary>
    /// <remarks>
    /// Only the arithmetic kernels a training calls every batch are compiled fully optimised before their first call
    /// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a training of a few hundred milliseconds ends before
    /// tiered compilation would replace their first, unoptimised code. The loop itself, the batch feed and the steps
    /// that call the kernels are left to tiered compilation: their work per batch is a few calls, so unoptimised code
    /// costs nothing measurable, while a fully optimised compilation of each took part of every process's first fit
    /// and kept ReadyToRun from precompiling them (docs/first-fit.md).
    /// </remarks>
    public TrainingHistory Run(Matrix inputs, Matrix targets)
    {
        _network.CheckData(inputs, targets, "training");
        if (_options.ValidateInputs) Network.CheckFinite(inputs, "training");
        var weights = _options.SampleWeights;
        if (weights is not null) SampleWeighting.Check(weights, inputs.Rows, nameof(FitOptions.SampleWeights), "training");

        _optimizer.NumberOfThreads = _network.NumberOfThreads;
        var (trainIndices, validation) = SplitValidation(inputs, targets);
        int trainCount = trainIndices.Length;
        int batchSize = _options.BatchSize is null or 0 ? trainCount : Math.Min(_options.BatchSize.Value, trainCount);
        var feed = new MatrixBatchFeed(inputs, targets, trainIndices, batchSize, weights, _network.NumberOfThreads);
        _accuracy.Initialize(targets);
        return Train(feed, targets.Columns, validation);
    }

    /// <summary>Trains on the batches of <paramref name="feed"/>, as <see cref="Network.Fit(BatchFeed, Matrix, FitOptions?)"/> describes.</summary>
    /// <param name="feed">The batches.</param>
    /// <param name="targetSample">Targets representative of the feed's, which the accuracy measure takes its scale from.</param>
    public TrainingHistory Run(BatchFeed feed, Matrix targetSample)
    {
        if (_options.ValidationFraction > 0)
        {
            throw new ArgumentException($"A {nameof(FitOptions.ValidationFraction)} needs the rows in memory; with a batch feed pass held-out data as {nameof(FitOptions.ValidationData)}.", nameof(FitOptions.ValidationFraction));
        }
        if (_options.SampleWeights is not null)
        {
            throw new ArgumentException($"A batch feed carries its own weights ({nameof(BatchFeed.Weighted)}); {nameof(FitOptions.SampleWeights)} must be null.", nameof(FitOptions.SampleWeights));
        }
        if (targetSample.Rows == 0) throw new ArgumentException("The target sample is empty.", nameof(targetSample));
        if (feed.SampleCount <= 0 || feed.BatchSize <= 0)
        {
            throw new ArgumentException($"The feed has {feed.SampleCount} samples in batches of {feed.BatchSize}; both must be at least 1.", nameof(feed));
        }
        var validation = GivenValidation();
        _optimizer.NumberOfThreads = _network.NumberOfThreads;
        _accuracy.Initialize(targetSample);
        return Train(feed, targetSample.Columns, validation);
    }

    /// <summary>
    /// Trains on the batches of <paramref name="feed"/>: the loop every feed shares. The caller has checked the data and
    /// the weights and initialised the accuracy (<see cref="Accuracy.Initialize"/>) on the targets, as <see cref="Run(Matrix, Matrix)"/> does.
    /// </summary>
    /// <param name="feed">The batches.</param>
    /// <param name="targetColumns">Target values per sample.</param>
    /// <param name="validation">Held-out data evaluated after every epoch, or null.</param>
    /// <param name="given">The step to take instead of the selected one (the sparse-input step), or null.</param>
    internal TrainingHistory Train(BatchFeed feed, int targetColumns, ValidationSet? validation, ITrainingStep? given = null)
    {
        var step = Step = given ?? _network.EnsureLearner().Step(_options.Execution, targetColumns, FuseLayers, UseSmallInputKernel, SmallInputKernelSupported);
        var batch = new TrainingBatch { Threads = _network.NumberOfThreads, FactorBuffer = feed.Weighted ? new float[feed.BatchSize] : [] };
        if (_smoothing > 0f) _smoothedTargets = new Matrix(feed.BatchSize, _network.OutputSize);
        _stepsPerEpoch = feed.StepsPerEpoch;
        _step = 0;
        _optimizer.SetScheduledLearningRate(_optimizer.LearningRate);
        _schedule?.Reset(_optimizer.LearningRate);
        var history = _history = new TrainingHistory { TrainingStep = step.Name };
        _network.History = history;
        // The copy serves a restore only: early stopping's or divergence's. Nothing else reads it.
        bool restores = _options.RestoreOnDivergence || (_options.EarlyStoppingPatience > 0 && _options.RestoreBestWeights);
        _snapshot = restores ? new WeightSnapshot(_parameters, [.. _network.Layers.SelectMany(l => l.State)]) : null;
        _snapshot?.Capture(_optimizer);
        _best = double.PositiveInfinity;
        _bestEpoch = 0;
        _epochsWithoutImprovement = 0;
        var clock = new Stopwatch();

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            clock.Restart();
            feed.StartEpoch(_options.Shuffle, _network.Random);
            if (_schedule is { PerStep: false }) ApplySchedule(epoch);
            var (lossSum, weightSum, correct, total) = TrainEpoch(feed, step, batch, epoch);
            (step as SparseInputStep)?.SettleDecay();
            clock.Stop();
            // Without weights the mean is over samples; with them, the weighted mean Σ wᵢ·lᵢ / Σ wᵢ (Σ wᵢ = samples for weights of 1).
            double loss = !feed.Weighted ? lossSum / feed.SampleCount : weightSum > 0 ? lossSum / weightSum : 0;
            if (EndEpoch(epoch, loss, total == 0 ? 0 : (double)correct / total, clock.Elapsed, validation)) return history;
        }
        history.StopReason = StopReason.Completed;
        return history;
    }

    private TrainingHistory _history = new();
    private WeightSnapshot? _snapshot;
    private double _best;
    private int _bestEpoch;
    private int _epochsWithoutImprovement;

    /// <summary>One pass over the training data: every batch's step, statistics and updates.</summary>
    private (double LossSum, double WeightSum, long Correct, long Total) TrainEpoch(BatchFeed feed, ITrainingStep trainingStep, TrainingBatch batch, int epoch)
    {
        var token = _options.CancellationToken;
        var stepSchedule = _schedule is { PerStep: true } ? _schedule : null;
        var clipping = _clipping;
        var updater = clipping is null ? _optimizer : null;
        double lossSum = 0, weightSum = 0;
        long correct = 0, total = 0;
        int step = 0;
        for (; ; step++)
        {
            if (!feed.Next(batch)) break;
            // Checked once a batch is known to follow, so a cancellation after an epoch's last step lets that epoch end.
            if (token.IsCancellationRequested)
            {
                _history.StopReason = StopReason.Cancelled;
                token.ThrowIfCancellationRequested();
            }
            if (batch.WeightBuffer is not null) weightSum += SampleWeighting.Factors(batch.Weights, batch.FactorBuffer);
            // The fused kernels take the smoothed targets; the loss classes smooth the targets they are given themselves.
            batch.KernelTargets = _smoothedTargets is null ? batch.Targets : LabelSmoothing.Apply(_loss, _smoothing, batch.Targets, _smoothedTargets);
            var (batchLoss, c, t) = trainingStep.Forward(batch);
            if (!double.IsFinite(batchLoss)) throw DivergedInStep(epoch, step + 1, batchLoss);
            lossSum += batchLoss;
            correct += c;
            total += t;
            if (stepSchedule is not null) ApplySchedule(epoch);
            _optimizer.PreUpdate();
            // With clipping, every gradient is needed before the first update: the passes leave the updates to it.
            trainingStep.BackwardAndUpdate(batch, updater);
            clipping?.ClipAndUpdate(_optimizer);
            _optimizer.PostUpdate();
            _step++;
        }
        return (lossSum, weightSum, correct, total);
    }

    /// <summary>Validation, the epoch's record, the best weights, callbacks and early stopping; true when training stops.</summary>
    private bool EndEpoch(int epoch, double loss, double accuracy, TimeSpan elapsed, ValidationSet? validation)
    {
        var history = _history;
        double? validationLoss = null, validationAccuracy = null;
        if (validation is { } held)
        {
            (validationLoss, validationAccuracy) = Validate(held);
            if (!double.IsFinite(validationLoss.Value)) throw Diverged($"epoch {epoch} (validation)", validationLoss.Value);
        }

        var result = new EpochResult(epoch, loss, RegularizationLoss(), accuracy, validationLoss, validationAccuracy, _optimizer.CurrentLearningRate, elapsed);
        history.Add(result);

        double monitored = validationLoss ?? result.Loss;
        _schedule?.EpochEnded(monitored);
        if (monitored < _best - _options.EarlyStoppingMinDelta)
        {
            _best = monitored;
            _bestEpoch = epoch;
            _epochsWithoutImprovement = 0;
            _snapshot?.Capture(_optimizer);
        }
        else
        {
            _epochsWithoutImprovement++;
        }
        history.BestEpoch = _bestEpoch;

        _options.EpochEnded?.Invoke(result);
        _options.Progress?.Report(result);

        if (_options.EarlyStoppingPatience > 0 && _epochsWithoutImprovement >= _options.EarlyStoppingPatience)
        {
            history.StopReason = StopReason.EarlyStopped;
            if (_options.RestoreBestWeights && _bestEpoch > 0)
            {
                _snapshot!.Restore(_optimizer);
                history.RestoredBestWeights = true;
            }
            return true;
        }
        return false;
    }

    /// <summary>Gives the optimizer the schedule's rate for the epoch or step about to run.</summary>
    private void ApplySchedule(int epoch)
    {
        var schedule = _schedule!;
        float rate = schedule.LearningRate(_optimizer.LearningRate, new TrainingProgress(epoch - 1, _step, _stepsPerEpoch, _options.Epochs));
        if (!(float.IsFinite(rate) && rate >= 0f))
        {
            throw new InvalidOperationException($"The learning-rate schedule {schedule.GetType().Name} gave the rate {rate} for epoch {epoch}, step {_step + 1}; rates must be finite numbers ≥ 0.");
        }
        _optimizer.SetScheduledLearningRate(rate);
    }

    /// <summary><see cref="Network.RegularizationLoss"/>, summed in the same order, without enumerator allocations.</summary>
    private double RegularizationLoss()
    {
        double loss = 0;
        foreach (var parameter in _parameters) loss += parameter.RegularizationLoss();
        return loss;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrainingDivergedException DivergedInStep(int epoch, int step, double loss) => Diverged($"epoch {epoch}, step {step}", loss);

    private TrainingDivergedException Diverged(string where, double loss)
    {
        var history = _history;
        int bestEpoch = _bestEpoch;
        bool restore = _options.RestoreOnDivergence;
        if (restore) _snapshot!.Restore(_optimizer);
        history.StopReason = StopReason.Diverged;
        history.RestoredBestWeights = restore;
        history.BestEpoch = bestEpoch;
        string kept = bestEpoch > 0 ? $"the weights of epoch {bestEpoch}, the best seen," : "the weights it had before this Fit call";
        return new TrainingDivergedException(
            $"Training diverged at {where}: the loss became {loss}. " +
            (restore ? $"The network was reset to {kept} so nothing learnt is lost. " : string.Empty) +
            $"Lower the learning rate (it was {_optimizer.CurrentLearningRate}) or scale the inputs (e.g. to [0, 1] or zero mean and unit variance).",
            history);
    }
}
