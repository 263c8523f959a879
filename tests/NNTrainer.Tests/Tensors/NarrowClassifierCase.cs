namespace NNTrainer.Tests.Tensors;

/// <summary>A random k-hidden-classes network and batch for <see cref="NarrowClassifierKernel"/>, with the buffers its two passes take.</summary>
internal sealed class NarrowClassifierCase
{
    public NarrowClassifierCase(int k, int hidden, int classes, int rows, int seed)
    {
        (K, Hidden, Classes, Rows) = (k, hidden, classes, rows);
        Ld = NarrowClassifierKernel.LeadingDimension(rows);
        var random = new Random(seed);
        X = Values(random, rows * k, 1.5f);
        W1 = Values(random, k * hidden, 0.8f);
        B1 = Values(random, hidden, 0.3f);
        W2 = Values(random, hidden * classes, 0.5f);
        B2 = Values(random, classes, 0.2f);
    }

    public int K { get; }
    public int Hidden { get; }
    public int Classes { get; }
    public int Rows { get; }
    public int Ld { get; }
    public float[] X { get; }
    public float[] W1 { get; }
    public float[] B1 { get; }
    public float[] W2 { get; }
    public float[] B2 { get; }

    private float[] _activations = [];

    /// <summary>The forward pass into fresh buffers; returns the transposed logits, [classes × ld].</summary>
    public float[] Forward(int? ld = null, bool w2Short = false)
    {
        int stride = ld ?? Ld;
        int padded = NarrowClassifierKernel.PaddedHidden(Hidden);
        var logitsT = new float[Classes * stride];
        _activations = new float[stride * padded];
        NarrowClassifierKernel.Forward(X, Rows, K, W1, B1, Hidden, w2Short ? W2.AsSpan(0, W2.Length - 1) : W2, B2, Classes,
            new float[K * stride], logitsT, stride, new float[padded * stride], _activations);
        return logitsT;
    }

    /// <summary>The backward pass from <paramref name="gradientT"/> (after a forward pass, run first when <paramref name="forward"/>).</summary>
    public (float[] DW1, float[] DB1, float[] DW2, float[] DB2) Backward(float[] gradientT, bool forward = false)
    {
        if (forward) Forward();
        var result = (new float[K * Hidden], new float[Hidden], new float[Hidden * Classes], new float[Classes]);
        NarrowClassifierKernel.Backward(X, Rows, K, Hidden, W2, Classes, gradientT, Ld, _activations, result.Item1, result.Item2, result.Item3, result.Item4);
        return result;
    }

    /// <summary>A random output gradient, transposed, [classes × ld]; the padding columns hold values too, which no sum may read.</summary>
    public float[] RandomGradientT(int seed) => Values(new Random(seed), Classes * Ld, 1f);

    private static float[] Values(Random random, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        return values;
    }
}
