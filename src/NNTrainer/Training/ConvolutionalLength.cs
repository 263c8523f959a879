namespace NNTrainer.Training;

/// <summary>
/// How long a convolutional network trains by default, resolved for one training set by
/// <see cref="ConvolutionalDefaults.For"/>: the most epochs, the share of the training images held out to watch, and
/// the epochs without a better validation loss after which training stops and goes back to the best epoch's weights.
/// </summary>
/// <param name="Epochs">The most epochs: <see cref="ConvolutionalDefaults.MaximumEpochs"/>.</param>
/// <param name="ValidationFraction">The share of the training images held out; 0 with validation data of the caller's, or too few images.</param>
/// <param name="Patience">Epochs without a lower validation loss before stopping; 0 (no early stopping) when nothing is held out.</param>
/// <param name="ValidationImages">Images held out: the fraction of the training set, rounded as the training loop rounds it (0 with none).</param>
/// <param name="TooFewImages">True when the training set is too small to hold out <see cref="ConvolutionalDefaults.MinimumValidationImages"/> images, so it trains for <see cref="Epochs"/> without stopping early.</param>
public sealed record ConvolutionalLength(int Epochs, double ValidationFraction, int Patience, int ValidationImages, bool TooFewImages)
{
    /// <summary>Whether training stops early (on a hold-out or on the caller's validation data).</summary>
    public bool StopsEarly => Patience > 0;

    /// <summary>As "up to 50 epochs, stopping after 5 without a lower loss on a 10 % validation hold-out (480 images)".</summary>
    public override string ToString() => TooFewImages
        ? $"{Epochs} epochs without early stopping (too few images to hold out {ConvolutionalDefaults.MinimumValidationImages} for validation)"
        : ValidationFraction > 0
            ? FormattableString.Invariant($"up to {Epochs} epochs, stopping after {Patience} without a lower loss on a {ValidationFraction:P0} validation hold-out ({ValidationImages:N0} images) and keeping the best epoch's weights")
            : $"up to {Epochs} epochs, stopping after {Patience} without a lower validation loss and keeping the best epoch's weights";
}
