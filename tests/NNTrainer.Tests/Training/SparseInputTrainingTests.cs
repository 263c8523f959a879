using NNTrainer.Tests.Tensors;

namespace NNTrainer.Tests.Training;

/// <summary>
/// <see cref="Network.Fit(SparseMatrix, Matrix, FitOptions?)"/>: the same training as the dense one where the update is
/// the same (plain SGD, with or without the L2 penalty), lazy Adam where it differs, seeded and thread-count free.
/// </summary>
public class SparseInputTrainingTests
{
    [Theory]
    [InlineData(0f)]
    [InlineData(0.01f)]
    public void PlainSgdMatchesTheDenseTrainingWithAndWithoutL2(float l2)
    {
        var (x, y) = SparseData.Classes(rows: 120, columns: 300, perRow: 6, seed: 1);
        var dense = Build(l2, new SgdOptimizer(0.5f));
        dense.Fit(x, y, new FitOptions { Epochs = 4, BatchSize = 16 });
        var sparse = Build(l2, new SgdOptimizer(0.5f));
        var history = sparse.Fit(SparseMatrix.FromDense(x), y, new FitOptions { Epochs = 4, BatchSize = 16 });
        Assert.Equal(TrainingStepNames.SparseInput, history.TrainingStep);
        for (int i = 0; i < dense.Parameters.Count; i++)
        {
            var (d, s) = (dense.Parameters[i].Values, sparse.Parameters[i].Values);
            for (int k = 0; k < d.Length; k++) Assert.True(Math.Abs(d[k] - s[k]) <= 1e-5, $"parameter {i}[{k}]: dense {d[k]}, sparse {s[k]}");
        }
        Assert.Equal(dense.History!.Epochs[^1].Loss, history.Epochs[^1].Loss, 4);
    }

    [Fact]
    public void LazyAdamLeavesTheRowsOfAbsentInputsAndTheirMomentsUnchanged()
    {
        // Two rows that use columns 0–2 only: one step of Adam must not move rows 3.. of the first layer.
        var x = new Matrix(2, 8);
        (x[0, 0], x[0, 2], x[1, 1]) = (1f, 0.5f, -2f);
        var y = Matrix.FromColumn([1f, 0f]);
        var network = Build(l2: 0.01f, new AdamOptimizer(0.01f), inputs: 8);
        network.Build();
        var before = (float[])network.Parameters[0].Values.Clone();
        network.Fit(SparseMatrix.FromDense(x), y, new FitOptions { Epochs = 1, BatchSize = 2, Shuffle = false });
        var weights = network.Parameters[0];
        int n = 5;
        for (int row = 0; row < 8; row++)
        {
            bool touched = row < 3;
            var now = weights.Values.AsSpan(row * n, n);
            var then = before.AsSpan(row * n, n);
            // An untouched row owes one step of shrinkage (1 − 2λ·lr), paid at the epoch's end; its moments stay zero.
            for (int j = 0; j < n; j++)
            {
                if (touched) Assert.NotEqual(then[j], now[j]);
                else Assert.Equal(then[j] * (float)(1 - 2.0 * 0.01 * 0.01), now[j], 6);
            }
            Assert.Equal(touched, weights.Momentums!.AsSpan(row * n, n).ToArray().Any(m => m != 0f));
        }
    }

    [Fact]
    public void OneAndTwoThreadsTrainBitIdenticalWeightsFromTheSameSeed()
    {
        var (x, y) = SparseData.Classes(rows: 200, columns: 5000, perRow: 12, seed: 2);
        var sparse = SparseMatrix.FromDense(x);
        var one = Build(0.001f, new AdamOptimizer(), threads: 1, inputs: 5000, hidden: 64);
        one.Fit(sparse, y, new FitOptions { Epochs = 3, BatchSize = 32 });
        var two = Build(0.001f, new AdamOptimizer(), threads: 2, inputs: 5000, hidden: 64);
        two.Fit(sparse, y, new FitOptions { Epochs = 3, BatchSize = 32 });
        for (int i = 0; i < one.Parameters.Count; i++)
        {
            Assert.True(one.Parameters[i].Values.AsSpan().SequenceEqual(two.Parameters[i].Values), $"parameter {i}");
            Assert.True(one.Parameters[i].Cache.AsSpan().SequenceEqual(two.Parameters[i].Cache), $"Adam cache {i}");
        }
    }

