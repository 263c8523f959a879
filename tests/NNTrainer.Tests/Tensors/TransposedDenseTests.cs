namespace NNTrainer.Tests.Tensors;

/// <summary>A dense layer's products with the batch transposed against the row-major GEMMs, bit for bit.</summary>
public class TransposedDenseTests
{
    [Theory]
    [InlineData(300, 64, 3)]
    [InlineData(37, 5, 6)]
    [InlineData(128, 128, 10)]
    [InlineData(17, 2, 64)]
    public void ForwardAndGradientsEqualTheRowMajorProducts(int rows, int k, int n)
    {
        var x = GemmKernelsTests.Random(rows * k, seed: 1);
        var w = GemmKernelsTests.Random(k * n, seed: 2);
        var b = GemmKernelsTests.Random(n, seed: 3);
        var dY = GemmKernelsTests.Random(rows * n, seed: 4);
        var mask = GemmKernelsTests.Random(rows * k, seed: 5);
        int ld = TransposedDense.LeadingDimension(rows);

        var y = new float[rows * n];
        GemmKernels.MultiplyNN(x, w, y, rows, k, n, accumulate: false, 1, b, relu: true);
        var xT = new float[k * ld];
        TransposedDense.Transpose(x, rows, k, xT, ld);
        var yT = new float[n * ld];
        TransposedDense.Forward(xT, ld, k, w, b, n, yT, relu: true, numberOfThreads: 1);
        Assert.Equal(y, Transposed(yT, ld, rows, n));

        var dW = new float[k * n];
        var dB = new float[n];
        GemmKernels.MultiplyTN(x, dY, dW, k, rows, n, accumulate: false, 1, bColumnSums: dB);
        var dYT = new float[n * ld];
        TransposedDense.Transpose(dY, rows, n, dYT, ld);
        var dW2 = new float[k * n];
        var dB2 = new float[n];
        TransposedDense.WeightGradient(dYT, ld, rows, x, k, n, dW2, dB2, numberOfThreads: 1);
        Assert.Equal(dW, dW2);
        Assert.Equal(dB, dB2);

        var dX = new float[rows * k];
        GemmKernels.MultiplyNT(dY, w, dX, rows, n, k, accumulate: false, 1, reluMask: mask);
        var dX2 = new float[rows * k];
        TransposedDense.InputGradient(dYT, ld, rows, w, k, n, dX2, mask, numberOfThreads: 2);
        Assert.Equal(dX, dX2);
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TransposedDense.Forward(new float[40], 20, 2, new float[6], new float[3], 3, new float[60], false, 1));
        Assert.Throws<ArgumentException>(() => TransposedDense.Forward(new float[16], 16, 2, new float[6], new float[3], 3, new float[48], false, 1));
    }

    private static float[] Transposed(float[] t, int ld, int rows, int n)
    {
        var r = new float[rows * n];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++) r[i * n + j] = t[j * ld + i];
        }
        return r;
    }
}
