namespace NNTrainer.Tests.Tensors;

/// <summary>The transposed classifier pass against the row-major softmax and fused statistics it stands in for, bit for bit.</summary>
public class TransposedSoftmaxCrossEntropyKernelTests
{
    [Theory]
    [InlineData(300, 3)]
    [InlineData(37, 2)]
    [InlineData(16, 6)]
    [InlineData(5, 4)]
    [InlineData(129, 5)]
    public void MatchesTheRowMajorSoftmaxAndStatistics(int rows, int classes)
    {
        var random = new Random(rows + classes);
        var logits = new Matrix(rows, classes);
        for (int i = 0; i < logits.Data.Length; i++) logits.Data[i] = (float)(random.NextDouble() * 8 - 4);
        // Saturation, ties between classes, signed zeros, a NaN row and an infinite logit: every rule of softmax and argmax.
        logits.Data[0] = 80f;
        if (rows > 4)
        {
            for (int j = 0; j < classes; j++) logits[1, j] = 0.5f;
            logits[2, 0] = -0f;
            logits[2, 1] = 0f;
            logits[3, classes - 1] = float.NaN;
            logits[4, 1] = float.PositiveInfinity;
        }
        var labels = Matrix.FromLabels(Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray());

        var probabilities = new Matrix(rows, classes);
        Kernels.Softmax(logits.AsSpan(), probabilities.AsSpan(), rows, classes);
        var expectedGradient = new Matrix(rows, classes);
        var (expectedLoss, expectedCorrect) = SoftmaxCrossEntropyKernel.Step(probabilities, labels, expectedGradient);

        int ld = TransposedDense.LeadingDimension(rows);
        var logitsT = new float[classes * ld];
        TransposedDense.Transpose(logits.Data, rows, classes, logitsT, ld);
        var gradientT = new float[classes * ld];
        var (loss, correct) = TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, classes, rows, labels.Data, gradientT);

        var gradient = new float[rows * classes];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < classes; j++) gradient[i * classes + j] = gradientT[j * ld + i];
        }
        Assert.Equal(expectedCorrect, correct);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expectedLoss), BitConverter.DoubleToInt64Bits(loss));
        Assert.Equal(expectedGradient.Data.Select(BitConverter.SingleToInt32Bits), gradient.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void BadLabelsAreNamedByRow()
    {
        int ld = 16;
        var logitsT = new float[3 * ld];
        var labels = new float[] { 0, 1, 2, 1, 0, 2, 1, 1, 0, 2, 2.5f, 1 };
        var e = Assert.Throws<ArgumentException>(() => TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, 3, 12, labels, new float[3 * ld]));
        Assert.Contains("row 10", e.Message);
        labels[10] = float.NaN;
        Assert.Contains("row 10", Assert.Throws<ArgumentException>(() => TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, 3, 12, labels, new float[3 * ld])).Message);
        labels[10] = 3;
        Assert.Contains("row 10", Assert.Throws<ArgumentException>(() => TransposedSoftmaxCrossEntropyKernel.Step(logitsT, ld, 3, 12, labels, new float[3 * ld])).Message);
    }
}
