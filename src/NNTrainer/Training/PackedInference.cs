using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// A predictor's packed copies of its network's dense layers (<see cref="PackedWeights"/>), for large batches: packed
/// once per batch and then used by every tile of it, so the copy always holds the weights of the moment.
/// </summary>
internal sealed class PackedInference
{
    /// <summary>Rows from which a batch runs over packed weights: at 256 rows the copy costs a few percent of the products.</summary>
    public const int MinimumRows = 256;

    private readonly IReadOnlyList<Layer> _layers;
    private readonly PackedWeights?[] _packed;

    private PackedInference(IReadOnlyList<Layer> layers)
    {
        _layers = layers;
        _packed = new PackedWeights?[layers.Count];
    }

    /// <summary>
    /// The packed route for <paramref name="network"/> (<paramref name="existing"/> when there is one, so its buffers are
    /// reused), or null where it does not apply: no AVX-512, no dense layer, or a dense layer set to several threads (the
    /// packed kernel runs on the calling thread only). Checked on every batch, since a layer's threads can change.
    /// </summary>
    public static PackedInference? For(Network network, PackedInference? existing)
    {
        if (!PackedWeights.IsSupported) return null;
        bool anyDense = false;
        var layers = network.Layers;
        // An indexed loop: a foreach over the list interface would allocate an enumerator per batch.
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is not DenseLayer dense) continue;
            if (dense.NumberOfThreads > 1) return null;
            anyDense = true;
        }
        return anyDense ? existing ?? new PackedInference(network.Layers) : null;
    }

    /// <summary>Copies every dense layer's current weights and biases into its panels.</summary>
    public void Pack()
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            if (_layers[i] is not DenseLayer dense) continue;
            var packed = _packed[i] ??= new PackedWeights();
            packed.Pack(dense.Weights.Values, dense.Biases.Values, dense.InputSize, dense.Neurons);
        }
    }

    /// <summary>
    /// Runs <paramref name="rows"/> samples read in place from <paramref name="inputs"/> through the layers into
    /// <paramref name="buffers"/> (one per layer, as the predictor's), the dense ones over their panels.
    /// </summary>
    /// <param name="inputs">The samples, row-major.</param>
    /// <param name="rows">Samples to score.</param>
    /// <param name="buffers">The predictor's per-layer outputs.</param>
    /// <param name="input">The predictor's input buffer, for a first layer that is not dense.</param>
    /// <returns>The last layer's outputs.</returns>
    public Matrix Run(ReadOnlySpan<float> inputs, int rows, Matrix[] buffers, Matrix input)
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            var output = buffers[i];
            if (_packed[i] is { } packed)
            {
                output.Resize(rows);
                var source = i == 0 ? inputs.Slice(0, rows * packed.K) : buffers[i - 1].AsSpan();
                packed.Multiply(source, rows, output.AsSpan(), relu: false);
            }
            else if (i == 0)
            {
                input.Resize(rows);
                inputs.Slice(0, rows * input.Columns).CopyTo(input.Data);
                _layers[0].Infer(input, output);
            }
            else
            {
                _layers[i].Infer(buffers[i - 1], output);
            }
        }
        return buffers[^1];
    }
}
