using Microsoft.ML;

namespace NNTrainer.ML.Tests.Data;

/// <summary>
/// Training from a row source that is read pass after pass (one block in memory) through the engine's training
/// loop: it learns, a seed reproduces the model bit for bit, and the first pass's statistics are the whole data's.
/// </summary>
public class StreamingTrainingTests
{
    private static readonly MLContext Context = new(seed: 1);

    private static (IDataView View, DataViewRowSource Source) Circle(int rows, int seed)
    {
        var view = Context.Data.LoadFromEnumerable(TestData.Circle(rows, seed));
        return (view, new DataViewRowSource(view, view.Schema["Features"], 4, view.Schema["Label"], new BooleanLabelReader(), false, "training data"));
    }

    private static Network Untrained(int seed)
    {
        var network = new Network(seed) { NumberOfThreads = 1 };
        network.Add(new DenseLayer(4, 16)).Add(new ReLUActivation()).Add(new DenseLayer(16, 1)).Add(new SigmoidActivation());
        network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer(learningRate: 0.01f));
        return network;
    }

    private static Network Streamed(DataViewRowSource source, int seed, int epochs = 15, int blockRows = 300)
    {
        var network = Untrained(seed);
        var statistics = StreamingTraining.Measure(source, "training data", blockRows);
        StreamingTraining.Fit(network, source, new FitOptions { Epochs = epochs, BatchSize = 32 }, statistics, standardize: true, null, blockRows: blockRows);
        new FeatureScalingProbe(statistics).FoldInto(network);
        return network;
    }

    [Fact]
    public void LearnsTheCircleFromBlocksAsWellAsFromMemory()
    {
        var (view, source) = Circle(3_000, seed: 2);
        var all = TrainingSetReader.Read(view, view.Schema["Features"], 4, view.Schema["Label"], new BooleanLabelReader(), false, "training data");

        var streamed = Streamed(source, seed: 3);
        var inMemory = Untrained(seed: 3);
        inMemory.Fit(all.Inputs, all.Targets, new FitOptions { Epochs = 15, BatchSize = 32 });

        double streamedAccuracy = streamed.Evaluate(all.Inputs, all.Targets).Accuracy;
        double inMemoryAccuracy = inMemory.Evaluate(all.Inputs, all.Targets).Accuracy;
        Assert.True(streamedAccuracy >= 0.93, $"streamed accuracy {streamedAccuracy}");
        Assert.True(Math.Abs(streamedAccuracy - inMemoryAccuracy) <= 0.03, $"streamed {streamedAccuracy}, in memory {inMemoryAccuracy}");
        Assert.Equal(15, streamed.History!.Epochs.Count);
    }

    [Fact]
    public void TheSameSeedGivesTheSameModelBitForBit()
    {
        var (_, source) = Circle(1_000, seed: 4);

        var a = Streamed(source, seed: 5, epochs: 3);
        var b = Streamed(source, seed: 5, epochs: 3);
        var c = Streamed(source, seed: 6, epochs: 3);

        for (int i = 0; i < a.Parameters.Count; i++) Assert.Equal(a.Parameters[i].Values, b.Parameters[i].Values);
        Assert.NotEqual(a.Parameters[0].Values, c.Parameters[0].Values);
    }

    [Fact]
    public void TheFirstPassMeasuresTheWholeDatasMeanAndDeviation()
    {
        var (view, source) = Circle(1_001, seed: 7);
        var all = TrainingSetReader.Read(view, view.Schema["Features"], 4, view.Schema["Label"], new BooleanLabelReader(), false, "training data");

        var statistics = StreamingTraining.Measure(source, "training data", blockRows: 64);
        var whole = FeatureScaling.Fit(all.Inputs);

        Assert.Equal(1_001, statistics.Rows);
        Assert.Equal(64, statistics.FirstTargets.Length);
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(whole.Means[c], statistics.Means[c], 1e-12);
            Assert.Equal(whole.StandardDeviations[c], statistics.Deviations[c], 1e-12);
        }
    }

    [Fact]
    public void AValidationFractionIsRefusedWithTheWayOut()
    {
        var (_, source) = Circle(100, seed: 8);
        var statistics = StreamingTraining.Measure(source, "training data");

        var error = Assert.Throws<ArgumentException>(() => StreamingTraining.Fit(Untrained(1), source, new FitOptions { Epochs = 1, ValidationFraction = 0.2 }, statistics, false, null));

        Assert.StartsWith("A validation fraction needs the rows in memory; with streaming training pass held-out data instead", error.Message);
    }

    [Fact]
    public void ASourceThatChangesBetweenPassesIsAnError()
    {
        var (_, source) = Circle(200, seed: 9);
        var statistics = StreamingTraining.Measure(source, "training data") with { Rows = 150 };

        var error = Assert.Throws<InvalidOperationException>(() => StreamingTraining.Fit(Untrained(1), source, new FitOptions { Epochs = 2, BatchSize = 50 }, statistics, false, null));

        Assert.Equal("The training data gave 200 rows in a pass but 150 in the first; streaming training needs the same rows on every read.", error.Message);
    }

    /// <summary>Folds the first pass's standardisation into the first layer, as the trainer does with <see cref="FeatureScaling"/>.</summary>
    private sealed class FeatureScalingProbe(StreamingTraining.Statistics statistics)
    {
        public void FoldInto(Network network) => FeatureScaling.FromStatistics(statistics.Means, statistics.Deviations).FoldInto(network);
    }
}
