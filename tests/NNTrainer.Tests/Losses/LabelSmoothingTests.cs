using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Losses;

/// <summary>
/// Label smoothing: the smoothed losses' gradients against central differences, and their values and logit gradients
/// against PyTorch 1.13 (<c>cross_entropy(label_smoothing=0.1)</c>, <c>binary_cross_entropy_with_logits</c> on targets
/// <c>y·0.8 + 0.1</c>); the constants are printed by tests/NNTrainer.Tests/Optimizers/pytorch_reference.py.
/// </summary>
public class LabelSmoothingTests
{
    [Fact]
    public void SmoothedCategoricalCrossEntropyWithClassIndicesHasTheNumericalGradient() =>
        CheckLoss(new CategoricalCrossEntropyLoss(0.1f), Probabilities(5, 4, seed: 1), Matrix.FromLabels([0, 3, 1, 2, 3]));

    [Fact]
    public void SmoothedCategoricalCrossEntropyWithProbabilityRowsHasTheNumericalGradient()
    {
        var targets = Matrix.FromArray(new float[,] { { 0, 1, 0, 0 }, { 0.5f, 0, 0.5f, 0 }, { 0, 0, 0, 1 } });
        CheckLoss(new CategoricalCrossEntropyLoss(0.2f), Probabilities(3, 4, seed: 2), targets);
    }

    [Fact]
    public void SmoothedBinaryCrossEntropyHasTheNumericalGradient()
    {
        var targets = Matrix.FromArray(new float[,] { { 1, 0, 1 }, { 0, 0, 1 }, { 1, 1, 0 }, { 0, 1, 0 } });
        CheckLoss(new BinaryCrossEntropyLoss(0.1f), Probabilities(4, 3, seed: 3), targets);
    }

    [Fact]
    public void SmoothedSoftmaxCrossEntropyMatchesPyTorch()
    {
        var logits = Matrix.FromArray(new float[,] { { 2, -1, 0.5f }, { 0.1f, 0.2f, 0.3f }, { -1, 3, 0 } });
        var labels = Matrix.FromLabels([0, 2, 1]);
        var loss = new CategoricalCrossEntropyLoss(0.1f);
        var softmax = new SoftmaxActivation();
        softmax.Forward(logits, training: true);
        Assert.Equal(0.567490458, loss.Calculate(softmax.Output, labels), 6);

        // What the training loop does: the fused softmax + cross-entropy gradient on the smoothed targets.
        var smoothed = LabelSmoothing.Apply(loss, 0.1f, labels, new Matrix(3, 3));
        var gradient = new Matrix(3, 3);
        SoftmaxCategoricalCrossEntropy.Backward(softmax.Output, smoothed, gradient);
        float[] torch = [-0.049245432f, 0.00192641176f, 0.0473190136f, 0.0890920758f, 0.0996305346f, -0.18872264f, -0.00539517077f, 0.000968735665f, 0.00442642905f];
        for (int i = 0; i < 9; i++) Assert.Equal(torch[i], gradient.Data[i], 1e-6f);

        // The same numbers through the loss class's own gradient chained through the softmax.
        loss.Backward(softmax.Output, labels);
        softmax.Backward(loss.DInputs);
        for (int i = 0; i < 9; i++) Assert.Equal(torch[i], softmax.DInputs.Data[i], 1e-6f);

        // And the fused kernel the training loop calls computes the same loss.
        var (sum, correct) = SoftmaxCrossEntropyKernel.Step(softmax.Output, smoothed, new Matrix(3, 3));
        Assert.Equal(0.567490458 * 3, sum, 5);
        Assert.Equal(3, correct);
    }

    [Fact]
    public void SmoothedSigmoidBinaryCrossEntropyMatchesPyTorch()
    {
        var logits = Matrix.FromArray(new float[,] { { 1.5f }, { -0.5f }, { 0.25f } });
        var targets = Matrix.FromArray(new float[,] { { 1 }, { 0 }, { 1 } });
        var loss = new BinaryCrossEntropyLoss(0.2f);
        var sigmoid = new SigmoidActivation();
        sigmoid.Forward(logits, training: true);
        Assert.Equal(0.492143244, loss.Calculate(sigmoid.Output, targets), 6);
        var gradient = new Matrix(3, 1);
        SigmoidBinaryCrossEntropy.Backward(sigmoid.Output, LabelSmoothing.Apply(loss, 0.2f, targets, new Matrix(3, 1)), gradient);
        float[] torch = [-0.0274751987f, 0.0925135612f, -0.112607837f];
        for (int i = 0; i < 3; i++) Assert.Equal(torch[i], gradient.Data[i], 1e-6f);
    }

    [Fact]
    public void SmoothingOfZeroIsThePlainLoss()
    {
        var outputs = Probabilities(4, 3, seed: 5);
        var labels = Matrix.FromLabels([0, 2, 1, 1]);
        Assert.Equal(new CategoricalCrossEntropyLoss().Calculate(outputs, labels), new CategoricalCrossEntropyLoss(0f).Calculate(outputs, labels));
    }

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(1f)]
    [InlineData(float.NaN)]
    public void SmoothingOutsideZeroToOneIsRejected(float epsilon)
    {
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new CategoricalCrossEntropyLoss(epsilon)).ParamName);
        Assert.Equal("labelSmoothing", Assert.Throws<ArgumentOutOfRangeException>(() => new BinaryCrossEntropyLoss(epsilon)).ParamName);
    }

    [Fact]
    public void SmoothingRoundTripsThroughSaveAndLoad()
    {
        foreach (var (loss, output) in new (Loss, Layer)[] { (new CategoricalCrossEntropyLoss(0.15f), new SoftmaxActivation()), (new BinaryCrossEntropyLoss(0.05f), new SigmoidActivation()) })
        {
            var network = new Network(1).Add(new DenseLayer(2, 3)).Add(output).Set(loss, new AdamWOptimizer(0.01f, weightDecay: 0.02f));
            network.Build();
            using var stream = new MemoryStream();
            network.Save(stream);
            stream.Position = 0;
            var copy = Network.Load(stream);
            Assert.Equal(LabelSmoothing.Of(loss), LabelSmoothing.Of(copy.Loss!));
            Assert.Equal(loss.GetType(), copy.Loss!.GetType());
            Assert.Equal(0.02f, Assert.IsType<AdamWOptimizer>(copy.Optimizer).WeightDecay);
        }
    }

    private static void CheckLoss(Loss loss, Matrix outputs, Matrix targets)
    {
        double Value() => loss.Calculate(outputs, targets);
        loss.Backward(outputs, targets);
        GradientCheck.AssertClose(loss.DInputs.AsSpan().ToArray(), GradientCheck.Numeric(outputs.Data, Value, step: 1e-4), loss.GetType().Name);
    }

    private static Matrix Probabilities(int rows, int columns, int seed)
    {
        var softmax = new SoftmaxActivation();
        softmax.Forward(GradientCheck.Random(rows, columns, seed, scale: 0.5), training: false);
        return softmax.Output.Clone();
    }
}
