using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Images;

/// <summary>
/// What <c>train</c> says about the default length of a convolutional network (<see cref="ConvolutionalDefaults"/>):
/// before training, the rule and its hold-out; after, what it did when the early-stopping note does not already say it.
/// In <c>--json</c> the same under <c>length</c>.
/// </summary>
internal static class ImageLengthReport
{
    public static void Before(Reporter reporter, string name, ConvolutionalLength length, long trainImages)
    {
        reporter.Note(length.TooFewImages
            ? $"{name} trains {length.Epochs} epochs on all {trainImages:N0} images: too few to hold out the {ConvolutionalDefaults.MinimumValidationImages} validation images (10 %) on which the default for convolutional networks stops early; give --epochs N to choose the length."
            : $"{name} trains for {length}: the default for convolutional networks (--epochs N trains N epochs on all {trainImages:N0} images).");
        reporter.Json["length"] = new JsonObject
        {
            ["rule"] = length.TooFewImages ? "fixed: too few images to hold out" : "early stopping on a validation hold-out",
            ["maxEpochs"] = length.Epochs,
            ["validationFraction"] = length.ValidationFraction,
            ["validationImages"] = length.ValidationImages,
            ["patience"] = length.Patience,
        };
    }

    public static void After(Reporter reporter, string name, ConvolutionalLength length, TrainingHistory? history)
    {
        if (history is null || reporter.Json["length"] is not JsonObject json) return;
        json["epochsRun"] = history.Epochs.Count;
        json["stoppedEarly"] = history.StopReason == StopReason.EarlyStopped;
        json["keptEpoch"] = history.RestoredBestWeights ? history.BestEpoch : history.Epochs.Count;
        // An early stop has been reported with its kept epoch; a run to the last epoch has not.
        if (length.StopsEarly && history.StopReason != StopReason.EarlyStopped)
        {
            reporter.Note($"  {name} ran all {history.Epochs.Count} epochs: its validation loss never went {length.Patience} epochs without improving. "
                + $"It keeps the last epoch's weights (the lowest validation loss was at epoch {history.BestEpoch}); give --epochs N for a longer run.");
        }
    }
}
