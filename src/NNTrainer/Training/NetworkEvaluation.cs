using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary><see cref="Network"/>'s evaluation: the loss and accuracy of a data set in inference mode, batch by batch.</summary>
public sealed partial class Network
{
    /// <summary>Computes the loss and accuracy of the network on a data set, in inference mode (no dropout).</summary>
    /// <param name="inputs">Samples.</param>
    /// <param name="targets">Targets, as for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>.</param>
    /// <param name="batchSize">Samples per inference batch (default 1024); only memory use depends on it.</param>
    public EvaluationResult Evaluate(Matrix inputs, Matrix targets, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        RequireTrainable();
        RequireBuilt();
        CheckData(inputs, targets, "evaluation");
        var loss = Loss!;
        var accuracy = Accuracy!;
        accuracy.Initialize(targets);
        var predictor = SharedPredictor;
        double lossSum = 0;
        long correct = 0, total = 0;
        bool regression = loss is MeanSquaredErrorLoss or MeanAbsoluteErrorLoss;
        var all = regression ? new Matrix(inputs.Rows, OutputSize) : null;
        ForEachBatch(inputs, targets, batchSize, (x, y, start) =>
        {
            var outputs = predictor.PredictInTiles(x);
            lossSum += loss.SumSampleLosses(outputs, y!);
            var (c, t) = accuracy.CountCorrect(outputs, y!);
            correct += c;
            total += t;
            if (all is not null) outputs.AsSpan().CopyTo(all.Data.AsSpan(start * OutputSize));
        });
        return new EvaluationResult(
            lossSum / inputs.Rows,
            RegularizationLoss(),
            total == 0 ? 0 : (double)correct / total,
            inputs.Rows,
            all is null ? null : RegressionMetrics.Compute(all, targets));
    }

    /// <summary>Evaluates a classifier on class indices.</summary>
    /// <param name="inputs">Samples.</param>
    /// <param name="labels">Class index per sample.</param>
    public EvaluationResult Evaluate(Matrix inputs, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return Evaluate(inputs, Matrix.FromLabels(labels));
    }

    internal static void ForEachBatch(Matrix inputs, Matrix? targets, int batchSize, Action<Matrix, Matrix?, int> body)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be positive.");
        if (inputs.Rows <= batchSize)
        {
            body(inputs, targets, 0);
            return;
        }
        var x = new Matrix(batchSize, inputs.Columns);
        var y = targets is null ? null : new Matrix(batchSize, targets.Columns);
        for (int start = 0; start < inputs.Rows; start += batchSize)
        {
            int count = Math.Min(batchSize, inputs.Rows - start);
            x.Resize(count);
            inputs.Data.AsSpan(start * inputs.Columns, count * inputs.Columns).CopyTo(x.Data);
            if (y is not null)
            {
                y.Resize(count);
                targets!.Data.AsSpan(start * targets.Columns, count * targets.Columns).CopyTo(y.Data);
            }
            body(x, y, start);
        }
    }
}
