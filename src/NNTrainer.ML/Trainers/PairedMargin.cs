namespace NNTrainer.ML;

/// <summary>
/// How much lower one model's loss is than another's on the same held-out rows, row by row (round 17): the mean of the
/// differences <c>dᵢ = aᵢ − bᵢ</c> and its standard error <c>sd(d)/√n</c>. The long-training choice takes its stronger
/// penalty only when that mean clears <see cref="NeuralNetworkDefaults.StrongerPenaltyMargin"/> standard errors, a paired
/// one-sided test: a held-out mean a few per cent lower, as on R's Chile (round 16c), is within the rows' noise.
/// </summary>
/// <param name="Mean">The mean difference, positive when <c>b</c>'s losses are lower.</param>
/// <param name="StandardError">The sample standard deviation of the differences over the square root of their count.</param>
/// <param name="Rows">The number of rows compared.</param>
internal readonly record struct PairedMargin(double Mean, double StandardError, int Rows)
{
    /// <summary>The margin of <paramref name="b"/>'s per-row losses below <paramref name="a"/>'s, row for row.</summary>
    public static PairedMargin Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"{a.Length} losses against {b.Length}: the rows must be the same.", nameof(b));
        int n = a.Length;
        if (n == 0) return new(double.NaN, double.NaN, 0);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += a[i] - b[i];
        double mean = sum / n, squares = 0;
        for (int i = 0; i < n; i++)
        {
            double deviation = a[i] - b[i] - mean;
            squares += deviation * deviation;
        }
        return new(mean, n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1) / n), n);
    }

    /// <summary>
    /// Whether <paramref name="b"/>'s losses are lower than <paramref name="a"/>'s by more than <paramref name="z"/>
    /// standard errors of the mean difference (false for fewer than two rows or a non-finite loss).
    /// </summary>
    public static bool ClearlyLower(double[] a, double[] b, double z) => Of(a, b).Clears(z);

    /// <summary>Whether the mean difference exceeds <paramref name="z"/> standard errors (false when either is not finite).</summary>
    public bool Clears(double z) => double.IsFinite(Mean) && double.IsFinite(StandardError) && Mean > z * StandardError;

    /// <summary>The loss of every row of <paramref name="inputs"/> under <paramref name="network"/>'s own loss: the terms its held-out mean is made of.</summary>
    public static double[] RowLosses(Network network, Matrix inputs, Matrix targets)
    {
        var outputs = network.Predict(inputs);
        var loss = network.Loss!;
        var losses = new double[inputs.Rows];
        var output = new Matrix(1, outputs.Columns);
        var target = new Matrix(1, targets.Columns);
        for (int i = 0; i < losses.Length; i++)
        {
            outputs.Row(i).CopyTo(output.Data);
            targets.Row(i).CopyTo(target.Data);
            losses[i] = loss.SumSampleLosses(output, target);
        }
        return losses;
    }
}
