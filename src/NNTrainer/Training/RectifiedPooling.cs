using NNTrainer.Activations;
using NNTrainer.Layers;

namespace NNTrainer.Training;

/// <summary>
/// The layer pairs a step may run as one (<see cref="TrainingStepNames.RectifiedPooling"/>): a <see cref="ReLUActivation"/>
/// followed by a 2×2, stride-2 <see cref="MaxPool2DLayer"/>, as in LeNet (conv → ReLU → pool). The pool takes the ReLU's
/// inputs and applies <c>max(0, x)</c> to each value as it loads it; its backward pass writes the gradient with respect to
/// the ReLU's inputs, masked where they were ≤ 0. The ReLU's output and input gradient (two passes over the largest
/// tensors of the network) are never written. Every value is the two layers' own, bit for bit.
/// </summary>
internal static class RectifiedPooling
{
    /// <summary>
    /// For each layer, whether it is a pool that runs together with the ReLU before it; null when no pair applies. A pair
    /// needs a trainable layer below it (<paramref name="firstTrainable"/> before the ReLU), whose gradient it then computes.
    /// </summary>
    public static bool[]? Pools(Layer[] layers, int firstTrainable)
    {
        bool[]? pools = null;
        for (int i = Math.Max(firstTrainable + 1, 0); i + 1 < layers.Length; i++)
        {
            if (layers[i] is ReLUActivation && layers[i + 1] is MaxPool2DLayer { PoolSize: 2, Stride: 2 })
            {
                pools ??= new bool[layers.Length];
                pools[i + 1] = true;
            }
        }
        return pools;
    }
}
