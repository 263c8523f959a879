using NNTrainer.Tensors;
using NNTrainer.Training;

namespace NNTrainer.Losses;

/// <summary>
/// A data loss: how far a batch's outputs are from its targets, and the gradient of that distance with
/// respect to the outputs. Regularisation loss is separate (<see cref="Network.RegularizationLoss"/>), as in the book.
/// </summary>
public abstract class Loss
{
    private Matrix? _dInputs;

    /// <summary>The gradient with respect to the outputs from the last <see cref="Backward"/> call.</summary>
    public Matrix DInputs => _dInputs ?? throw new InvalidOperationException($"{GetType().Name}.Backward has not run yet.");

    /// <summary>The mean loss over the samples of a batch.</summary>
    /// <param name="outputs">The network's outputs, [samples × outputs].</param>
    /// <param name="targets">The targets (shape depends on the loss; see <see cref="ValidateTargets"/>).</param>
    public double Calculate(Matrix outputs, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (outputs.Rows == 0) throw new ArgumentException("The batch is empty.", nameof(outputs));
        return SumSampleLosses(outputs, targets) / outputs.Rows;
    }

    /// <summary>The sum over samples of each sample's loss (the book's accumulated sum).</summary>
    /// <param name="outputs">The network's outputs, [samples × outputs].</param>
    /// <param name="targets">The targets.</param>
    public double SumSampleLosses(Matrix outputs, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        CheckShapes(outputs, targets);
        return SumSampleLossesCore(outputs, targets);
    }

    /// <summary>
    /// The sum over samples of each sample's loss times its weight, <c>Σ wᵢ·lᵢ</c> (the training loop divides it by
    /// <c>Σ wᵢ</c>). With every weight 1 it is bit-identical to <see cref="SumSampleLosses"/>: each term is the same
    /// value multiplied by 1, summed in the same order.
    /// </summary>
    internal double SumWeightedSampleLosses(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights)
    {
        CheckShapes(outputs, targets);
        if (weights.Length != outputs.Rows) throw new ArgumentException($"{outputs.Rows} outputs but {weights.Length} sample weights.", nameof(weights));
        return SumWeightedSampleLossesCore(outputs, targets, weights);
    }

    /// <summary>
    /// <see cref="SumWeightedSampleLosses"/> for this loss; the built-in losses override it. A loss defined outside the
    /// engine cannot be weighted, and says so rather than ignoring the weights.
    /// </summary>
    private protected virtual double SumWeightedSampleLossesCore(Matrix outputs, Matrix targets, ReadOnlySpan<float> weights) =>
        throw new NotSupportedException($"{GetType().Name} does not take sample weights; only the built-in losses do. Train without FitOptions.SampleWeights.");

    /// <summary>Computes the gradient of the mean loss with respect to <paramref name="outputs"/> into <see cref="DInputs"/>.</summary>
    /// <param name="outputs">The network's outputs, [samples × outputs].</param>
    /// <param name="targets">The targets.</param>
    public void Backward(Matrix outputs, Matrix targets)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(targets);
        CheckShapes(outputs, targets);
        var dInputs = PrepareDInputs(outputs.Rows, outputs.Columns);
        BackwardCore(outputs, targets, dInputs);
    }

    /// <summary>
    /// Checks every target once before training, naming the first bad row: shape, finiteness and range.
    /// </summary>
    /// <remarks>
    /// This checks the width (<see cref="AcceptsTargetWidth"/>) and that every target is finite, all a regression loss
    /// needs; a loss whose targets have a range overrides it, calling this first.
    /// </remarks>
    /// <param name="targets">All targets.</param>
    /// <param name="outputSize">Values per sample the network produces.</param>
    /// <exception cref="ArgumentException">A target has the wrong shape or a value this loss cannot take.</exception>
    public virtual void ValidateTargets(Matrix targets, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(targets);
        RequireWidth(targets, outputSize);
        RequireFinite(targets);
    }

    /// <summary>Sum of per-sample losses; shapes are already checked.</summary>
    /// <param name="outputs">The outputs.</param>
    /// <param name="targets">The targets.</param>
    protected abstract double SumSampleLossesCore(Matrix outputs, Matrix targets);

    /// <summary>The gradient of the mean loss; shapes are already checked.</summary>
    /// <param name="outputs">The outputs.</param>
    /// <param name="targets">The targets.</param>
    /// <param name="dInputs">Destination, same shape as <paramref name="outputs"/>.</param>
    protected abstract void BackwardCore(Matrix outputs, Matrix targets, Matrix dInputs);

    /// <summary>Whether <paramref name="targetColumns"/> target values per sample suit <paramref name="outputColumns"/> outputs.</summary>
    /// <param name="outputColumns">Outputs per sample.</param>
    /// <param name="targetColumns">Target values per sample.</param>
    protected virtual bool AcceptsTargetWidth(int outputColumns, int targetColumns) => targetColumns == outputColumns;

    /// <summary>The gradient buffer, reused between batches.</summary>
    internal Matrix PrepareDInputs(int rows, int columns)
    {
        if (_dInputs is null || _dInputs.Columns != columns) _dInputs = new Matrix(rows, columns);
        else _dInputs.Resize(rows);
        return _dInputs;
    }

    /// <summary>Throws when a target matrix is not finite, naming the first bad row and column.</summary>
    /// <param name="targets">The targets.</param>
    protected static void RequireFinite(Matrix targets)
    {
        long bad = Kernels.IndexOfNonFinite(targets.AsSpan());
        if (bad >= 0)
        {
            throw new ArgumentException($"Target at row {bad / targets.Columns}, column {bad % targets.Columns} is {targets.Data[bad]}; targets must be finite numbers.", nameof(targets));
        }
    }

    /// <summary>Throws unless the targets have the width this loss accepts.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="outputSize">Outputs per sample.</param>
    protected void RequireWidth(Matrix targets, int outputSize)
    {
        if (!AcceptsTargetWidth(outputSize, targets.Columns))
        {
            throw new ArgumentException($"{GetType().Name} cannot pair {targets.Columns} target values per sample with {outputSize} outputs per sample.", nameof(targets));
        }
    }

    private void CheckShapes(Matrix outputs, Matrix targets)
    {
        if (outputs.Rows != targets.Rows)
        {
            throw new ArgumentException($"{outputs.Rows} outputs but {targets.Rows} targets: every sample needs a target.", nameof(targets));
        }
        RequireWidth(targets, outputs.Columns);
    }
}
