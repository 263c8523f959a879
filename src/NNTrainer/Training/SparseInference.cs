using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// A network's outputs for blocks of rows of a <see cref="SparseMatrix"/>: a <see cref="Predictor"/>'s sparse pass
/// (<see cref="Predictor.RunSparse"/>) over each block, with the block's row starts shifted to its first value.
/// </summary>
internal sealed class SparseInference
{
    private readonly Predictor _predictor;
    private readonly DenseLayer _first;
    private int[] _starts = [];

    /// <summary>Creates the inference of a built network whose first layer is dense.</summary>
    public SparseInference(Network network)
    {
        _predictor = network.CreatePredictor();
        _first = (DenseLayer)network.Layers[0];
    }

    /// <summary>The outputs of rows [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="inputs"/>; valid until the next call.</summary>
    public Matrix Predict(SparseMatrix inputs, int start, int count)
    {
        int offset = inputs.RowStarts[start];
        // The block's row starts are relative to its first value, so they are read through a shifted copy.
        var starts = _starts.Length >= count + 1 ? _starts : _starts = new int[count + 1];
        for (int r = 0; r <= count; r++) starts[r] = inputs.RowStarts[start + r] - offset;
        int stored = starts[count];
        return _predictor.RunSparse(_first, starts, inputs.ColumnIndices.AsSpan(offset, stored), inputs.Values.AsSpan(offset, stored), count);
    }
}
