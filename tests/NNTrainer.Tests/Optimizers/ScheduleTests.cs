namespace NNTrainer.Tests.Optimizers;

/// <summary>
/// Learning-rate schedules: rates at given epochs and steps worked out by hand, and against PyTorch 1.13's
/// <c>lr_scheduler</c> classes (constants printed by <c>pytorch_reference.py</c> next to this file).
/// </summary>
public class ScheduleTests
{
    [Fact]
    public void StepDecayIsTheBooksFormula()
    {
        // α = 0.01·0.25^⌊(1 + e)/5⌋: epochs 0–3 at 0.01, 4–8 at 0.0025, 9–13 at 0.000625.
        var schedule = new StepDecaySchedule(factor: 0.25f, dropEvery: 5);
        float[] expected = [0.01f, 0.01f, 0.01f, 0.01f, 0.0025f, 0.0025f, 0.0025f, 0.0025f, 0.0025f, 0.000625f];
        Assert.Equal(expected, PerEpoch(schedule, 0.01f, expected.Length));
        Assert.False(schedule.PerStep);
    }

    [Fact]
    public void ExponentialDecayMatchesPyTorch()
    {
        // ExponentialLR(gamma=0.9) stepped once per epoch; by hand 0.1·0.9^e.
        Assert.Equal([0.1f, 0.09f, 0.081f, 0.0729f, 0.06561f], PerEpoch(new ExponentialDecaySchedule(0.9f), 0.1f, 5), Tolerance(1e-7f));
    }

    [Fact]
    public void CosineWithoutWarmupMatchesPyTorchsCosineAnnealing()
    {
        // CosineAnnealingLR(T_max=12, eta_min=0.001) stepped per batch: 4 epochs of 3 steps.
        float[] expected =
        [
            0.1f, 0.0983133284f, 0.0933682575f, 0.0855017857f, 0.07525f, 0.0633115427f, 0.0505f, 0.0376884573f,
            0.02575f, 0.0154982143f, 0.00763174251f, 0.0026866716f,
        ];
        Assert.Equal(expected, PerStep(new CosineSchedule(minLearningRate: 0.001f), 0.1f, epochs: 4, stepsPerEpoch: 3), Tolerance(1e-7f));
    }

    [Fact]
    public void ACosineOverTheLastShareHoldsTheRateThenAnnealsOverThoseSteps()
    {
        // T = 12 steps, share 0.25: ⌈0.25·12⌉ = 3 decaying steps after 9 held at 0.1: 0.1·(1 + cos(π·k/3))/2, k = 0, 1, 2.
        var rates = PerStep(new CosineSchedule(decayShare: 0.25f), 0.1f, epochs: 4, stepsPerEpoch: 3);
        float[] expected = [0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.075f, 0.025f];
        Assert.Equal(expected, rates, Tolerance(1e-7f));
        // After a warm-up (W = 3), the share counts the remaining 9 steps: ⌈0.5·9⌉ = 5 decay, 4 hold.
        rates = PerStep(new CosineSchedule(warmupEpochs: 1, minLearningRate: 0.01f, decayShare: 0.5f), 0.1f, epochs: 4, stepsPerEpoch: 3);
        expected =
        [
            0.1f / 3, 0.2f / 3, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f,
            0.1f, 0.01f + 0.09f * (1 + MathF.Cos(MathF.PI / 5)) / 2, 0.01f + 0.09f * (1 + MathF.Cos(2 * MathF.PI / 5)) / 2,
            0.01f + 0.09f * (1 + MathF.Cos(3 * MathF.PI / 5)) / 2, 0.01f + 0.09f * (1 + MathF.Cos(4 * MathF.PI / 5)) / 2,
        ];
        Assert.Equal(expected, rates, Tolerance(1e-6f));
        // The whole-training decay is the share 1, step for step.
        Assert.Equal(PerStep(new CosineSchedule(), 0.1f, epochs: 5, stepsPerEpoch: 7), PerStep(new CosineSchedule(decayShare: 1f), 0.1f, epochs: 5, stepsPerEpoch: 7));
    }

    [Fact]
    public void CosineWarmsUpLinearlyThenAnneals()
    {
        // 2 warm-up epochs of 3 steps (W = 6) out of T = 12: 0.1·(t + 1)/6, then 0.1·(1 + cos(π(t − 6)/6))/2.
        var rates = PerStep(new CosineSchedule(warmupEpochs: 2), 0.1f, epochs: 4, stepsPerEpoch: 3);
        float[] expected =
        [
            0.1f / 6, 0.2f / 6, 0.05f, 0.4f / 6, 0.5f / 6, 0.1f,
            0.1f, 0.0933012702f, 0.075f, 0.05f, 0.025f, 0.00669872981f,
        ];
        Assert.Equal(expected, rates, Tolerance(1e-7f));
    }

