namespace NNTrainer.Optimizers.Schedules;

/// <summary>
/// Lowers the rate when the monitored loss (validation loss when there is validation data, training loss otherwise)
/// stops improving, as PyTorch's <c>ReduceLROnPlateau</c> in mode "min" with a relative threshold: after an epoch
/// whose loss is not below <c>best·(1 − threshold)</c>, the count of bad epochs grows; once it exceeds
/// <see cref="Patience"/>, the rate becomes <c>max(rate·factor, minLearningRate)</c>, the count restarts, and for
/// <see cref="Cooldown"/> epochs bad epochs are not counted. Changes once per epoch, taking effect from the next.
/// </summary>
public sealed class ReduceOnPlateauSchedule : LearningRateSchedule
{
    private float _rate;
    private double _best;
    private int _badEpochs;
    private int _cooldownLeft;

    /// <summary>Creates the schedule; the defaults are PyTorch's.</summary>
    /// <param name="factor">The factor applied at every reduction, in (0, 1) (default 0.1).</param>
    /// <param name="patience">Bad epochs tolerated before a reduction, ≥ 0 (default 10).</param>
    /// <param name="minLearningRate">The rate never goes below this, finite and ≥ 0 (default 0).</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted, ≥ 0 (default 0).</param>
    /// <param name="threshold">Relative improvement that counts, in [0, 1) (default 10⁻⁴).</param>
    public ReduceOnPlateauSchedule(float factor = 0.1f, int patience = 10, float minLearningRate = 0f, int cooldown = 0, float threshold = 1e-4f)
    {
        Factor = Require(factor, factor > 0f && factor < 1f, nameof(factor), "in (0, 1)");
        Patience = Require(patience, patience >= 0, nameof(patience), "≥ 0");
        MinLearningRate = Require(minLearningRate, float.IsFinite(minLearningRate) && minLearningRate >= 0f, nameof(minLearningRate), "a finite number ≥ 0");
        Cooldown = Require(cooldown, cooldown >= 0, nameof(cooldown), "≥ 0");
        Threshold = Require(threshold, threshold >= 0f && threshold < 1f, nameof(threshold), "in [0, 1)");
    }

    /// <summary>The factor applied at every reduction.</summary>
    public float Factor { get; }

    /// <summary>Bad epochs tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The rate never goes below this.</summary>
    public float MinLearningRate { get; }

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>Relative improvement of the best loss that counts as one.</summary>
    public float Threshold { get; }

    /// <inheritdoc />
    public override bool PerStep => false;

    /// <inheritdoc />
    public override float LearningRate(float initialRate, TrainingProgress progress) => _rate;

    /// <inheritdoc />
    public override void Reset(float initialRate)
    {
        _rate = initialRate;
        _best = double.PositiveInfinity;
        _badEpochs = 0;
        _cooldownLeft = 0;
    }

    /// <inheritdoc />
    public override void EpochEnded(double monitoredLoss)
    {
        if (monitoredLoss < _best * (1 - (double)Threshold))
        {
            _best = monitoredLoss;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs > Patience)
        {
            float reduced = Math.Max(_rate * Factor, MinLearningRate);
            // PyTorch skips reductions smaller than 1e−8, so a rate at its floor stays put.
            if (_rate - reduced > 1e-8f) _rate = reduced;
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
    }
}
