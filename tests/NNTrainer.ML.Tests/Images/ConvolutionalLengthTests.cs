using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.ML;

namespace NNTrainer.ML.Tests.Images;

/// <summary>The default length of a convolutional network through the ML.NET trainer (<see cref="ConvolutionalDefaults"/>).</summary>
public sealed class ConvolutionalLengthTests
{
    private const int Side = 12;

    /// <summary>A grey 12×12 image and its class.</summary>
    private sealed class Picture
    {
        [VectorType(1, Side, Side)]
        public float[] Features { get; set; } = [];

        public string Label { get; set; } = "";
    }

    [Fact]
    public void With_a_patience_and_no_epoch_count_LeNet_holds_out_a_tenth_stops_five_epochs_after_its_best_and_keeps_that_epochs_weights()
    {
        var (mlContext, data) = Pictures(240);

        var model = Train(mlContext, data, new NeuralNetworkMulticlassTrainer.Options { Architecture = NeuralNetworkArchitecture.LeNet, EarlyStoppingPatience = 5, Seed = 3, NumberOfThreads = 1 });
        var history = model.History;

        // 24 of the 240 pictures are held out: every validation accuracy is a whole number of them.
        Assert.All(history.Epochs, e => Assert.Equal(Math.Round(e.ValidationAccuracy!.Value * 24), e.ValidationAccuracy.Value * 24, 6));
        var losses = history.Epochs.Select(e => e.ValidationLoss!.Value).ToList();
        int best = losses.IndexOf(losses.Min()) + 1;
        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.Equal(best, history.BestEpoch);
        Assert.Equal(best + 5, history.Epochs.Count);
        Assert.True(history.Epochs.Count < ConvolutionalDefaults.MaximumEpochs);
        Assert.True(history.RestoredBestWeights);

        // The kept weights are the best epoch's: a fixed run of that many epochs on the same split ends with the same ones.
        var fixedRun = Train(mlContext, data, new NeuralNetworkMulticlassTrainer.Options
        {
            Architecture = NeuralNetworkArchitecture.LeNet, Seed = 3, NumberOfThreads = 1, NumberOfEpochs = best, ValidationSetFraction = 0.1f,
        });
        Assert.Equal(Weights(fixedRun), Weights(model));
    }

    [Theory]
    [InlineData(60, 50)]
    [InlineData(2_000, 32)]
    public void With_no_epoch_count_a_convolutional_network_trains_about_two_thousand_updates_on_every_image(int images, int epochs)
    {
        var (mlContext, data) = Pictures(images);

        var history = Train(mlContext, data, new NeuralNetworkMulticlassTrainer.Options { Architecture = NeuralNetworkArchitecture.ShallowNet, Seed = 1, NumberOfThreads = 1 }).History;

        Assert.Equal(epochs, history.Epochs.Count);
        Assert.Equal(StopReason.Completed, history.StopReason);
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationLoss));
        // A constant rate: the cosine decay of the tabular rule's long runs does not apply.
        Assert.All(history.Epochs, e => Assert.Equal(0.001f, e.LearningRate));
    }

    [Fact]
    public void An_epoch_count_given_trains_that_many_on_every_image()
    {
        var (mlContext, data) = Pictures(240);

        var history = Train(mlContext, data, new NeuralNetworkMulticlassTrainer.Options { Architecture = NeuralNetworkArchitecture.ShallowNet, NumberOfEpochs = 3, Seed = 1, NumberOfThreads = 1 }).History;

        Assert.Equal(3, history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationLoss));
    }

    [Fact]
    public void A_network_of_dense_layers_keeps_the_tabular_length()
    {
        var (mlContext, data) = Pictures(240);

        var history = Train(mlContext, data, new NeuralNetworkMulticlassTrainer.Options { Seed = 1, NumberOfThreads = 1 }).History;

        Assert.Equal(NeuralNetworkDefaults.Epochs(240, NeuralNetworkDefaults.BatchSize), history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.Null(e.ValidationLoss));
    }

    private static NeuralNetworkTransformer Train(MLContext mlContext, IDataView data, NeuralNetworkMulticlassTrainer.Options options) =>
        mlContext.MulticlassClassification.Trainers.NeuralNetwork(options).Fit(mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(data).Transform(data));

    private static int[] Weights(NeuralNetworkTransformer model) => model.Model.Parameters.SelectMany(p => p.Values).Select(BitConverter.SingleToInt32Bits).ToArray();

    /// <summary>
    /// Three classes of noisy stripes, a third of the labels drawn at random: a network fits them all within a few dozen
    /// epochs, and the held-out loss turns upwards well before 50, so early stopping has something to stop.
    /// </summary>
    private static (MLContext, IDataView) Pictures(int count)
    {
        var mlContext = new MLContext(seed: 1);
        var random = new Random(7);
        var rows = new List<Picture>();
        for (int i = 0; i < count; i++)
        {
            int c = i % 3;
            var pixels = new float[Side * Side];
            for (int y = 0; y < Side; y++)
            {
                for (int x = 0; x < Side; x++)
                {
                    bool on = c switch { 0 => y % 2 == 0, 1 => x % 2 == 0, _ => (x + y) % 2 == 0 };
                    pixels[y * Side + x] = Math.Clamp((on ? 0.7f : 0.3f) + (float)(random.NextDouble() - 0.5) * 0.8f, 0, 1);
                }
            }
            int label = random.Next(3) == 0 ? random.Next(3) : c;
            rows.Add(new Picture { Features = pixels, Label = $"c{label}" });
        }
        return (mlContext, mlContext.Data.LoadFromEnumerable(rows));
    }
}