    [Fact]
    public void ASparseTrainedNetworkLearnsSavesLoadsAndPredictsAsTheDenseNetworkDoes()
    {
        var (x, y) = SparseData.Classes(rows: 400, columns: 2000, perRow: 10, seed: 3);
        var sparse = SparseMatrix.FromDense(x);
        var network = Build(0.001f, new AdamOptimizer(0.01f), inputs: 2000, hidden: 32);
        var history = network.Fit(sparse, y, new FitOptions { Epochs = 15, BatchSize = 32, ValidationFraction = 0.2f });
        Assert.True(history.Epochs[^1].ValidationAccuracy >= 0.9, $"validation accuracy {history.Epochs[^1].ValidationAccuracy}");

        var fromSparse = network.Predict(sparse);
        var fromDense = network.Predict(x);
        for (int i = 0; i < fromDense.Length; i++) Assert.Equal(fromDense.Data[i], fromSparse.Data[i], 5);

        using var stream = new MemoryStream();
        network.Save(stream);
        stream.Position = 0;
        var loaded = Network.Load(stream);
        for (int i = 0; i < network.Parameters.Count; i++) Assert.Equal(network.Parameters[i].Values, loaded.Parameters[i].Values);
        Assert.Equal(fromSparse.Data, loaded.Predict(sparse).Data);
    }

    [Fact]
    public void TheValidationLossOfSparseHeldOutRowsIsTheLossOfTheirPredictions()
    {
        var (x, y) = SparseData.Classes(rows: 150, columns: 400, perRow: 8, seed: 4);
        var (vx, vy) = SparseData.Classes(rows: 50, columns: 400, perRow: 8, seed: 5);
        var network = Build(0f, new AdamOptimizer(0.01f), inputs: 400, hidden: 16);
        var held = SparseMatrix.FromDense(vx);
        var history = network.Fit(SparseMatrix.FromDense(x), y, new FitOptions { Epochs = 3, BatchSize = 25, SparseValidationData = (held, vy) });
        double expected = new BinaryCrossEntropyLoss().SumSampleLosses(network.Predict(held), vy) / 50;
        Assert.Equal(expected, history.Epochs[^1].ValidationLoss!.Value, 5);
    }

    [Fact]
    public void BadSparseTrainingsAreRefusedWithAClearMessage()
    {
        var x = new SparseMatrix(2, 5, [0, 1, 2], [0, 3], [1f, float.NaN]);
        var y = Matrix.FromColumn([1f, 0f]);
        var error = Assert.Throws<ArgumentException>(() => Build(0f, new SgdOptimizer(), inputs: 5).Fit(x, y));
        Assert.Contains("NaN at row 1, column 3", error.Message);

        var narrow = new SparseMatrix(1, 4, [0, 1], [2], [1f]);
        Assert.Contains("takes 5 features", Assert.Throws<ArgumentException>(() => Build(0f, new SgdOptimizer(), inputs: 5).Fit(narrow, Matrix.FromColumn([1f]))).Message);

        var conv = new Network(1).Add(new DropoutLayer(0.1f)).Add(new DenseLayer(5, 1)).Add(new SigmoidActivation());
        conv.Set(new BinaryCrossEntropyLoss(), new SgdOptimizer());
        var ok = new SparseMatrix(2, 5, [0, 1, 2], [0, 3], [1f, 2f]);
        Assert.Contains("DenseLayer as the network's first layer", Assert.Throws<ArgumentException>(() => conv.Fit(ok, y)).Message);
    }

    private static Network Build(float l2, Optimizer optimizer, int threads = 1, int inputs = 300, int hidden = 5)
    {
        var network = new Network(7) { NumberOfThreads = threads };
        network.Add(new DenseLayer(inputs, hidden, weightL2: l2)).Add(new ReLUActivation()).Add(new DenseLayer(hidden, 1, weightL2: l2)).Add(new SigmoidActivation());
        network.Set(new BinaryCrossEntropyLoss(), optimizer);
        return network;
    }
}
