using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// The validation data of a training: given (<see cref="FitOptions.ValidationData"/>, with its own weights) or held out
/// from the training rows (<see cref="FitOptions.ValidationFraction"/>, keeping theirs), and its loss after every epoch.
/// </summary>
internal sealed partial class TrainingLoop
{
    /// <summary>Held-out data evaluated after every epoch, with its sample weights (null: every weight 1).</summary>
    internal sealed record ValidationSet(Matrix Inputs, Matrix Targets, float[]? Weights)
    {
        /// <summary>The held-out inputs as sparse rows (then <see cref="Inputs"/> is unused), or null.</summary>
        public SparseMatrix? SparseInputs { get; init; }
    }

    /// <summary>The validation loss (the weighted mean with weights) and accuracy (unweighted, as the training accuracy).</summary>
    private (double Loss, double Accuracy) Validate(ValidationSet validation)
    {
        if (validation.SparseInputs is not null) return ValidateSparse(validation);
        var (inputs, targets, weights) = validation;
        var predictor = _network.SharedPredictor;
        double lossSum = 0;
        long correct = 0, total = 0;
        Network.ForEachBatch(inputs, targets, 1024, (x, y, start) =>
            AddValidationBlock(predictor.PredictInTiles(x), y!, weights, start, ref lossSum, ref correct, ref total));
        return ValidationAverages(lossSum, correct, total, inputs.Rows, weights);
    }

    /// <summary>Adds one block's summed sample losses (weighted from <paramref name="start"/> when weighted) and its correct and counted predictions.</summary>
    private void AddValidationBlock(Matrix outputs, Matrix targets, float[]? weights, int start, ref double lossSum, ref long correct, ref long total)
    {
        lossSum += weights is null ? _loss.SumSampleLosses(outputs, targets) : _loss.SumWeightedSampleLosses(outputs, targets, weights.AsSpan(start, targets.Rows));
        var (c, t) = _accuracy.CountCorrect(outputs, targets);
        correct += c;
        total += t;
    }

    /// <summary>The mean loss (over the rows, or the weights' sum when weighted) and the accuracy of the summed blocks.</summary>
    private static (double Loss, double Accuracy) ValidationAverages(double lossSum, long correct, long total, int rows, float[]? weights)
    {
        double weightSum = 0;
        if (weights is not null)
        {
            foreach (float w in weights) weightSum += w;
        }
        return (lossSum / (weights is null ? rows : weightSum), total == 0 ? 0 : (double)correct / total);
    }

    /// <summary>The options' <see cref="FitOptions.ValidationData"/>, checked, with its weights; null when none is given.</summary>
    private ValidationSet? GivenValidation()
    {
        if (_options.ValidationData is not { } given) return null;
        var validationWeights = _options.ValidationSampleWeights;
        var (vx, vy) = given;
        if (vx is null || vy is null) throw new ArgumentException("ValidationData needs both inputs and targets.", nameof(FitOptions.ValidationData));
        _network.CheckData(vx, vy, "validation");
        if (_options.ValidateInputs) Network.CheckFinite(vx, "validation");
        if (validationWeights is not null) SampleWeighting.Check(validationWeights, vx.Rows, nameof(FitOptions.ValidationSampleWeights), "validation");
        return new ValidationSet(vx, vy, validationWeights);
    }

    private (int[] TrainIndices, ValidationSet? Validation) SplitValidation(Matrix inputs, Matrix targets)
    {
        int n = inputs.Rows;
        if (GivenValidation() is { } given) return (Identity(n), given);
        var (trainRows, validationRows, heldWeights) = SplitRows(n);
        return validationRows is null ? (trainRows, null)
            : (trainRows, new ValidationSet(inputs.SelectRows(validationRows), targets.SelectRows(validationRows), heldWeights));
    }

    /// <summary>
    /// The rows a <see cref="FitOptions.ValidationFraction"/> holds out of <paramref name="n"/> (null for none) and the
    /// training rows left, in their original order, with the held-out rows' weights.
    /// </summary>
    private (int[] TrainRows, int[]? ValidationRows, float[]? HeldWeights) SplitRows(int n)
    {
        var validationWeights = _options.ValidationSampleWeights;
        if (validationWeights is not null)
        {
            throw new ArgumentException($"{nameof(FitOptions.ValidationSampleWeights)} weights {nameof(FitOptions.ValidationData)}, which is not given; a {nameof(FitOptions.ValidationFraction)} takes its weights from {nameof(FitOptions.SampleWeights)}.", nameof(FitOptions.ValidationSampleWeights));
        }
        if (_options.ValidationFraction > 0)
        {
            int validationCount = (int)Math.Round(n * _options.ValidationFraction);
            if (validationCount < 1 || validationCount >= n)
            {
                throw new ArgumentException($"A validation fraction of {_options.ValidationFraction} of {n} samples leaves no validation or no training samples.", "inputs");
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
            return (trainRows, validationRows.ToArray(), heldWeights);
        }
        return (Identity(n), null, null);
    }

    private static void Gather(float[] source, ReadOnlySpan<int> indices, Span<float> destination)
    {
        for (int i = 0; i < indices.Length; i++) destination[i] = source[indices[i]];
    }

    private static int[] Identity(int n)
    {
        var indices = new int[n];
        for (int i = 0; i < n; i++) indices[i] = i;
        return indices;
    }
}
