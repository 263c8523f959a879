namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// The one-cycle policy (Smith &amp; Topin), as PyTorch's <c>OneCycleLR</c> computes it with cosine annealing and two
/// phases, changed before every step t (from 0) of T = epochs × batches per epoch. The optimizer's learning rate is the
/// peak α_max. Phase 1, up to step <c>s = pctStart·T − 1</c>: from <c>α_max / divFactor</c> up to α_max; phase 2, up
/// to step T − 1: from α_max down to <c>α_max / divFactor / finalDivFactor</c>; within a phase from a to b,
/// <c>α = b + (a − b)·(1 + cos(π·p))/2</c> with p the fraction of the phase done.
/// </summary>
/// <remarks>Only the rate cycles: PyTorch by default also cycles the momentum (Adam's β₁), which this schedule leaves alone (<c>cycle_momentum=False</c>).</remarks>
public sealed class OneCycleSchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule; the defaults are PyTorch's.</summary>
    /// <param name="pctStart">Fraction of the steps spent climbing, in (0, 1) (default 0.3).</param>
    /// <param name="divFactor">The starting rate is α_max / divFactor; ≥ 1 (default 25).</param>
    /// <param name="finalDivFactor">The final rate is the starting rate / finalDivFactor; ≥ 1 (default 10⁴).</param>
    public OneCycleSchedule(float pctStart = 0.3f, float divFactor = 25f, float finalDivFactor = 1e4f)
    {
        PctStart = Require(pctStart, pctStart > 0f && pctStart < 1f, nameof(pctStart), "in (0, 1)");
        DivFactor = Require(divFactor, float.IsFinite(divFactor) && divFactor >= 1f, nameof(divFactor), "a finite number ≥ 1");
        FinalDivFactor = Require(finalDivFactor, float.IsFinite(finalDivFactor) && finalDivFactor >= 1f, nameof(finalDivFactor), "a finite number ≥ 1");
    }

    /// <summary>Fraction of the steps spent climbing.</summary>
    public float PctStart { get; }

    /// <summary>The starting rate is the peak divided by this.</summary>
    public float DivFactor { get; }

    /// <summary>The final rate is the starting rate divided by this.</summary>
    public float FinalDivFactor { get; }

    /// <inheritdoc />
    public override bool PerStep => true;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress)
    {
        // PyTorch's phases, in float64 as Python computes them: the climb ends on step pctStart·T − 1.
        double peak = initialRate;
        double start = peak / DivFactor;
        double end = start / FinalDivFactor;
        // The float fraction goes through decimal to its shortest form (0.3f → 0.3), the double PyTorch multiplies by.
        double climbEnd = (double)(decimal)PctStart * progress.TotalSteps - 1;
        double last = progress.TotalSteps - 1;
        double t = progress.Step;
        return t <= climbEnd
            ? (float)Anneal(start, peak, Fraction(t, climbEnd))
            : (float)Anneal(peak, end, Fraction(t - climbEnd, last - climbEnd));
    }

    /// <summary>How much of a phase <paramref name="length"/> steps long is done after <paramref name="done"/> steps; a phase of no length is done.</summary>
    private static double Fraction(double done, double length) => length > 0 ? Math.Clamp(done / length, 0, 1) : 1;

    private static double Anneal(double from, double to, double fraction) =>
        to + (from - to) / 2 * (Math.Cos(Math.PI * fraction) + 1);
}
