using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// A network's outputs for sparse input rows: the first dense layer as a <see cref="SparseProducts.Forward"/>, every
/// other layer's <see cref="Layer.Infer"/>, in buffers kept from one block of rows to the next.
/// </summary>
internal sealed class SparseInference
{
    private readonly Layer[] _layers;
    private readonly DenseLayer _first;
    private readonly Matrix[] _buffers;

    /// <summary>Creates the inference of a built network whose first layer is dense.</summary>
    public SparseInference(Network network)
    {
        _layers = [.. network.Layers];
        _first = (DenseLayer)_layers[0];
        _buffers = new Matrix[_layers.Length];
        int width = _first.InputSize;
        for (int i = 0; i < _layers.Length; i++)
        {
            width = _layers[i].GetOutputSize(width);
            _buffers[i] = new Matrix(0, width);
        }
    }

    /// <summary>The outputs of rows [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="inputs"/>; valid until the next call.</summary>
    public Matrix Predict(SparseMatrix inputs, int start, int count)
    {
        var hidden = _buffers[0];
        hidden.Resize(count);
        int offset = inputs.RowStarts[start];
        // The block's row starts are relative to its first value, so they are read through a shifted copy.
        var starts = _starts.Length >= count + 1 ? _starts : _starts = new int[count + 1];
        for (int r = 0; r <= count; r++) starts[r] = inputs.RowStarts[start + r] - offset;
        int stored = starts[count];
        SparseProducts.Forward(starts, inputs.ColumnIndices.AsSpan(offset, stored), inputs.Values.AsSpan(offset, stored), count,
            _first.Weights.Values, _first.Biases.Values, hidden.AsSpan());
        var current = hidden;
        for (int i = 1; i < _layers.Length; i++)
        {
            _layers[i].Infer(current, _buffers[i]);
            current = _buffers[i];
        }
        return current;
    }

    private int[] _starts = [];
}