    [Fact]
    public void OneCycleMatchesPyTorch()
    {
        // OneCycleLR(max_lr=0.1, total_steps=20, cycle_momentum=False): pct_start 0.3, div_factor 25, final_div_factor 1e4.
        // By hand: step 0 is 0.1/25 = 0.004, step 5 (= 0.3·20 − 1) the peak, step 19 0.004/1e4.
        float[] expected =
        [
            0.004f, 0.0131671843f, 0.0371671843f, 0.0668328157f, 0.0908328157f, 0.1f, 0.0987464006f, 0.0950484632f,
            0.0890916178f, 0.0811745654f, 0.0716943002f, 0.0611262022f, 0.0500002f, 0.0388741978f, 0.0283060998f,
            0.0188258346f, 0.0109087822f, 0.0049519368f, 0.00125399938f, 4e-07f,
        ];
        Assert.Equal(expected, PerStep(new OneCycleSchedule(), 0.1f, epochs: 4, stepsPerEpoch: 5), Tolerance(1e-7f));
    }

    [Fact]
    public void ReduceOnPlateauMatchesPyTorch()
    {
        // ReduceLROnPlateau(factor=0.5, patience=2, cooldown=1, min_lr=0.02), threshold 1e-4 relative; the rate of
        // epoch e is the one after the losses of epochs 0 … e − 1.
        double[] losses = [1.0, 0.9, 0.9, 0.95, 0.9, 0.91, 0.92, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9];
        float[] expected = [0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f, 0.05f, 0.025f, 0.025f];
        var schedule = new ReduceOnPlateauSchedule(factor: 0.5f, patience: 2, minLearningRate: 0.02f, cooldown: 1);
        schedule.Reset(0.1f);
        var rates = new List<float>();
        foreach (double loss in losses)
        {
            rates.Add(schedule.LearningRate(0.1f, default));
            schedule.EpochEnded(loss);
        }
        Assert.Equal(expected, rates);
        // Five more bad epochs: one more reduction, floored at the minimum, then no more.
        for (int i = 0; i < 10; i++) schedule.EpochEnded(2.0);
        Assert.Equal(0.02f, schedule.LearningRate(0.1f, default));
    }

    [Fact]
    public void TheHistoryRecordsEachEpochsRateAndTheRateSetsTheStep()
    {
        var (x, y) = SyntheticData.Spiral(30, 3);
        var network = Spiral(new SgdOptimizer(learningRate: 0.5f));
        var history = network.Fit(x, y, new FitOptions { Epochs = 6, BatchSize = 30, LearningRateSchedule = new StepDecaySchedule(0.5f, 2) });
        // α = 0.5·0.5^⌊(1 + e)/2⌋ for e = 0 … 5
        Assert.Equal([0.5f, 0.25f, 0.25f, 0.125f, 0.125f, 0.0625f], history.Epochs.Select(e => e.LearningRate));
    }

