using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Training;

/// <summary>
/// A predictor's route for batches on AVX-512 machines: the dense layers through <see cref="InferenceGemm"/> (a 6 × 4
/// vector tile over the weights in place, a ReLU layer after one fused into its epilogue), a softmax of up to 16 classes
/// through <see cref="InferenceSoftmax512"/> (sixteen rows per vector), the other layers through their own <c>Infer</c>.
/// </summary>
internal sealed class WideInference
{
    /// <summary>Rows from which a batch takes this route: two of the tile's row blocks.</summary>
    public const int MinimumRows = 2 * InferenceTile512.Rows;

    private readonly IReadOnlyList<Layer> _layers;

    private WideInference(IReadOnlyList<Layer> layers) => _layers = layers;

    /// <summary>
    /// The route for <paramref name="network"/> (<paramref name="existing"/> when there is one), or null where it does not
    /// apply: no AVX-512, no dense layer, or a dense layer set to several threads (the wide tile runs on the calling thread
    /// only). Checked on every batch, since a layer's threads can change.
    /// </summary>
    public static WideInference? For(Network network, WideInference? existing)
    {
        if (!InferenceGemm.IsSupported) return null;
        bool anyDense = false;
        var layers = network.Layers;
        // An indexed loop: a foreach over the list interface would allocate an enumerator per batch.
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i] is not DenseLayer dense) continue;
            if (dense.NumberOfThreads > 1) return null;
            anyDense = true;
        }
        return anyDense ? existing ?? new WideInference(layers) : null;
    }

    /// <summary>
    /// Runs <paramref name="rows"/> samples read in place from <paramref name="inputs"/> through the layers into
    /// <paramref name="buffers"/> (one per layer, as the predictor's).
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
            if (_layers[i] is DenseLayer dense)
            {
                output.Resize(rows);
                var source = i == 0 ? inputs.Slice(0, rows * dense.InputSize) : buffers[i - 1].AsSpan();
                // A ReLU layer next is applied in the product's epilogue: its buffer is written from the registers
                // beside the dense layer's, instead of a second pass over the outputs.
                bool fuseReLU = i + 1 < _layers.Count && _layers[i + 1] is ReLUActivation;
                Span<float> activated = default;
                if (fuseReLU)
                {
                    buffers[i + 1].Resize(rows);
                    activated = buffers[i + 1].AsSpan();
                }
                InferenceGemm.Multiply(source, rows, dense.Weights.Values, dense.Biases.Values, dense.InputSize, dense.Neurons, output.AsSpan(), relu: false, activated);
                if (fuseReLU) i++;
            }
            else if (i > 0 && _layers[i] is SoftmaxActivation && buffers[i - 1].Columns <= InferenceSoftmax512.MaxColumns && InferenceSoftmax512.IsSupported)
            {
                // A classifier's few classes: sixteen rows per vector instead of scalar loops per row (same bits).
                output.Resize(rows);
                InferenceSoftmax512.Softmax(buffers[i - 1].AsSpan(), output.AsSpan(), rows, output.Columns);
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
