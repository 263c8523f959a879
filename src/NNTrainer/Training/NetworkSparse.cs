using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>Training on and predicting from sparse input rows (<see cref="SparseMatrix"/>).</summary>
public sealed partial class Network
{
    /// <summary>
    /// Trains the network on sparse input rows, e.g. the n-gram vectors of a text featurizer, at a cost per step of the
    /// batch's stored values × the first layer's neurons rather than batch × inputs × neurons. The first layer must be a
    /// <see cref="DenseLayer"/>; the rest of the network trains as <see cref="Fit(Matrix, Matrix, FitOptions?)"/> trains it.
    /// </summary>
    /// <remarks>
    /// With SGD (with or without momentum), Adam or AdamW the first layer's weights are updated lazily: at a step, only the
    /// rows of W whose input is nonzero somewhere in the batch change, along with their optimizer state and L1/L2
    /// gradient. For plain SGD without a penalty this is exactly the dense training (up to the order of the sums); with
    /// momentum, Adam's moments, AdamW's decay or a penalty it differs from it as TensorFlow's LazyAdam differs from Adam:
    /// a row's state and penalty advance only at the steps in which its input occurs. Other optimizers get the dense
    /// update from a full gradient. Held-out data is taken as <see cref="FitOptions.SparseValidationData"/> or a
    /// <see cref="FitOptions.ValidationFraction"/>.
    /// </remarks>
    /// <param name="inputs">Training samples, [samples × <see cref="InputSize"/>], all stored values finite.</param>
    /// <param name="targets">Targets, as for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>.</param>
    /// <param name="options">As for <see cref="Fit(Matrix, Matrix, FitOptions?)"/>, with held-out data in <see cref="FitOptions.SparseValidationData"/>.</param>
    /// <returns>The epochs' figures; also kept in <see cref="History"/>.</returns>
    /// <exception cref="ArgumentException">The data has the wrong shape or a non-finite value, or the first layer is not dense.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite; the best weights seen were restored.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was signalled.</exception>
    public TrainingHistory Fit(SparseMatrix inputs, Matrix targets, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        options = PrepareFit(options);
        RequireDenseFirstLayer();
        return EnsureLearner().Fit(inputs, targets, options);
    }

    /// <summary>The network's outputs for sparse input rows, the same values <see cref="Predict(Matrix, int)"/> gives for their dense form up to the order of the sums.</summary>
    /// <param name="inputs">Samples, [samples × <see cref="InputSize"/>].</param>
    /// <returns>[samples × <see cref="OutputSize"/>].</returns>
    /// <exception cref="ArgumentException">The inputs have the wrong width or the first layer is not dense.</exception>
    public Matrix Predict(SparseMatrix inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Build();
        RequireDenseFirstLayer();
        if (inputs.Columns != InputSize) throw new ArgumentException($"The network takes {InputSize} features per sample; the sparse rows have {inputs.Columns}.", nameof(inputs));
        var result = new Matrix(inputs.Rows, OutputSize);
        var inference = new SparseInference(this);
        const int block = 1024;
        for (int start = 0; start < inputs.Rows; start += block)
        {
            int count = Math.Min(block, inputs.Rows - start);
            inference.Predict(inputs, start, count).AsSpan().CopyTo(result.Data.AsSpan(start * OutputSize));
        }
        return result;
    }

    internal void CheckSparseData(SparseMatrix inputs, Matrix targets, string what) => CheckShape(inputs.Rows, inputs.Columns, targets, what);

    internal static void CheckFinite(SparseMatrix inputs, string what)
    {
        long bad = Kernels.IndexOfNonFinite(inputs.Values.AsSpan(0, (int)inputs.StoredCount));
        if (bad < 0) return;
        int row = 0;
        while (inputs.RowStarts[row + 1] <= bad) row++;
        throw new ArgumentException($"The {what} data has {inputs.Values[bad]} at row {row}, column {inputs.ColumnIndices[bad]}; every feature must be a finite number.", nameof(inputs));
    }

    private void RequireDenseFirstLayer()
    {
        if (Layers.Count == 0 || Layers[0] is not DenseLayer)
        {
            throw new ArgumentException($"Sparse inputs need a DenseLayer as the network's first layer; it is {(Layers.Count == 0 ? "empty" : Layers[0].GetType().Name)}.");
        }
    }
}
