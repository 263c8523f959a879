using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Layers;

public class DenseLayerTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 3, 5)]
    [InlineData(7, 13, 2)]
    [InlineData(33, 17, 9)]
    public void BackwardMatchesNumericalGradient(int rows, int inputs, int neurons)
    {
        var layer = BuiltLayer(inputs, neurons, seed: rows + inputs + neurons);
        var x = GradientCheck.Random(rows, inputs, seed: 11);
        var upstream = GradientCheck.Random(rows, neurons, seed: 12);
        GradientCheck.AssertLayer(layer, x, upstream);
    }

    [Fact]
    public void RegularizationGradientMatchesNumericalGradientOfRegularizationLoss()
    {
        var layer = new DenseLayer(5, 4, weightL1: 0.01f, weightL2: 0.02f, biasL1: 0.03f, biasL2: 0.04f);
        var network = new Network(seed: 3).Add(layer);
        network.Build();
        var biases = layer.Biases.Values;
        for (int i = 0; i < biases.Length; i++) biases[i] = (i % 2 == 0 ? 0.3f : -0.2f) * (i + 1);
        var x = GradientCheck.Random(6, 5, seed: 4);
        var upstream = GradientCheck.Random(6, 4, seed: 5);
        double Loss()
        {
            layer.Forward(x, training: true);
            return GradientCheck.Project(layer.Output, upstream) + network.RegularizationLoss();
        }

        Loss();
        layer.Backward(upstream);
        var dWeights = (float[])layer.Weights.Gradients.Clone();
        var dBiases = (float[])layer.Biases.Gradients.Clone();
        GradientCheck.AssertClose(dWeights, GradientCheck.Numeric(layer.Weights.Values, Loss), "dWeights");
        GradientCheck.AssertClose(dBiases, GradientCheck.Numeric(layer.Biases.Values, Loss), "dBiases");
    }

    [Fact]
    public void RegularizationLossIsTheBooksFormula()
    {
        var layer = new DenseLayer(2, 1, weightL1: 0.5f, weightL2: 0.25f, biasL1: 0.1f, biasL2: 2f);
        layer.Weights.Values[0] = -2f;
        layer.Weights.Values[1] = 3f;
        layer.Biases.Values[0] = -1f;
        // L1: 0.5·(2 + 3) = 2.5; L2: 0.25·(4 + 9) = 3.25; biases: 0.1·1 + 2·1 = 2.1
        double total = layer.Parameters.Sum(p => p.RegularizationLoss());
        Assert.Equal(2.5 + 3.25 + 2.1, total, 6);
    }

    [Fact]
    public void ForwardComputesInputsTimesWeightsPlusBiases()
    {
        var layer = new DenseLayer(2, 3);
        float[] w = [1, 2, 3, 4, 5, 6];
        w.CopyTo(layer.Weights.Values, 0);
        float[] b = [0.5f, -1, 2];
        b.CopyTo(layer.Biases.Values, 0);
        var x = Matrix.FromArray(new float[,] { { 1, 1 }, { 2, -1 } });
        layer.Forward(x, training: false);
        Assert.Equal(new float[] { 5.5f, 6, 11, -1.5f, -2, 2 }, layer.Output.AsSpan().ToArray());

        var inferred = new Matrix(2, 3);
        layer.Infer(x, inferred);
        Assert.Equal(layer.Output.AsSpan().ToArray(), inferred.AsSpan().ToArray());
    }

    [Fact]
    public void InitializersDrawTheDocumentedDistributions()
    {
        static float[] Weights(WeightInitializer kind, Layer next)
        {
            var layer = new DenseLayer(400, 300, initializer: kind);
            new Network(seed: 9).Add(layer).Add(next).Build();
            Assert.All(layer.Biases.Values, b => Assert.Equal(0f, b));
            return layer.Weights.Values;
        }

        static double Std(float[] v) => Math.Sqrt(v.Select(x => (double)x * x).Average());

        Assert.Equal(Math.Sqrt(2.0 / 400), Std(Weights(WeightInitializer.He, new SigmoidActivation())), 3);
        Assert.Equal(Math.Sqrt(2.0 / 400), Std(Weights(WeightInitializer.Auto, new ReLUActivation())), 3);
        double limit = Math.Sqrt(6.0 / 700);
        var glorot = Weights(WeightInitializer.Auto, new TanhActivation());
        Assert.True(glorot.Max() <= limit && glorot.Min() >= -limit);
        Assert.Equal(limit / Math.Sqrt(3), Std(glorot), 3);
        Assert.Equal(0.01, Std(Weights(WeightInitializer.Book, new ReLUActivation())), 3);
    }

    [Fact]
    public void WrongInputWidthIsRejectedWithBothSizes()
    {
        var layer = BuiltLayer(4, 2, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => layer.Forward(new Matrix(3, 5), training: true));
        Assert.Contains("4", e.Message);
        Assert.Contains("5", e.Message);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 0)]
    [InlineData(-1, 3)]
    public void NonPositiveSizesAreRejected(int inputs, int neurons) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseLayer(inputs, neurons));

    [Theory]
    [InlineData(-0.1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void InvalidRegularizationStrengthsAreRejected(float strength) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DenseLayer(2, 2, weightL2: strength));

    private static DenseLayer BuiltLayer(int inputs, int neurons, int seed)
    {
        var layer = new DenseLayer(inputs, neurons, initializer: WeightInitializer.Glorot);
        new Network(seed).Add(layer).Build();
        layer.ComputeInputGradient = true;
        var b = layer.Biases.Values;
        for (int i = 0; i < b.Length; i++) b[i] = 0.1f * (i - b.Length / 2);
        return layer;
    }
}
