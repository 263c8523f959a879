namespace NNTrainer.Training;

/// <summary>
/// How long a convolutional network trains when no epoch count is given, resolved for one training set by
/// <see cref="ConvolutionalDefaults.For"/>: the epochs (or the most of them, when it stops early), the share of the
/// training images held out, and the epochs without a better monitored loss after which training stops and goes back to
/// the best epoch's weights.
/// </summary>
/// <param name="Epochs">The epochs; with early stopping, the most of them.</param>
/// <param name="ValidationFraction">The share of the training images held out (0: none).</param>
/// <param name="Patience">Epochs without a lower monitored loss before stopping; 0: no early stopping.</param>
/// <param name="ValidationImages">Images held out: the fraction of the training set, rounded as the training loop rounds it.</param>
/// <param name="TooFewImages">True when early stopping was asked for but the set is too small to hold out <see cref="ConvolutionalDefaults.MinimumValidationImages"/> images, so it watches the training loss.</param>
public sealed record ConvolutionalLength(int Epochs, double ValidationFraction, int Patience, int ValidationImages, bool TooFewImages)
{
    /// <summary>Whether training stops early.</summary>
    public bool StopsEarly => Patience > 0;

    /// <summary>As "13 epochs (about 2,000 weight updates)" or "up to 50 epochs, stopping after 5 without a lower loss on a 10 % validation hold-out (480 images) …".</summary>
    public override string ToString() => !StopsEarly
        ? $"{Epochs} epochs (about {ConvolutionalDefaults.TargetSteps:N0} weight updates, from {ConvolutionalDefaults.MinimumEpochs} to {ConvolutionalDefaults.MaximumEpochs} epochs)"
            + (ValidationFraction > 0 ? FormattableString.Invariant($", watching a {ValidationFraction:P0} validation hold-out ({ValidationImages:N0} images)") : string.Empty)
        : TooFewImages
            ? $"up to {Epochs} epochs, stopping after {Patience} without a lower training loss (too few images to hold out {ConvolutionalDefaults.MinimumValidationImages} for validation)"
            : ValidationFraction > 0
                ? FormattableString.Invariant($"up to {Epochs} epochs, stopping after {Patience} without a lower loss on a {ValidationFraction:P0} validation hold-out ({ValidationImages:N0} images) and keeping the best epoch's weights")
                : $"up to {Epochs} epochs, stopping after {Patience} without a lower validation loss and keeping the best epoch's weights";
}
