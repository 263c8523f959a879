using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Activations;
using NNTrainer.Layers;
using NNTrainer.ML;
using NNTrainer.Training;

namespace NNTrainer.Defaults.Bench;

/// <summary>
/// Round 6 prototype, "ini&lt;K&gt;" members (classification): every member shuffles as one network of seed
/// <c>shuffleSeed</c> does, and only its initial weights come from a seed of its own. The engine draws both from one
/// random source, so a member is a network of seed <c>shuffleSeed</c>, built (its own draws consumed, its shuffles
/// next), carrying the initial weights of a network of seed <c>initSeed</c>, handed to the trainer as a model to
/// continue (<c>Fit(data, modelParameters)</c>, which keeps the given network's random source and starts a new
/// optimizer). The trainer unfolds its feature standardisation into a continued model's first layer, so those weights
/// are given pre-folded; the member of <c>initSeed == shuffleSeed</c> then trains as the plain network of that seed
/// (checked by <see cref="EnsembleSystem"/>).
/// </summary>
internal static class InitOnlyMembers
{
    public static Network Train(MLContext ml, DatasetMeta data, IDataView train, int shuffleSeed, int initSeed)
    {
        var inputs = train.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().ToArray()).ToArray();
        int features = inputs[0].Length, outputs = data.Task == "multiclass" ? data.Classes.Length : 1;
        float l2 = NeuralNetworkDefaults.L2RegularizationFor(NeuralNetworkDefaults.L2Regularization, inputs.Length);
        var carrier = Create(shuffleSeed, features, outputs, l2, data.Task);
        var init = Create(initSeed, features, outputs, l2, data.Task);
        var to = carrier.Layers.OfType<DenseLayer>().ToArray();
        var from = init.Layers.OfType<DenseLayer>().ToArray();
        for (int l = 0; l < to.Length; l++)
        {
            from[l].Weights.Values.CopyTo(to[l].Weights.Values, 0);
            from[l].Biases.Values.CopyTo(to[l].Biases.Values, 0);
        }
        PreFold(to[0], inputs);
        return data.Task == "multiclass"
            ? ml.MulticlassClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkMulticlassTrainer.Options { NumberOfThreads = 1 })).Fit(train, carrier).Model
            : ml.BinaryClassification.Trainers.NeuralNetwork(CatalogSystems.Tuned(new NeuralNetworkBinaryTrainer.Options { NumberOfThreads = 1 })).Fit(train, carrier).Model;
    }

    private static Network Create(int seed, int features, int outputs, float l2, string task)
    {
        var network = new Network(seed) { NumberOfThreads = 1 };
        network.Add(new DenseLayer(features, NeuralNetworkDefaults.HiddenLayers[0], weightL2: l2));
        network.Add(new ReLUActivation());
        network.Add(new DenseLayer(NeuralNetworkDefaults.HiddenLayers[0], outputs, weightL2: l2));
        network.Add(task == "multiclass" ? new SoftmaxActivation() : new SigmoidActivation());
        network.Build();
        return network;
    }

    // The inverse of the trainer's unfolding: weights w/sd and biases −Σ mean·w/sd, with the trainer's mean and
    // population deviation, so that after it unfolds them the first layer starts from the drawn weights and zero biases.
    private static void PreFold(DenseLayer first, float[][] inputs)
    {
        int columns = first.InputSize, neurons = first.Neurons;
        var means = new double[columns];
        var squares = new double[columns];
        foreach (var row in inputs) for (int c = 0; c < columns; c++) means[c] += row[c];
        for (int c = 0; c < columns; c++) means[c] /= inputs.Length;
        foreach (var row in inputs) for (int c = 0; c < columns; c++) squares[c] += (row[c] - means[c]) * (row[c] - means[c]);
        var w = first.Weights.Values;
        var b = first.Biases.Values;
        var shift = new double[neurons];
        for (int i = 0; i < columns; i++)
        {
            double sd = Math.Sqrt(squares[i] / inputs.Length);
            if (!(sd > 1e-12)) sd = 1;
            for (int j = 0; j < neurons; j++)
            {
                double folded = w[i * neurons + j] / sd;
                w[i * neurons + j] = (float)folded;
                shift[j] += means[i] * folded;
            }
        }
        for (int j = 0; j < neurons; j++) b[j] = (float)(b[j] - shift[j]);
    }
}
