namespace NNTrainer.Tests.Training;

/// <summary>
/// Clipping by global norm against PyTorch 1.13's <c>clip_grad_norm_</c> (constants printed by
/// tests/NNTrainer.Tests/Optimizers/pytorch_reference.py) and by hand.
/// </summary>
public class GradientClippingTests
{
    [Fact]
    public void ScalesEveryGradientByMaxNormOverTheGlobalNorm()
    {
        // Norm √(9 + 16 + 1 + 4 + 0.25 + 2.25 + 6.25) = √38.75 = 6.22494980; every gradient × 1/(6.2249498 + 1e−6).
        var (a, b) = Parameters([3, -4, 1, 2], [0.5f, -1.5f, 2.5f]);
        var clipping = new GradientClipping([a, b], maxNorm: 1f);
        clipping.ClipAndUpdate(new SgdOptimizer(learningRate: 1f));
        Assert.Equal(6.22494980, clipping.LastNorm, 6);
        float[] torchA = [0.481931508f, -0.642575324f, 0.160643831f, 0.321287662f];
        float[] torchB = [0.0803219154f, -0.240965754f, 0.40160957f];
        for (int i = 0; i < 4; i++) Assert.Equal(torchA[i], a.Gradients[i], 1e-7f);
        for (int i = 0; i < 3; i++) Assert.Equal(torchB[i], b.Gradients[i], 1e-7f);
        // The update used the clipped gradients: w = 0 − 1·g.
        for (int i = 0; i < 4; i++) Assert.Equal(-a.Gradients[i], a.Values[i]);
    }

    [Fact]
    public void LeavesGradientsBelowTheLimitAlone()
    {
        var (a, b) = Parameters([0.3f, -0.4f, 0, 0], [0, 0, 0]);
        new GradientClipping([a, b], maxNorm: 1f).ClipAndUpdate(new SgdOptimizer(learningRate: 1f));
        Assert.Equal([0.3f, -0.4f, 0, 0], a.Gradients);
    }

    [Fact]
    public void ClippingLimitsTheFirstStepOfATraining()
    {
        // Full-batch SGD at rate 1: the first update of all weights together is the clipped gradient, of norm ≤ 0.01.
        var (x, y) = SyntheticData.Spiral(20, 3);
        var network = new Network(seed: 2).Add(new DenseLayer(2, 16)).Add(new ReLUActivation()).Add(new DenseLayer(16, 3)).Add(new SoftmaxActivation())
            .Set(new CategoricalCrossEntropyLoss(), new SgdOptimizer(1f));
        network.Build();
        var before = network.Parameters.SelectMany(p => p.Values).ToArray();
        network.Fit(x, y, new FitOptions { Epochs = 1, BatchSize = null, GradientClipNorm = 0.01f });
        var after = network.Parameters.SelectMany(p => p.Values).ToArray();
        double moved = Math.Sqrt(before.Zip(after, (p, q) => (double)(p - q) * (p - q)).Sum());
        Assert.InRange(moved, 0.0099, 0.0101);
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void ABadLimitIsRejectedByName(float limit)
    {
        var (x, y) = SyntheticData.Spiral(5, 2);
        var network = new Network(1).Add(new DenseLayer(2, 2)).Add(new SoftmaxActivation()).Set(new CategoricalCrossEntropyLoss(), new AdamOptimizer());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => network.Fit(x, y, new FitOptions { GradientClipNorm = limit }));
        Assert.Equal(nameof(FitOptions.GradientClipNorm), e.ParamName);
    }

    private static (Parameter, Parameter) Parameters(float[] a, float[] b)
    {
        var pa = new Parameter("a", 2, 2);
        var pb = new Parameter("b", 1, 3);
        a.CopyTo(pa.Gradients, 0);
        b.CopyTo(pb.Gradients, 0);
        return (pa, pb);
    }
}
