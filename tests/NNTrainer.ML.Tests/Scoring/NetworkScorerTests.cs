using Microsoft.ML.Data;

namespace NNTrainer.ML.Tests.Scoring;

public class NetworkScorerTests
{
    private static Network TinyNetwork()
    {
        var network = new Network(seed: 2);
        network.Add(new DenseLayer(3, 4)).Add(new ReLUActivation()).Add(new DenseLayer(4, 1)).Add(new SigmoidActivation());
        network.Build();
        return network;
    }

    [Fact]
    public void ScoresLikeTheEnginesPredictorAndKeepsTheLogit()
    {
        var network = TinyNetwork();
        var scorer = new NetworkScorer(network);
        float[] features = [0.5f, -1f, 2f];

        var outputs = scorer.Score(new VBuffer<float>(3, features), "Features", 0).ToArray();

        var expected = network.Predict(Matrix.FromRows([features]));
        Assert.Equal(expected[0, 0], outputs[0]);
        Assert.Equal(1 / (1 + Math.Exp(-scorer.Logit)), outputs[0], 1e-6);
    }

    [Fact]
    public void AWideSparseVectorScoresOnItsNonzerosLikeTheEnginesSparsePredict()
    {
        const int width = SparseFeatures.MinimumSlots;
        var network = new Network(seed: 2);
        network.Add(new DenseLayer(width, 4)).Add(new ReLUActivation()).Add(new DenseLayer(4, 1)).Add(new SigmoidActivation());
        network.Build();
        var scorer = new NetworkScorer(network);
        float sparse = scorer.Score(new VBuffer<float>(width, 2, [1.5f, -0.5f], [7, 4000]), "Features", 1)[0];

        Assert.Equal(network.Predict(new SparseMatrix(1, width, [0, 2], [7, 4000], [1.5f, -0.5f]))[0, 0], sparse);
        // The dense kernels add the zeros' products too and sum in another order: equal up to rounding.
        var dense = new float[width];
        (dense[7], dense[4000]) = (1.5f, -0.5f);
        Assert.Equal(scorer.Score(new VBuffer<float>(width, dense), "Features", 0)[0], sparse, 1e-6f);
    }

    [Fact]
    public void ANarrowSparseVectorScoresExactlyLikeItsDenseForm()
    {
        // Below the sparse width a sparse row is expanded, so a one-hot column beside a few numbers keeps the dense bits.
        var scorer = new NetworkScorer(TinyNetwork());
        float dense = scorer.Score(new VBuffer<float>(3, [0f, 1.5f, 0f]), "Features", 0)[0];
        float sparse = scorer.Score(new VBuffer<float>(3, 1, [1.5f], [1]), "Features", 1)[0];
        Assert.Equal(dense, sparse);
    }

    [Fact]
    public void AVectorOfTheWrongSizeIsAnErrorNamingColumnAndRow()
    {
        var scorer = new NetworkScorer(TinyNetwork());
        var error = Assert.Throws<InvalidOperationException>(() => scorer.Score(new VBuffer<float>(2, [1f, 2f]), "Pixels", 41));
        Assert.Equal("Column 'Pixels' has 2 values at row 41; the neural network was trained on 3 features, so it cannot score this row.", error.Message);
    }

    [Fact]
    public void AnUnknownRowIsNotNamedAsRowMinusOne()
    {
        // Found by the bad-input matrix: a reloaded model's prediction engine said "at row -1".
        var scorer = new NetworkScorer(TinyNetwork());
        var error = Assert.Throws<InvalidOperationException>(() => scorer.Score(new VBuffer<float>(5, [1f, 2f, 3f, 4f, 5f]), "Pixels", -1));
        Assert.Equal("Column 'Pixels' has 5 values; the neural network was trained on 3 features, so it cannot score this row.", error.Message);
    }

    [Theory]
    [InlineData(new[] { 0.1f, 0.7f, 0.2f }, 1u)]
    [InlineData(new[] { 0.5f, 0.2f, 0.5f }, 0u)]
    [InlineData(new[] { 0.3f }, 0u)]
    public void ArgMaxTakesTheFirstHighestScore(float[] scores, uint expected) => Assert.Equal(expected, NetworkScorer.ArgMax(scores));
}
