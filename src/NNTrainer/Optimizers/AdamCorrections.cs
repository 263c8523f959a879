namespace NNTrainer.Optimizers;

/// <summary>
/// Adam's bias corrections 1 / (1 − β₁ᵗ) and 1 / (1 − β₂ᵗ) of step t, kept so that they are computed once per step
/// rather than once per parameter.
/// </summary>
internal struct AdamCorrections
{
    private long _step;
    private float _correction1, _correction2;

    /// <summary>No step computed yet.</summary>
    public static AdamCorrections None => new() { _step = -1 };

    /// <summary>The corrections of step <paramref name="t"/> (from 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (float, float) For(long t, float beta1, float beta2)
    {
        if (t != _step)
        {
            _correction1 = (float)(1.0 / (1.0 - Math.Pow(beta1, t)));
            _correction2 = (float)(1.0 / (1.0 - Math.Pow(beta2, t)));
            _step = t;
        }
        return (_correction1, _correction2);
    }
}
