using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace NNTrainer;

/// <summary>
/// One call to <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/>: the book's <c>train</c> loop with
/// mini-batches, validation, early stopping, divergence handling and cancellation.
/// </summary>
/// <remarks>
/// Everything a step touches is allocated before the first epoch: the shuffled index, the batch buffers,
/// the layers' buffers (on the first step) and the best-weights snapshot. The steady state allocates nothing.
/// </remarks>
internal sealed class TrainingLoop
{
    private readonly Network _network;
    private readonly FitOptions _options;
    private readonly Layer[] _layers;
    private readonly Parameter[] _parameters;
    private readonly Parameter[][] _layerParameters;
    private readonly Loss _loss;
    private readonly Optimizer _optimizer;
    private readonly Accuracy _accuracy;
    private readonly int _firstTrainable;
    private readonly FusedOutput _fused;
    private readonly bool _fusedStatistics;
    private readonly FusedClassifierStep? _fusedStep;
    private Matrix? _fusedGradient;
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
        _layers = [.. network.Layers];
        _parameters = [.. network.Parameters];
        _layerParameters = new Parameter[_layers.Length][];
        for (int i = 0; i < _layers.Length; i++) _layerParameters[i] = [.. _layers[i].Parameters];
        _loss = network.Loss!;
        _optimizer = network.Optimizer!;
        _accuracy = network.Accuracy!;
        _firstTrainable = network.FirstTrainableIndex();
        _fused = (_layers[^1], _loss) switch
        {
            (SoftmaxActivation, CategoricalCrossEntropyLoss) => FusedOutput.SoftmaxCrossEntropy,
            (SigmoidActivation, BinaryCrossEntropyLoss) => FusedOutput.SigmoidBinaryCrossEntropy,
            _ => FusedOutput.None,
        };
        // The classifier's loss, accuracy and gradient in one pass (same arithmetic as the three classes, which are sealed).
        _fusedStatistics = _fused == FusedOutput.SoftmaxCrossEntropy && _accuracy is CategoricalAccuracy && network.OutputSize > 1;
        _fusedStep = _fusedStatistics && _firstTrainable == 0 ? FusedClassifierStep.TryCreate(_layers) : null;
        _schedule = options.LearningRateSchedule;
        _smoothing = LabelSmoothing.Of(_loss);
        _clipping = options.GradientClipNorm > 0 ? new GradientClipping(_parameters, options.GradientClipNorm) : null;
    }

    /// <summary>
    /// Whether a Dense (ReLU Dense)* Softmax classifier trains through <see cref="FusedClassifierStep"/> (the default);
    /// false runs every layer's own Forward and Backward. Both give bit-identical results.
    /// </summary>
    internal bool FuseLayers { get; init; } = true;

    /// <summary>Whether a fused step may use <see cref="SmallInputClassifierKernel"/> (the default); tests turn it off to reach the general fused path.</summary>
    internal bool UseSmallInputKernel
    {
        get => _fusedStep?.UseSmallInputKernel ?? false;
        init
        {
            if (_fusedStep is not null) _fusedStep.UseSmallInputKernel = value;
        }
    }

    private enum FusedOutput
    {
        None,
        SoftmaxCrossEntropy,
        SigmoidBinaryCrossEntropy,
    }

    /// <summary>Trains on <paramref name="inputs"/> and <paramref name="targets"/> as <see cref="Network.Fit(Matrix, Matrix, FitOptions?)"/> describes.</summary>
    /// <remarks>
    /// The methods a training runs every epoch are compiled fully optimised before their first call
    /// (<see cref="MethodImplOptions.AggressiveOptimization"/>): a training of a few hundred milliseconds ends before
    /// tiered compilation would replace their first, unoptimised code, and loops shorter than on-stack replacement's
    /// threshold would run unoptimised throughout.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrainingHistory Run(Matrix inputs, Matrix targets)
    {
        _network.CheckData(inputs, targets, "training");
        if (_options.ValidateInputs) Network.CheckFinite(inputs, "training");

        _optimizer.NumberOfThreads = _network.NumberOfThreads;
        var weights = _options.SampleWeights;
        if (weights is not null) SampleWeighting.Check(weights, inputs.Rows, nameof(FitOptions.SampleWeights), "training");
        var (trainIndices, validation) = SplitValidation(inputs, targets);
        int trainCount = trainIndices.Length;
        int batchSize = _options.BatchSize is null or 0 ? trainCount : Math.Min(_options.BatchSize.Value, trainCount);
        // A full batch over all the data in order needs no gathering: the step reads the caller's matrices.
        bool direct = batchSize == trainCount && trainCount == inputs.Rows;
        var data = new EpochData(inputs, targets, trainIndices, batchSize, direct,
            direct ? inputs : new Matrix(batchSize, inputs.Columns),
            direct ? targets : new Matrix(batchSize, targets.Columns),
            weights, weights is null ? [] : direct ? weights : new float[batchSize], weights is null ? [] : new float[batchSize]);

        _accuracy.Initialize(targets);
        if (_smoothing > 0f) _smoothedTargets = new Matrix(batchSize, _network.OutputSize);
        _stepsPerEpoch = (trainCount + batchSize - 1) / batchSize;
        _step = 0;
        _optimizer.SetScheduledLearningRate(_optimizer.LearningRate);
        _schedule?.Reset(_optimizer.LearningRate);
        var history = _history = new TrainingHistory();
        _network.History = history;
        _snapshot = new WeightSnapshot(_parameters, [.. _layers.SelectMany(l => l.State)]);
        _snapshot.Capture(_optimizer);
        _best = double.PositiveInfinity;
        _bestEpoch = 0;
        _epochsWithoutImprovement = 0;
        var clock = new Stopwatch();

        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            clock.Restart();
            if (_options.Shuffle && !direct) _network.Random.Shuffle(trainIndices);
            if (_schedule is { PerStep: false }) ApplySchedule(epoch);
            var (lossSum, weightSum, correct, total) = TrainEpoch(data, epoch);
            clock.Stop();
            // Without weights the mean is over samples; with them, the weighted mean Σ wᵢ·lᵢ / Σ wᵢ (Σ wᵢ = samples for weights of 1).
            double loss = weights is null ? lossSum / trainCount : weightSum > 0 ? lossSum / weightSum : 0;
            if (EndEpoch(epoch, loss, total == 0 ? 0 : (double)correct / total, clock.Elapsed, validation)) return history;
        }
        history.StopReason = StopReason.Completed;
        return history;
    }

    /// <summary>
    /// What every batch of a <see cref="Run"/> reads: the data, its order and the batch buffers; with sample weights, the
    /// weights (null without), the batch's weights and their gradient factors (<see cref="SampleWeighting"/>).
    /// </summary>
    private sealed record EpochData(Matrix Inputs, Matrix Targets, int[] TrainIndices, int BatchSize, bool Direct, Matrix BatchInputs, Matrix BatchTargets,
        float[]? Weights, float[] BatchWeights, float[] Factors);

    /// <summary>Held-out data evaluated after every epoch, with its sample weights (null: every weight 1).</summary>
    private sealed record ValidationSet(Matrix Inputs, Matrix Targets, float[]? Weights);

    private TrainingHistory _history = new();
    private WeightSnapshot? _snapshot;
    private double _best;
    private int _bestEpoch;
    private int _epochsWithoutImprovement;

    /// <summary>One pass over the training data: every batch's forward pass, statistics, backward pass and updates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double LossSum, double WeightSum, long Correct, long Total) TrainEpoch(EpochData data, int epoch)
    {
        var token = _options.CancellationToken;
        var batchInputs = data.BatchInputs;
        var batchTargets = data.BatchTargets;
        int trainCount = data.TrainIndices.Length;
        int batchSize = data.BatchSize;
        int threads = _network.NumberOfThreads;
        var fusedStep = FuseLayers ? _fusedStep : null;
        var stepSchedule = _schedule is { PerStep: true } ? _schedule : null;
        var clipping = _clipping;
        var updater = clipping is null ? _optimizer : null;
        double lossSum = 0, weightSum = 0;
        long correct = 0, total = 0;
        int step = 0;
        for (int start = 0; start < trainCount; start += batchSize, step++)
        {
            if (token.IsCancellationRequested)
            {
                _history.StopReason = StopReason.Cancelled;
                token.ThrowIfCancellationRequested();
            }
            int count = Math.Min(batchSize, trainCount - start);
            if (!data.Direct)
            {
                data.Inputs.GatherRows(data.TrainIndices, start, count, batchInputs, threads);
                data.Targets.GatherRows(data.TrainIndices.AsSpan(start, count), batchTargets);
            }
            ReadOnlySpan<float> weights = default, factors = default;
            if (data.Weights is not null)
            {
                if (!data.Direct) Gather(data.Weights, data.TrainIndices.AsSpan(start, count), data.BatchWeights);
                weights = data.BatchWeights.AsSpan(0, count);
                factors = data.Factors.AsSpan(0, count);
                weightSum += SampleWeighting.Factors(weights, data.Factors);
            }
            // The fused kernels take the smoothed targets; the loss classes smooth the targets they are given themselves.
            var kernelTargets = _smoothedTargets is null ? batchTargets : LabelSmoothing.Apply(_loss, _smoothing, batchTargets, _smoothedTargets);
            var outputs = fusedStep is null ? Forward(batchInputs) : batchInputs;
            double batchLoss;
            long c, t;
            if (fusedStep is not null)
            {
                (batchLoss, c) = fusedStep.Forward(batchInputs, kernelTargets, threads, weights, factors);
                t = count;
            }
            else if (_fusedStatistics)
            {
                (batchLoss, c) = SoftmaxCrossEntropyKernel.Step(outputs, kernelTargets, FusedGradient(outputs), weights);
                t = outputs.Rows;
            }
            else
            {
                batchLoss = weights.IsEmpty ? _loss.SumSampleLosses(outputs, batchTargets) : _loss.SumWeightedSampleLosses(outputs, batchTargets, weights);
                (c, t) = _accuracy.CountCorrect(outputs, batchTargets);
            }
            if (!double.IsFinite(batchLoss)) throw DivergedInStep(epoch, step + 1, batchLoss);
            lossSum += batchLoss;
            correct += c;
            total += t;
            if (stepSchedule is not null) ApplySchedule(epoch);
            _optimizer.PreUpdate();
            // With clipping, every gradient is needed before the first update: the passes leave the updates to it.
            if (fusedStep is not null) fusedStep.BackwardAndUpdate(batchInputs, updater, threads);
            else BackwardAndUpdate(outputs, batchTargets, kernelTargets, updater, factors);
            clipping?.ClipAndUpdate(_optimizer);
            _optimizer.PostUpdate();
            _step++;
        }
        return (lossSum, weightSum, correct, total);
    }

    private static void Gather(float[] source, ReadOnlySpan<int> indices, Span<float> destination)
    {
        for (int i = 0; i < indices.Length; i++) destination[i] = source[indices[i]];
    }

    /// <summary>Validation, the epoch's record, the best weights, callbacks and early stopping; true when training stops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
            _snapshot!.Capture(_optimizer);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Matrix Forward(Matrix inputs)
    {
        var current = inputs;
        foreach (var layer in _layers)
        {
            layer.Forward(current, training: true);
            current = layer.Output;
        }
        return current;
    }

    /// <summary>
    /// Back-propagates, updating each layer's parameters as soon as its backward pass is done, while their gradients
    /// are still in cache. The result is the book's (backward everything, then update everything): a layer's
    /// update touches only its own parameters, which no layer below reads during its backward pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardAndUpdate(Matrix outputs, Matrix targets, Matrix kernelTargets, Optimizer? optimizer, ReadOnlySpan<float> factors)
    {
        int from = _layers.Length - 1;
        Matrix gradient;
        if (_fused == FusedOutput.None)
        {
            _loss.Backward(outputs, targets);
            gradient = _loss.DInputs;
        }
        else
        {
            gradient = FusedGradient(outputs);
            if (!_fusedStatistics)
            {
                if (_fused == FusedOutput.SoftmaxCrossEntropy) SoftmaxCategoricalCrossEntropy.Backward(outputs, kernelTargets, gradient);
                else SigmoidBinaryCrossEntropy.Backward(outputs, kernelTargets, gradient);
            }
            from--;
        }
        if (!factors.IsEmpty) SampleWeighting.ScaleRows(gradient.AsSpan(), gradient.Columns, factors);
        for (int i = from; i >= _firstTrainable; i--)
        {
            _layers[i].Backward(gradient);
            if (optimizer is not null)
            {
                foreach (var parameter in _layerParameters[i]) optimizer.Update(parameter);
            }
            if (i > _firstTrainable) gradient = _layers[i].DInputs;
        }
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

    private Matrix FusedGradient(Matrix outputs)
    {
        if (_fusedGradient is null || _fusedGradient.RowCapacity < outputs.Rows) _fusedGradient = new Matrix(outputs.Rows, outputs.Columns);
        return _fusedGradient;
    }

    /// <summary><see cref="Network.RegularizationLoss"/>, summed in the same order, without enumerator allocations.</summary>
    private double RegularizationLoss()
    {
        double loss = 0;
        foreach (var parameter in _parameters) loss += parameter.RegularizationLoss();
        return loss;
    }

    /// <summary>The validation loss (the weighted mean with weights) and accuracy (unweighted, as the training accuracy).</summary>
    private (double Loss, double Accuracy) Validate(ValidationSet validation)
    {
        var (inputs, targets, weights) = validation;
        var predictor = _network.SharedPredictor;
        double lossSum = 0;
        long correct = 0, total = 0;
        Network.ForEachBatch(inputs, targets, 1024, (x, y, start) =>
        {
            var outputs = predictor.Predict(x);
            lossSum += weights is null ? _loss.SumSampleLosses(outputs, y!) : _loss.SumWeightedSampleLosses(outputs, y!, weights.AsSpan(start, x.Rows));
            var (c, t) = _accuracy.CountCorrect(outputs, y!);
            correct += c;
            total += t;
        });
        double weightSum = 0;
        if (weights is not null)
        {
            foreach (float w in weights) weightSum += w;
        }
        return (lossSum / (weights is null ? inputs.Rows : weightSum), total == 0 ? 0 : (double)correct / total);
    }

    private (int[] TrainIndices, ValidationSet? Validation) SplitValidation(Matrix inputs, Matrix targets)
    {
        int n = inputs.Rows;
        var validationWeights = _options.ValidationSampleWeights;
        if (_options.ValidationData is { } given)
        {
            var (vx, vy) = given;
            if (vx is null || vy is null) throw new ArgumentException("ValidationData needs both inputs and targets.", nameof(inputs));
            _network.CheckData(vx, vy, "validation");
            if (_options.ValidateInputs) Network.CheckFinite(vx, "validation");
            if (validationWeights is not null) SampleWeighting.Check(validationWeights, vx.Rows, nameof(FitOptions.ValidationSampleWeights), "validation");
            return (Identity(n), new ValidationSet(vx, vy, validationWeights));
        }
        if (validationWeights is not null)
        {
            throw new ArgumentException($"{nameof(FitOptions.ValidationSampleWeights)} weights {nameof(FitOptions.ValidationData)}, which is not given; a {nameof(FitOptions.ValidationFraction)} takes its weights from {nameof(FitOptions.SampleWeights)}.", nameof(FitOptions.ValidationSampleWeights));
        }
        if (_options.ValidationFraction > 0)
        {
            int validationCount = (int)Math.Round(n * _options.ValidationFraction);
            if (validationCount < 1 || validationCount >= n)
            {
                throw new ArgumentException($"A validation fraction of {_options.ValidationFraction} of {n} samples leaves no validation or no training samples.", nameof(inputs));
            }
            var order = Identity(n);
            _network.Random.Shuffle(order);
            var validationRows = order.AsSpan(0, validationCount);
            var trainRows = order[validationCount..];
            // Keep the remaining samples in their original order, so that Shuffle = false means what it says.
            Array.Sort(trainRows);
            float[]? heldWeights = null;
            if (_options.SampleWeights is { } weights)
            {
                heldWeights = new float[validationCount];
                Gather(weights, validationRows, heldWeights);
                if (Array.TrueForAll(heldWeights, w => w == 0f)) throw new ArgumentException($"{nameof(FitOptions.SampleWeights)}: every row held out for validation has weight 0, so the validation loss is undefined; use more validation rows or {nameof(FitOptions.ValidationData)}.", nameof(FitOptions.SampleWeights));
            }
            return (trainRows, new ValidationSet(inputs.SelectRows(validationRows), targets.SelectRows(validationRows), heldWeights));
        }
        return (Identity(n), null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private TrainingDivergedException DivergedInStep(int epoch, int step, double loss) => Diverged($"epoch {epoch}, step {step}", loss);

    private TrainingDivergedException Diverged(string where, double loss)
    {
        var history = _history;
        int bestEpoch = _bestEpoch;
        _snapshot!.Restore(_optimizer);
        history.StopReason = StopReason.Diverged;
        history.RestoredBestWeights = true;
        history.BestEpoch = bestEpoch;
        string kept = bestEpoch > 0 ? $"the weights of epoch {bestEpoch}, the best seen," : "the weights it had before this Fit call";
        return new TrainingDivergedException(
            $"Training diverged at {where}: the loss became {loss}. The network was reset to {kept} so nothing learnt is lost. " +
            $"Lower the learning rate (it was {_optimizer.CurrentLearningRate}) or scale the inputs (e.g. to [0, 1] or zero mean and unit variance).",
            history);
    }

    private static int[] Identity(int n)
    {
        var indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        return indices;
    }
}
