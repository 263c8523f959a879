using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.Training;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// Round 6 prototype: K trained dense networks of the same shape, averaged on their logits, written as one plain network
/// (hidden layers side by side, block-diagonal between hidden layers, output weights each scaled by 1/K, mean bias).
/// </summary>
internal static class EnsembleComposer
{
    public static Network Compose(IReadOnlyList<Network> members)
    {
        int k = members.Count;
        var first = members[0];
        var composed = new Network(first.Seed);
        var denses = members.Select(m => m.Layers.OfType<DenseLayer>().ToArray()).ToArray();
        int last = denses[0].Length - 1;
        int d = 0;
        foreach (var layer in first.Layers)
        {
            switch (layer)
            {
                case DenseLayer dense:
                    composed.Add(new DenseLayer(d == 0 ? dense.InputSize : dense.InputSize * k, d == last ? dense.Neurons : dense.Neurons * k, weightL2: dense.Weights.L2));
                    d++;
                    break;
                case ReLUActivation: composed.Add(new ReLUActivation()); break;
                case TanhActivation: composed.Add(new TanhActivation()); break;
                case SigmoidActivation: composed.Add(new SigmoidActivation()); break;
                case SoftmaxActivation: composed.Add(new SoftmaxActivation()); break;
                case LeakyReLUActivation leaky: composed.Add(new LeakyReLUActivation(leaky.Alpha)); break;
                case DropoutLayer: break;
                default: throw new NotSupportedException(layer.GetType().Name);
            }
        }
        composed.Build();
        var target = composed.Layers.OfType<DenseLayer>().ToArray();
        for (int l = 0; l <= last; l++)
        {
            var w = target[l].Weights.Values;
            var b = target[l].Biases.Values;
            int outCols = target[l].Neurons;
            Array.Clear(w);
            Array.Clear(b);
            for (int m = 0; m < k; m++)
            {
                var src = denses[m][l];
                int rowOffset = l == 0 ? 0 : m * src.InputSize;
                int colOffset = l == last ? 0 : m * src.Neurons;
                float scale = l == last ? 1f / k : 1f;
                for (int i = 0; i < src.InputSize; i++)
                    for (int j = 0; j < src.Neurons; j++)
                        w[(rowOffset + i) * outCols + colOffset + j] += scale * src.Weights.Values[i * src.Neurons + j];
                for (int j = 0; j < src.Neurons; j++) b[colOffset + j] += scale * src.Biases.Values[j];
            }
        }
        return composed;
    }
}
