namespace NNTrainer.Tests.TestSupport;

/// <summary>
/// Central-difference gradient checks. The scalar being differentiated is computed in double from the float32
/// forward pass, and the step is large enough (1e-3) that float32 rounding stays well below the tolerance.
/// </summary>
internal static class GradientCheck
{
    public const double Step = 1e-3;

    /// <summary>d/dx_i of f at x, for every i, by (f(x + h) − f(x − h)) / 2h.</summary>
    public static double[] Numeric(float[] x, Func<double> f, double step = Step)
    {
        var g = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            float saved = x[i];
            x[i] = (float)(saved + step);
            double up = f();
            x[i] = (float)(saved - step);
            double down = f();
            x[i] = saved;
            // Divide by the step actually taken in float32, not the nominal one.
            g[i] = (up - down) / ((double)(float)(saved + step) - (float)(saved - step));
        }
        return g;
    }

    public static void AssertClose(ReadOnlySpan<float> analytic, double[] numeric, string what, double relative = 2e-2, double absolute = 2e-3)
    {
        Assert.Equal(numeric.Length, analytic.Length);
        double scale = 0;
        foreach (double v in numeric) scale = Math.Max(scale, Math.Abs(v));
        for (int i = 0; i < numeric.Length; i++)
        {
            double a = analytic[i], n = numeric[i];
            double tolerance = absolute * Math.Max(1, scale) + relative * Math.Max(Math.Abs(a), Math.Abs(n));
            Assert.True(Math.Abs(a - n) <= tolerance, $"{what}[{i}]: analytic {a}, numeric {n} (tolerance {tolerance})");
        }
    }

    /// <summary>
    /// The book's check of a layer: with the scalar Σ output ⊙ <paramref name="upstream"/>, <c>Backward</c>'s input
    /// gradient and every parameter's gradient against central differences (parameter gradients are taken before the
    /// numeric passes, which run only <c>Forward</c>).
    /// </summary>
    public static void AssertLayer(Layer layer, Matrix x, Matrix upstream, bool training = true, double step = Step)
    {
        double Loss()
        {
            layer.Forward(x, training);
            return Project(layer.Output, upstream);
        }

        Loss();
        layer.Backward(upstream);
        var gradients = layer.Parameters.Select(p => (float[])p.Gradients.Clone()).ToArray();
        AssertClose(layer.DInputs.AsSpan(), Numeric(x.Data, Loss, step), "dInputs");
        for (int i = 0; i < gradients.Length; i++)
        {
            AssertClose(gradients[i], Numeric(layer.Parameters[i].Values, Loss, step), "d" + layer.Parameters[i].Name);
        }
    }

    /// <summary>Σ output ⊙ weights in double: a scalar whose gradient with respect to the output is <paramref name="weights"/>.</summary>
    public static double Project(Matrix output, Matrix weights)
    {
        double sum = 0;
        var o = output.AsSpan();
        var w = weights.AsSpan();
        for (int i = 0; i < o.Length; i++) sum += (double)o[i] * w[i];
        return sum;
    }

    public static Matrix Random(int rows, int columns, int seed, double scale = 1.0, double offset = 0.0)
    {
        var random = new SeededRandom(seed);
        var m = new Matrix(rows, columns);
        for (int i = 0; i < m.Length; i++) m.Data[i] = (float)(offset + scale * random.NextGaussian());
        return m;
    }

    /// <summary>Random values bounded away from zero (|x| ≥ margin), so kinks at zero are never straddled by the step.</summary>
    public static Matrix AwayFromZero(int rows, int columns, int seed, double margin = 0.05)
    {
        var m = Random(rows, columns, seed);
        for (int i = 0; i < m.Length; i++)
        {
            float v = m.Data[i];
            if (Math.Abs(v) < margin) m.Data[i] = v < 0 ? (float)-margin - Math.Abs(v) : (float)margin + Math.Abs(v);
        }
        return m;
    }
}
