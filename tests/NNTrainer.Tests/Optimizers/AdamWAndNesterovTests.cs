namespace NNTrainer.Tests.Optimizers;

/// <summary>
/// AdamW and SGD with Nesterov momentum: steps worked out by hand from the formulas, and three steps on a four-value
/// parameter against PyTorch 1.13's <c>torch.optim.AdamW</c> and <c>torch.optim.SGD(nesterov=True)</c>. The PyTorch values are
/// constants printed by <c>pytorch_reference.py</c> (next to this file, run with Debian's /usr/bin/python3 and python3-torch).
/// </summary>
public class AdamWAndNesterovTests
{
    private static readonly float[] Start = [1f, -2f, 0.5f, 3f];

    private static readonly float[][] Gradients =
    [
        [0.5f, -0.25f, 1f, 0f],
        [0.25f, 0.5f, -2f, 0.1f],
        [-0.75f, 0.125f, 0.5f, -0.3f],
    ];

    [Fact]
    public void AdamWDecaysTheWeightsThenTakesAdamsStep()
    {
        // lr 0.1, λ 0.1: t=1: w = 1·(1 − 0.01) − 0.1·0.5/(0.5 + 1e−7) = 0.89000002
        // t=2: m = 0.07, c = 0.00031225 → w = 0.89·0.99 − 0.1·(0.07/0.19)/(√(0.00031225/0.001999) + 1e−7) = 0.78788208
        var w = Weight();
        var adamW = new AdamWOptimizer(learningRate: 0.1f, weightDecay: 0.1f);
        Step(adamW, w, 0.5f);
        Assert.Equal(0.89000002f, w.Values[0], 6);
        Step(adamW, w, 0.25f);
        Assert.Equal(0.78788208f, w.Values[0], 6);
        Assert.Equal(0.07f, w.Momentums![0], 6);
        Assert.Equal(0.00031225f, w.Cache![0], 8);
    }

    [Fact]
    public void AdamWMatchesPyTorch()
    {
        // torch.optim.AdamW([p], lr=0.01, betas=(0.9, 0.999), eps=1e-7, weight_decay=0.1), three steps.
        float[][] expected =
        [
            [0.989000022f, -1.98800004f, 0.489500016f, 2.99699998f],
            [0.978689253f, -1.98967314f, 0.492671549f, 2.98656178f],
            [0.978530347f, -1.99184f, 0.4935458f, 2.98781776f],
        ];
        var p = Parameter(Start);
        var adamW = new AdamWOptimizer(learningRate: 0.01f, weightDecay: 0.1f, epsilon: 1e-7f);
        for (int t = 0; t < 3; t++)
        {
            Step(adamW, p, Gradients[t]);
            // PyTorch divides by √ĉ as √c/√(1 − β₂ᵗ); we take √(c·k₂): the last bits may differ.
            for (int i = 0; i < 4; i++) Assert.Equal(expected[t][i], p.Values[i], 1e-6f);
        }
    }

    [Fact]
    public void AdamWWithoutWeightDecayIsAdamBitForBit()
    {
        var adam = Parameter(Start);
        var adamW = Parameter(Start);
        var a = new AdamOptimizer(0.01f);
        var b = new AdamWOptimizer(0.01f, weightDecay: 0f);
        foreach (var g in Gradients)
        {
            Step(a, adam, g);
            Step(b, adamW, g);
        }
        Assert.Equal(adam.Values, adamW.Values);
        Assert.Equal(adam.Momentums, adamW.Momentums);
        Assert.Equal(adam.Cache, adamW.Cache);
    }

    [Fact]
    public void AdamWVectorAndScalarPathsAgreeOnEveryElement()
    {
        var p = new Parameter("w", 1, 37);
        Array.Fill(p.Values, 1f);
        Array.Fill(p.Gradients, 0.5f);
        Step(new AdamWOptimizer(learningRate: 0.1f, weightDecay: 0.1f), p, p.Gradients.ToArray());
        Assert.Single(p.Values.Distinct());
        Assert.Equal(0.89000002f, p.Values[0], 6);
    }

    [Fact]
    public void NesterovLooksAheadAlongTheVelocity()
    {
        // lr 0.1, μ 0.9: v1 = −0.05, w = 1 + 0.9·(−0.05) − 0.05 = 0.905;
        // v2 = 0.9·(−0.05) − 0.025 = −0.07, w = 0.905 + 0.9·(−0.07) − 0.025 = 0.817
        var w = Weight();
        var sgd = new SgdOptimizer(learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        Step(sgd, w, 0.5f);
        Assert.Equal(0.905f, w.Values[0], 6);
        Step(sgd, w, 0.25f);
        Assert.Equal(0.817f, w.Values[0], 6);
        Assert.Equal(-0.07f, w.Momentums![0], 6);
    }

    [Fact]
    public void NesterovMatchesPyTorchAtAConstantRate()
    {
        // torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True): PyTorch's velocity is ours divided by −lr.
        float[][] expected =
        [
            [0.904999971f, -1.95249999f, 0.310000002f, 3f],
            [0.816999972f, -2.02725005f, 0.609000027f, 2.98099995f],
            [0.902799964f, -2.07327509f, 0.603100002f, 3.02989984f],
        ];
        var p = Parameter(Start);
        var sgd = new SgdOptimizer(learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        for (int t = 0; t < 3; t++)
        {
            Step(sgd, p, Gradients[t]);
            for (int i = 0; i < 4; i++) Assert.Equal(expected[t][i], p.Values[i], 1e-6f);
        }
    }

    [Fact]
    public void NesterovVectorAndScalarPathsAgreeOnEveryElement()
    {
        var p = new Parameter("w", 1, 37);
        Array.Fill(p.Values, 1f);
        var sgd = new SgdOptimizer(learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        Step(sgd, p, Enumerable.Repeat(0.5f, 37).ToArray());
        Step(sgd, p, Enumerable.Repeat(0.25f, 37).ToArray());
        Assert.Single(p.Values.Distinct());
        Assert.Equal(0.817f, p.Values[0], 6);
    }

    [Fact]
    public void InvalidSettingsAreRejected()
    {
        var nesterov = Assert.Throws<ArgumentException>(() => new SgdOptimizer(momentum: 0f, nesterov: true));
        Assert.Contains("momentum", nesterov.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamWOptimizer(weightDecay: -0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamWOptimizer(weightDecay: float.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamWOptimizer(beta1: 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamWOptimizer(epsilon: 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamWOptimizer(learningRate: 0f));
    }

    private static Parameter Weight() => Parameter([1f]);

    private static Parameter Parameter(float[] values)
    {
        var p = new Parameter("w", 1, values.Length);
        values.CopyTo(p.Values, 0);
        return p;
    }

    private static void Step(Optimizer optimizer, Parameter parameter, float gradient) => Step(optimizer, parameter, [gradient]);

    private static void Step(Optimizer optimizer, Parameter parameter, float[] gradients)
    {
        gradients.CopyTo(parameter.Gradients, 0);
        optimizer.PreUpdate();
        optimizer.Update(parameter);
        optimizer.PostUpdate();
    }
}
