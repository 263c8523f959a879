using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

internal sealed partial class TrainingLoop
{
    /// <summary>Trains on sparse rows as <see cref="Network.Fit(SparseMatrix, Matrix, FitOptions?)"/> describes.</summary>
    public TrainingHistory Run(SparseMatrix inputs, Matrix targets)
    {
        _network.CheckSparseData(inputs, targets, "training");
        if (_options.ValidateInputs) Network.CheckFinite(inputs, "training");
        var weights = _options.SampleWeights;
        if (weights is not null) SampleWeighting.Check(weights, inputs.Rows, nameof(FitOptions.SampleWeights), "training");
        if (_options.ValidationData is not null)
        {
            throw new ArgumentException($"A sparse training takes held-out data as {nameof(FitOptions.SparseValidationData)}; {nameof(FitOptions.ValidationData)} must be null.", nameof(FitOptions.ValidationData));
        }

        _optimizer.NumberOfThreads = _network.NumberOfThreads;
        int[] trainIndices;
        ValidationSet? validation;
        if (_options.SparseValidationData is { } given)
        {
            var (vx, vy) = given;
            if (vx is null || vy is null) throw new ArgumentException($"{nameof(FitOptions.SparseValidationData)} needs both inputs and targets.", nameof(FitOptions.SparseValidationData));
            _network.CheckSparseData(vx, vy, "validation");
            if (_options.ValidateInputs) Network.CheckFinite(vx, "validation");
            var validationWeights = _options.ValidationSampleWeights;
            if (validationWeights is not null) SampleWeighting.Check(validationWeights, vx.Rows, nameof(FitOptions.ValidationSampleWeights), "validation");
            (trainIndices, validation) = (Identity(inputs.Rows), new ValidationSet(null!, vy, validationWeights) { SparseInputs = vx });
        }
        else
        {
            var (trainRows, validationRows, heldWeights) = SplitRows(inputs.Rows);
            trainIndices = trainRows;
            validation = validationRows is null ? null
                : new ValidationSet(null!, targets.SelectRows(validationRows), heldWeights) { SparseInputs = inputs.SelectRows(validationRows) };
        }
        int trainCount = trainIndices.Length;
        int batchSize = _options.BatchSize is null or 0 ? trainCount : Math.Min(_options.BatchSize.Value, trainCount);
        var feed = new SparseBatchFeed(inputs, targets, trainIndices, batchSize, weights);
        _accuracy.Initialize(targets);
        return Train(feed, targets.Columns, validation, new SparseInputStep([.. _network.Layers], _loss, _accuracy));
    }

    /// <summary>The validation loss and accuracy on sparse held-out rows, in blocks of rows as the dense validation runs.</summary>
    private (double Loss, double Accuracy) ValidateSparse(ValidationSet validation)
    {
        var inputs = validation.SparseInputs!;
        var (targets, weights) = (validation.Targets, validation.Weights);
        var inference = _sparseInference ??= new SparseInference(_network);
        const int block = 1024;
        double lossSum = 0;
        long correct = 0, total = 0;
        for (int start = 0; start < inputs.Rows; start += block)
        {
            int count = Math.Min(block, inputs.Rows - start);
            var y = count == targets.Rows ? targets : targets.Slice(start, count);
            AddValidationBlock(inference.Predict(inputs, start, count), y, weights, start, ref lossSum, ref correct, ref total);
        }
        return ValidationAverages(lossSum, correct, total, inputs.Rows, weights);
    }

    private SparseInference? _sparseInference;
}
