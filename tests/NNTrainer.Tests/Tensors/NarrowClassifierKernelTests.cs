namespace NNTrainer.Tests.Tensors;

/// <summary>
/// <see cref="NarrowClassifierKernel"/> on its own: its forward and backward passes against scalar sums in the GEMM
/// path's order (the step tests compare whole trainings against the layer-by-layer path), a numerical gradient check,
/// and its argument checks. Machines without AVX-512 never run it: there the passes must refuse.
/// </summary>
public class NarrowClassifierKernelTests
{
    public static TheoryData<int, int, int, int> Shapes => new()
    {
        // inputs, hidden, classes, rows
        { 9, 100, 7, 32 },    // Shuttle's network
        { 16, 100, 26, 32 },  // LetterRecognition's
        { 1, 17, 2, 1 },
        { 16, 33, 8, 45 },
        { 5, 16, 9, 77 },     // the first class of the wide passes
        { 3, 1, 31, 33 },     // the most classes, one hidden unit
        { 16, 47, 31, 63 },
        { 7, 20, 17, 5 },
        { 12, 64, 24, 31 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ForwardAndBackwardEqualTheGemmOrderBitForBit(int k, int hidden, int classes, int rows)
    {
        var net = new NarrowClassifierCase(k, hidden, classes, rows, seed: k * 1000 + hidden * 10 + classes);
        if (!NarrowClassifierKernel.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => net.Forward());
            return;
        }
        var logitsT = net.Forward();
        var (a, expectedLogits) = ReferenceForward(net);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < classes; j++) Assert.True(expectedLogits[i, j].Equals(logitsT[j * net.Ld + i]), $"logit [{i}, {j}]");

        var gradientT = net.RandomGradientT(seed: rows);
        var (dW1, dB1, dW2, dB2) = net.Backward(gradientT);
        var expected = ReferenceBackward(net, a, gradientT);
        Assert.True(expected.DW1.AsSpan().SequenceEqual(dW1), "dW1");
        Assert.True(expected.DB1.AsSpan().SequenceEqual(dB1), "dB1");
        Assert.True(expected.DW2.AsSpan().SequenceEqual(dW2), "dW2");
        Assert.True(expected.DB2.AsSpan().SequenceEqual(dB2), "dB2");
    }