    [Fact]
    public void TimeBasedDecayStillAppliesOnTopOfASchedule()
    {
        // Full batch, 3 epochs: step t runs at 0.1·0.5^e / (1 + 0.1·t); the history keeps the last step's rate of each epoch.
        var (x, y) = SyntheticData.Spiral(20, 3);
        var network = Spiral(new SgdOptimizer(learningRate: 0.1f, decay: 0.1f));
        var history = network.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = null, LearningRateSchedule = new ExponentialDecaySchedule(0.5f) });
        Assert.Equal([0.1f, 0.05f / 1.1f, 0.025f / 1.2f], history.Epochs.Select(e => e.LearningRate), Tolerance(1e-8f));
    }

    [Fact]
    public void ACosineScheduleStopsMovingTheWeightsAtTheEnd()
    {
        // Same network, same data: with a constant rate the last epoch still moves the weights; annealed to 0 it barely does.
        double Movement(LearningRateSchedule? schedule)
        {
            var (x, y) = SyntheticData.Spiral(50, 3);
            var network = Spiral(new AdamOptimizer(0.02f));
            float[]? before = null;
            network.Fit(x, y, new FitOptions
            {
                Epochs = 40,
                BatchSize = 30,
                LearningRateSchedule = schedule,
                EpochEnded = e => { if (e.Epoch == 39) before = network.Parameters[0].Values.ToArray(); },
            });
            return Math.Sqrt(before!.Zip(network.Parameters[0].Values, (a, b) => (double)(a - b) * (a - b)).Sum());
        }
        double constant = Movement(null);
        double annealed = Movement(new CosineSchedule());
        Assert.True(annealed < constant / 20, $"last epoch moved the first layer by {annealed} with cosine, {constant} without");
    }

    [Fact]
    public void ReduceOnPlateauLowersTheRateWhenTheLossStalls()
    {
        // Full-batch SGD far too fast for the problem: the loss stops improving, and the schedule halves the rate until it does.
        var (x, y) = SyntheticData.Spiral(30, 3);
        var network = Spiral(new SgdOptimizer(learningRate: 5f));
        var history = network.Fit(x, y, new FitOptions { Epochs = 60, BatchSize = null, LearningRateSchedule = new ReduceOnPlateauSchedule(factor: 0.5f, patience: 1) });
        var rates = history.Epochs.Select(e => e.LearningRate).ToArray();
        Assert.Equal(5f, rates[0]);
        Assert.True(rates[^1] < 5f, "the rate never dropped");
        for (int e = 1; e < rates.Length; e++) Assert.True(rates[e] == rates[e - 1] || rates[e] == rates[e - 1] * 0.5f, $"epoch {e + 1}: {rates[e - 1]} → {rates[e]}");
    }

    [Theory]
    [InlineData("step factor")]
    [InlineData("step every")]
    [InlineData("exponential")]
    [InlineData("cosine warmup")]
    [InlineData("cosine min")]
    [InlineData("onecycle pct")]
    [InlineData("onecycle div")]
    [InlineData("plateau factor")]
    [InlineData("plateau patience")]
    [InlineData("cosine share")]
    [InlineData("cosine share above 1")]
    public void InvalidParametersAreRejectedByName(string which)
    {
        var (create, name) = which switch
        {
            "step factor" => ((Action)(() => new StepDecaySchedule(factor: 0f)), "factor"),
            "step every" => (() => new StepDecaySchedule(dropEvery: 0), "dropEvery"),
            "exponential" => (() => new ExponentialDecaySchedule(float.NaN), "gamma"),
            "cosine warmup" => (() => new CosineSchedule(warmupEpochs: -1), "warmupEpochs"),
            "cosine min" => (() => new CosineSchedule(minLearningRate: float.PositiveInfinity), "minLearningRate"),
            "cosine share" => (() => new CosineSchedule(decayShare: 0f), "decayShare"),
            "cosine share above 1" => (() => new CosineSchedule(decayShare: 1.5f), "decayShare"),
            "onecycle pct" => (() => new OneCycleSchedule(pctStart: 1f), "pctStart"),
            "onecycle div" => (() => new OneCycleSchedule(divFactor: 0.5f), "divFactor"),
            "plateau factor" => (() => new ReduceOnPlateauSchedule(factor: 1f), "factor"),
            _ => (() => new ReduceOnPlateauSchedule(patience: -1), "patience"),
        };
        var e = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(name, e.ParamName);
    }

    private static Network Spiral(Optimizer optimizer) => new Network(seed: 5)
        .Add(new DenseLayer(2, 32))
        .Add(new ReLUActivation())
        .Add(new DenseLayer(32, 3))
        .Add(new SoftmaxActivation())
        .Set(new CategoricalCrossEntropyLoss(), optimizer);

    private static float[] PerEpoch(LearningRateSchedule schedule, float initial, int epochs)
    {
        schedule.Reset(initial);
        return [.. Enumerable.Range(0, epochs).Select(e => schedule.LearningRate(initial, new TrainingProgress(e, e * 10L, 10, epochs)))];
    }

    private static float[] PerStep(LearningRateSchedule schedule, float initial, int epochs, int stepsPerEpoch)
    {
        Assert.True(schedule.PerStep);
        schedule.Reset(initial);
        return [.. Enumerable.Range(0, epochs * stepsPerEpoch).Select(t => schedule.LearningRate(initial, new TrainingProgress(t / stepsPerEpoch, t, stepsPerEpoch, epochs)))];
    }

    private static IEqualityComparer<float> Tolerance(float absolute) =>
        EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) <= absolute + 1e-6f * Math.Abs(b), v => 0);
}
