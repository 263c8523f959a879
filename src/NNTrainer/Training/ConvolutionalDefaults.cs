namespace NNTrainer.Training;

/// <summary>
/// The default training length of the convolutional networks (ShallowNet, LeNet, MiniVGGNet), shared by the ML.NET
/// multiclass trainer, the <c>nntrainer</c> command line and the F# API: hold out <see cref="ValidationFraction"/> of the
/// training images, stop when their loss has not improved for <see cref="Patience"/> epochs, keep the best epoch's
/// weights, and train at most <see cref="MaximumEpochs"/> epochs. Networks of dense layers keep the tabular rule.
/// </summary>
/// <remarks>
/// Measured on the image folders of benchmarks/images (docs/images.md, "Default length"): the tabular rule (about 10,000
/// weight updates: 67 epochs on 4,800 images, 167 on 1,920) fitted the training images exactly after a few epochs and
/// then grew the test log-loss threefold at a fourfold cost, for no accuracy; a fixed count cannot suit both a folder of
/// 2,000 images and one of 20,000, and refitting on every image for the stopping epoch cost a second training for
/// no gain on these folders.
/// </remarks>
public static class ConvolutionalDefaults
{
    /// <summary>The share of the training images held out to watch the validation loss: 0.1.</summary>
    public const double ValidationFraction = 0.1;

    /// <summary>Epochs without a lower validation loss before training stops: 5.</summary>
    public const int Patience = 5;

    /// <summary>The most epochs: 50 (the book trains LeNet 20 epochs and ShallowNet and MiniVGGNet 40 on 60,000 images).</summary>
    public const int MaximumEpochs = 50;

    /// <summary>
    /// The fewest images a hold-out may have: 20. A smaller one measures its loss too coarsely to stop on; a training
    /// set that would hold out fewer (under 195 images at 10 %) trains for <see cref="MaximumEpochs"/> epochs on every image.
    /// </summary>
    public const int MinimumValidationImages = 20;

    /// <summary>
    /// The length for a training set of <paramref name="rows"/> images when no epoch count is given. A hold-out fraction or
    /// patience the caller gave is kept (the other takes its default); with validation data of the caller's nothing is held out.
    /// </summary>
    /// <param name="rows">Training images.</param>
    /// <param name="validationFraction">The caller's hold-out fraction, or 0 for the default.</param>
    /// <param name="patience">The caller's patience, or 0 for the default.</param>
    /// <param name="validationData">Whether the caller passes validation data of its own.</param>
    /// <returns>The epochs, hold-out and patience to train with.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is below 1, the fraction is outside [0, 1) or the patience is negative.</exception>
    public static ConvolutionalLength For(long rows, double validationFraction = 0, int patience = 0, bool validationData = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "The validation fraction must be in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        int stopAfter = patience > 0 ? patience : Patience;
        if (validationData) return new ConvolutionalLength(MaximumEpochs, 0, stopAfter, 0, TooFewImages: false);
        double fraction = validationFraction > 0 ? validationFraction : ValidationFraction;
        int held = (int)Math.Round(rows * fraction);
        // Only the default hold-out gives way: a fraction the caller chose is theirs to keep (the training loop refuses an empty one).
        if (held < MinimumValidationImages && validationFraction == 0) return new ConvolutionalLength(MaximumEpochs, 0, 0, 0, TooFewImages: true);
        return new ConvolutionalLength(MaximumEpochs, fraction, stopAfter, held, TooFewImages: false);
    }
}