    [Theory]
    [InlineData(16, 20, 26, 35)]
    [InlineData(9, 12, 7, 10)]
    public void TheGradientsAreTheLogitsDerivatives(int k, int hidden, int classes, int rows)
    {
        // The loss Σ c[j, i]·logit[j, i] has the logit gradient c: the backward pass from c is the loss's gradient.
        var net = new NarrowClassifierCase(k, hidden, classes, rows, seed: 5);
        if (!NarrowClassifierKernel.IsSupported) return;
        var c = net.RandomGradientT(seed: 6);
        var (dW1, dB1, dW2, dB2) = net.Backward(c, forward: true);
        double Loss()
        {
            var (_, logits) = DoubleForward(net);
            double sum = 0;
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < classes; j++) sum += c[j * net.Ld + i] * logits[i, j];
            return sum;
        }
        void Check(float[] parameter, float[] gradient, string name)
        {
            for (int at = 0; at < parameter.Length; at += Math.Max(1, parameter.Length / 7))
            {
                float saved = parameter[at];
                parameter[at] = saved + 1e-4f;
                double up = Loss();
                parameter[at] = saved - 1e-4f;
                double down = Loss();
                parameter[at] = saved;
                double numeric = (up - down) / ((double)(saved + 1e-4f) - (saved - 1e-4f));
                Assert.True(Math.Abs(numeric - gradient[at]) <= 1e-3 * (1 + Math.Abs(numeric)), $"{name}[{at}]: {gradient[at]} against {numeric}");
            }
        }
        Check(net.W1, dW1, "w1");
        Check(net.B1, dB1, "b1");
        Check(net.W2, dW2, "w2");
        Check(net.B2, dB2, "b2");
    }

    [Fact]
    public void BadShapesAndBuffersAreRefusedByName()
    {
        var net = new NarrowClassifierCase(16, 10, 31, 20, seed: 1);
        var forClasses = Assert.Throws<ArgumentOutOfRangeException>(() => new NarrowClassifierCase(4, 10, 32, 20, seed: 1).Forward());
        Assert.Equal("classes", forClasses.ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new NarrowClassifierCase(17, 10, 5, 20, seed: 1).Forward()).ParamName);
        Assert.Equal("ld", Assert.Throws<ArgumentOutOfRangeException>(() => net.Forward(ld: net.Ld + 1)).ParamName);
        Assert.Equal("hidden", Assert.Throws<ArgumentOutOfRangeException>(() => new NarrowClassifierCase(4, 0, 5, 20, seed: 1).Forward()).ParamName);
        if (!NarrowClassifierKernel.IsSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => net.Forward());
            return;
        }
        var shortW2 = Assert.Throws<ArgumentException>(() => net.Forward(w2Short: true));
        Assert.Equal("w2", shortW2.ParamName);
        Assert.Contains("310 are needed", shortW2.Message);
        var gradientT = net.RandomGradientT(seed: 2);
        Assert.Equal("gradientT", Assert.Throws<ArgumentException>(() => net.Backward(gradientT.AsSpan(0, gradientT.Length - 1).ToArray())).ParamName);
    }

    /// <summary>Hidden layer and logits as DenseLayer's GEMMs compute them: products from the first input on, then the bias, then ReLU.</summary>
    private static (float[,] A, float[,] Logits) ReferenceForward(NarrowClassifierCase net)
    {
        var a = new float[net.Rows, net.Hidden];
        var logits = new float[net.Rows, net.Classes];
        for (int i = 0; i < net.Rows; i++)
        {
            for (int h = 0; h < net.Hidden; h++)
            {
                float z = 0;
                for (int p = 0; p < net.K; p++) z = MathF.FusedMultiplyAdd(net.X[i * net.K + p], net.W1[p * net.Hidden + h], z);
                z += net.B1[h];
                a[i, h] = Math.Max(0f, z);
            }
            for (int j = 0; j < net.Classes; j++)
            {
                float y = 0;
                for (int h = 0; h < net.Hidden; h++) y = MathF.FusedMultiplyAdd(a[i, h], net.W2[h * net.Classes + j], y);
                logits[i, j] = y + net.B2[j];
            }
        }
        return (a, logits);
    }

    private static (float[] DW1, float[] DB1, float[] DW2, float[] DB2) ReferenceBackward(NarrowClassifierCase net, float[,] a, float[] gradientT)
    {
        int k = net.K, hidden = net.Hidden, classes = net.Classes, rows = net.Rows;
        var dz = new float[rows, hidden];
        for (int i = 0; i < rows; i++)
            for (int h = 0; h < hidden; h++)
            {
                float sum = 0;
                for (int j = 0; j < classes; j++) sum = MathF.FusedMultiplyAdd(gradientT[j * net.Ld + i], net.W2[h * classes + j], sum);
                dz[i, h] = a[i, h] > 0 ? sum : 0;
            }
        var dW1 = new float[k * hidden];
        var dB1 = new float[hidden];
        var dW2 = new float[hidden * classes];
        var dB2 = new float[classes];
        for (int h = 0; h < hidden; h++)
        {
            for (int p = 0; p < k; p++)
            {
                float sum = 0;
                for (int i = 0; i < rows; i++) sum = MathF.FusedMultiplyAdd(net.X[i * k + p], dz[i, h], sum);
                dW1[p * hidden + h] = sum;
            }
            float bias = 0;
            for (int i = 0; i < rows; i++) bias += dz[i, h];
            dB1[h] = bias;
            for (int j = 0; j < classes; j++)
            {
                float sum = 0;
                for (int i = 0; i < rows; i++) sum = MathF.FusedMultiplyAdd(a[i, h], gradientT[j * net.Ld + i], sum);
                dW2[h * classes + j] = sum;
            }
        }
        for (int j = 0; j < classes; j++)
        {
            float sum = 0;
            for (int i = 0; i < rows; i++) sum += gradientT[j * net.Ld + i];
            dB2[j] = sum;
        }
        return (dW1, dB1, dW2, dB2);
    }

    /// <summary>The same network in double precision, for the numerical gradient.</summary>
    private static (double[,] A, double[,] Logits) DoubleForward(NarrowClassifierCase net)
    {
        var logits = new double[net.Rows, net.Classes];
        var a = new double[net.Rows, net.Hidden];
        for (int i = 0; i < net.Rows; i++)
        {
            for (int h = 0; h < net.Hidden; h++)
            {
                double z = net.B1[h];
                for (int p = 0; p < net.K; p++) z += (double)net.X[i * net.K + p] * net.W1[p * net.Hidden + h];
                a[i, h] = Math.Max(0, z);
            }
            for (int j = 0; j < net.Classes; j++)
            {
                double y = net.B2[j];
                for (int h = 0; h < net.Hidden; h++) y += a[i, h] * net.W2[h * net.Classes + j];
                logits[i, j] = y;
            }
        }
        return (a, logits);
    }
}
