namespace NNTrainer.Cli.Evaluation;

/// <summary>
/// A double sum with Neumaier's compensation: the rounding error of each addition is carried in a second term, so
/// summing millions of per-row losses loses no more than one rounding, whatever the order of magnitude of the terms.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The sum with its carried error added back.</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;

    /// <summary>Adds <paramref name="value"/>, keeping what the addition rounded away.</summary>
    public void Add(double value)
    {
        double t = _sum + value;
        // An infinite or NaN sum stays what it is (the error term would turn infinity into NaN).
        if (!double.IsFinite(t)) { _sum = t; return; }
        // Whichever operand is larger in magnitude keeps its bits; the error is what the smaller lost.
        if (Math.Abs(_sum) >= Math.Abs(value)) _compensation += (_sum - t) + value;
        else _compensation += (value - t) + _sum;
        _sum = t;
    }
}
