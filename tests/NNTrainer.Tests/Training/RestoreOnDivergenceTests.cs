using NNTrainer.Tests.Tensors;

namespace NNTrainer.Tests.Training;

/// <summary>
/// <see cref="FitOptions.RestoreOnDivergence"/>: off, the training keeps no best-weights copy (unless early stopping
/// restores one) and trains the same weights bit for bit; a divergence then leaves the failing step's weights.
/// </summary>
public class RestoreOnDivergenceTests
{
    [Fact]
    public void WithoutTheCopyASparseAndADenseTrainingEndWithTheSameWeightsBitForBit()
    {
        var (x, y) = SparseData.Classes(rows: 200, columns: 600, perRow: 8, seed: 11);
        var sparse = SparseMatrix.FromDense(x);
        foreach (bool useSparse in new[] { true, false })
        {
            var kept = Build();
            var dropped = Build();
            Fit(kept, useSparse, sparse, x, y, new FitOptions { Epochs = 4, BatchSize = 32 });
            var history = Fit(dropped, useSparse, sparse, x, y, new FitOptions { Epochs = 4, BatchSize = 32, RestoreOnDivergence = false });
            Assert.Equal(StopReason.Completed, history.StopReason);
            Assert.True(kept.Parameters.SelectMany(p => p.Values).SequenceEqual(dropped.Parameters.SelectMany(p => p.Values)), $"sparse {useSparse}: weights");
            Assert.True(kept.Parameters.SelectMany(p => p.Cache!).SequenceEqual(dropped.Parameters.SelectMany(p => p.Cache!)), $"sparse {useSparse}: Adam cache");
        }
    }

    [Fact]
    public void EarlyStoppingStillGoesBackToTheBestEpochWithoutTheDivergenceCopy()
    {
        var (x, y) = SparseData.Classes(rows: 160, columns: 500, perRow: 8, seed: 12);
        var (vx, vy) = SparseData.Classes(rows: 60, columns: 500, perRow: 8, seed: 13);
        var (train, held) = (SparseMatrix.FromDense(x), SparseMatrix.FromDense(vx));
        FitOptions Options(bool restore) => new()
        {
            Epochs = 40, BatchSize = 16, EarlyStoppingPatience = 2, SparseValidationData = (held, vy), RestoreOnDivergence = restore,
        };
        var kept = Build(inputs: 500, learningRate: 0.05f);
        var dropped = Build(inputs: 500, learningRate: 0.05f);
        kept.Fit(train, y, Options(true));
        var history = dropped.Fit(train, y, Options(false));
        Assert.Equal(StopReason.EarlyStopped, history.StopReason);
        Assert.True(history.RestoredBestWeights);
        for (int i = 0; i < kept.Parameters.Count; i++) Assert.Equal(kept.Parameters[i].Values, dropped.Parameters[i].Values);
    }

    [Fact]
    public void ADivergenceWithoutTheCopyLeavesTheFailingStepsWeights()
    {
        var (x, y) = SyntheticData.Sine(100);
        for (int i = 0; i < y.Length; i++) y.Data[i] *= 1e18f;
        var network = new Network(1).Add(new DenseLayer(1, 8)).Add(new ReLUActivation()).Add(new DenseLayer(8, 1)).Add(new LinearActivation())
            .Set(new MeanSquaredErrorLoss(), new SgdOptimizer(learningRate: 10f));

        var e = Assert.Throws<TrainingDivergedException>(() => network.Fit(x, y, new FitOptions { Epochs = 50, BatchSize = 10, RestoreOnDivergence = false }));

        // Nothing was reset, so the message does not say it was.
        Assert.DoesNotContain("reset", e.Message);
        Assert.Contains("learning rate", e.Message);
        Assert.Equal(StopReason.Diverged, e.History.StopReason);
        Assert.False(e.History.RestoredBestWeights);
        // The step that made the loss infinite is the one whose weights are kept: not all of them are finite any more.
        Assert.Contains(network.Parameters.SelectMany(p => p.Values), v => !float.IsFinite(v) || Math.Abs(v) > 1e6f);
    }

    private static TrainingHistory Fit(Network network, bool useSparse, SparseMatrix sparse, Matrix x, Matrix y, FitOptions options) =>
        useSparse ? network.Fit(sparse, y, options) : network.Fit(x, y, options);

    private static Network Build(int inputs = 600, float learningRate = 0.01f)
    {
        var network = new Network(5) { NumberOfThreads = 1 };
        network.Add(new DenseLayer(inputs, 16, weightL2: 0.001f)).Add(new ReLUActivation()).Add(new DenseLayer(16, 1, weightL2: 0.001f)).Add(new SigmoidActivation());
        network.Set(new BinaryCrossEntropyLoss(), new AdamOptimizer(learningRate));
        return network;
    }
}
