using NNTrainer.Layers;
using NNTrainer.Losses;
using NNTrainer.Metrics;
using NNTrainer.Optimizers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// <see cref="ReferenceStep"/> on sparse input rows (<see cref="TrainingStepNames.SparseInput"/>): the first dense layer
/// runs as <see cref="SparseProducts"/> (forward <c>X·W + b</c>, gradient <c>Xᵀ·dY</c> on the rows of W whose input occurs in
/// the batch), every other layer and the loss exactly as the reference step runs them.
/// </summary>
/// <remarks>
/// With an optimizer that updates rows (<see cref="Optimizer.UpdatesRows"/>: SGD, Adam, AdamW) the first layer's
/// weights, their L1 gradient and their optimizer state change only on the touched rows: a lazy update, the dense one
/// exactly for plain SGD. The L2 penalty is the shrinkage plain SGD applies every step, <c>w ← w·(1 − 2λ·lr)</c>, owed by a
/// row since it was last touched and paid before the row is next read (and by every row at the end of each epoch):
/// exact for SGD, the decoupled form of the penalty (as AdamW's) for Adam. With any other optimizer, or under gradient
/// clipping (a null optimizer), the weight gradient is written out in full, zeros and penalty included, and the dense
/// update runs.
/// </remarks>
internal sealed class SparseInputStep : ReferenceStep
{
    private readonly DenseLayer _first;
    private readonly int[] _marks;
    private int _stamp;
    private int[] _touched = [];
    private int _touchedCount;
    private Matrix _hidden = null!;
    private readonly double[] _paid;
    private double _owed;

    /// <summary>Creates the step for a built network whose first layer is dense.</summary>
    public SparseInputStep(Layer[] layers, Loss loss, Accuracy accuracy)
        : base(layers, loss, accuracy, firstTrainable: 0)
    {
        _first = (DenseLayer)layers[0];
        _marks = new int[_first.InputSize];
        _paid = new double[_first.InputSize];
    }

    /// <inheritdoc />
    public override string Name => TrainingStepNames.SparseInput;

    /// <summary>The input rows of the first layer that the last batch touched (its weight gradient holds them).</summary>
    internal ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

    /// <inheritdoc />
    public override (double LossSum, long Correct, long Total) Forward(TrainingBatch batch)
    {
        var rows = batch.SparseInputs ?? throw new InvalidOperationException("The sparse-input step needs a batch of sparse rows (SparseBatchFeed).");
        int count = batch.Count;
        if (_hidden is null || _hidden.RowCapacity < count) _hidden = new Matrix(count, _first.Neurons);
        _hidden.Resize(count);
        // Rows that owe L2 shrinkage from the steps they missed pay it before they are read.
        if (_owed != 0) PayDecay(rows.Columns.AsSpan(0, rows.Stored));
        SparseProducts.Forward(rows.Starts, rows.Columns, rows.Values, count, _first.Weights.Values, _first.Biases.Values, _hidden.AsSpan());
        return Statistics(ForwardLayers(_hidden, 1), batch);
    }

    /// <inheritdoc />
    public override void BackwardAndUpdate(TrainingBatch batch, Optimizer? optimizer) =>
        BackwardFirst(batch.SparseInputs!, BackwardLayers(batch, optimizer, 1, passDown: true), optimizer);

    /// <summary>The first layer's gradients from <paramref name="dValues"/> and its update (lazy when the optimizer can).</summary>
    private void BackwardFirst(SparseBatch rows, Matrix dValues, Optimizer? optimizer)
    {
        var weights = _first.Weights;
        var biases = _first.Biases;
        int neurons = _first.Neurons;
        bool lazy = optimizer is { UpdatesRows: true };
        if (_touched.Length < rows.Stored) _touched = new int[rows.Stored];
        // A full gradient starts from zeros: the rows no input of the batch touches have none.
        if (!lazy) Array.Clear(weights.Gradients);
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_marks);
            _stamp = 1;
        }
        _touchedCount = SparseProducts.WeightGradient(rows.Starts, rows.Columns, rows.Values, rows.Rows, dValues.AsSpan(), neurons,
            weights.Gradients, _marks, _stamp, _touched);
        SparseProducts.ColumnSums(dValues.AsSpan(), rows.Rows, biases.Gradients);
        biases.AddRegularizationGradient();
        if (lazy)
        {
            AddRowL1(weights, Touched);
            if (weights.L2 > 0)
            {
                // This step's shrinkage, owed by every row; the touched rows pay it now, before their update.
                _owed += Math.Log(Math.Max(1e-30, 1 - 2.0 * weights.L2 * optimizer!.CurrentLearningRate));
                PayDecay(Touched);
            }
            optimizer!.UpdateRows(weights, Touched);
            optimizer.Update(biases);
            return;
        }
        weights.AddRegularizationGradient();
        if (optimizer is null) return;
        optimizer.Update(weights);
        optimizer.Update(biases);
    }

    /// <summary>Makes every row pay the L2 shrinkage it owes, so the weights are those of the dense penalty (at an epoch's end).</summary>
    internal void SettleDecay()
    {
        if (_owed == 0) return;
        for (int row = 0; row < _paid.Length; row++) PayRow(row);
    }

    /// <summary>The L1 gradient of <see cref="Parameter.AddRegularizationGradient"/>, on the given rows only.</summary>
    private static void AddRowL1(Parameter parameter, ReadOnlySpan<int> rows)
    {
        if (parameter.L1 <= 0) return;
        int n = parameter.Columns;
        foreach (int row in rows) Kernels.AddL1Gradient(parameter.Values.AsSpan(row * n, n), parameter.L1, parameter.Gradients.AsSpan(row * n, n));
    }

    private void PayDecay(ReadOnlySpan<int> rows)
    {
        foreach (int row in rows) PayRow(row);
    }

    // The shrinkage since the row last paid is exp(Σ log(1 − 2λ·lr)) over the steps in between, kept as a running sum so
    // a changing learning rate is followed exactly.
    private void PayRow(int row)
    {
        double owed = _owed - _paid[row];
        if (owed == 0) return;
        _paid[row] = _owed;
        int n = _first.Neurons;
        System.Numerics.Tensors.TensorPrimitives.Multiply(_first.Weights.Values.AsSpan(row * n, n), (float)Math.Exp(owed), _first.Weights.Values.AsSpan(row * n, n));
    }
}
