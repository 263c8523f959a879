namespace NNTrainer.Training;

/// <summary>
/// The default training length of the convolutional networks (ShallowNet, LeNet, MiniVGGNet), shared by the ML.NET
/// multiclass trainer, the <c>nntrainer</c> command line and the F# API: about <see cref="TargetSteps"/> weight updates,
/// within [<see cref="MinimumEpochs"/>, <see cref="MaximumEpochs"/>] epochs, at a constant learning rate. A caller who
/// asks for early stopping (a patience) without an epoch count gets up to <see cref="MaximumEpochs"/> epochs on a
/// <see cref="ValidationFraction"/> hold-out instead. Networks of dense layers keep the tabular rule.
/// </summary>
/// <remarks>
/// Measured on the image folders of benchmarks/images (docs/images.md, "Default length"): the tabular rule (about 10,000
/// updates: 67 epochs on 4,800 images, 167 on 1,920) reached the same test accuracy as 2,000 updates at 5–6 times the
/// CPU and twice the test log-loss (it fits the training images exactly and grows over-confident). Early stopping on a
/// 10 % hold-out was cheaper still but scored 0.01–0.03 lower: it trains on 90 % of the images and stops at the lowest
/// validation loss, which comes before the best accuracy; refitting on every image for the stopping epoch recovered
/// about half of that for half as much CPU again.
/// </remarks>
public static class ConvolutionalDefaults
{
    /// <summary>The default length aims at about this many weight updates: 2,000.</summary>
    public const int TargetSteps = 2_000;

    /// <summary>The fewest epochs of the default length: 5 (from about 12,000 images on, in batches of 32).</summary>
    public const int MinimumEpochs = 5;

    /// <summary>The most epochs: 50 (up to 1,280 images in batches of 32; and the cap of early stopping without an epoch count).</summary>
    public const int MaximumEpochs = 50;

    /// <summary>The share of the training images held out when early stopping is asked for without a hold-out: 0.1.</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>
    /// The fewest images that default hold-out may have: 20 (10 % of 195 images). A smaller one measures its loss too
    /// coarsely to stop on; with fewer training images early stopping watches the training loss.
    /// </summary>
    public const int MinimumValidationImages = 20;

    /// <summary>
    /// The length for a training set of <paramref name="rows"/> images when no epoch count is given: about
    /// <see cref="TargetSteps"/> updates in batches of <paramref name="batchSize"/>, clamped to
    /// [<see cref="MinimumEpochs"/>, <see cref="MaximumEpochs"/>] (in batches of 32: 50 epochs up to 1,280 images, 33 for
    /// 1,920, 13 for 4,800, 6 for 10,000, 5 from about 12,000 on); with a <paramref name="patience"/>, up to <see cref="MaximumEpochs"/>
    /// epochs stopping early on the caller's hold-out or validation data, or else on a <see cref="ValidationFraction"/> hold-out.
    /// </summary>
    /// <param name="rows">Training images.</param>
    /// <param name="batchSize">Images per weight update.</param>
    /// <param name="validationFraction">The caller's hold-out fraction, or 0 for none.</param>
    /// <param name="patience">The caller's early-stopping patience, or 0 for none.</param>
    /// <param name="validationData">Whether the caller passes validation data of its own.</param>
    /// <returns>The epochs, hold-out and patience to train with.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="batchSize"/> is below 1, the fraction is outside [0, 1) or the patience is negative.</exception>
    public static ConvolutionalLength For(long rows, int batchSize = 32, double validationFraction = 0, int patience = 0, bool validationData = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        if (patience == 0)
        {
            long steps = (rows + batchSize - 1) / batchSize;
            int epochs = (int)Math.Clamp(Math.Round((double)TargetSteps / steps, MidpointRounding.AwayFromZero), MinimumEpochs, MaximumEpochs);
            double watched = validationData ? 0 : validationFraction;
            return new ConvolutionalLength(epochs, watched, 0, (int)Math.Round(rows * watched), TooFewImages: false);
        }
        if (validationData) return new ConvolutionalLength(MaximumEpochs, 0, patience, 0, TooFewImages: false);
        double fraction = validationFraction > 0 ? validationFraction : ValidationFraction;
        int held = (int)Math.Round(rows * fraction);
        // Only the default hold-out gives way: a fraction the caller chose is theirs to keep (the training loop refuses an empty one).
        if (held < MinimumValidationImages && validationFraction == 0) return new ConvolutionalLength(MaximumEpochs, 0, patience, 0, TooFewImages: true);
        return new ConvolutionalLength(MaximumEpochs, fraction, patience, held, TooFewImages: false);
    }
}
