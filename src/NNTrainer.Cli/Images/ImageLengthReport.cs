using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Images;

/// <summary>
/// What <c>train</c> says about the length of a convolutional network given no <c>--epochs</c> (<see cref="ConvolutionalDefaults"/>):
/// before training, the epochs (or, with <c>--patience</c>, the early stopping and its hold-out); after, what early stopping
/// did when the early-stopping note does not already say it. In <c>--json</c> the same under <c>length</c>.
/// </summary>
internal static class ImageLengthReport
{
    public static void Before(Reporter reporter, string name, ConvolutionalLength length, long trainImages)
    {
        reporter.Note(length.StopsEarly
            ? $"{name} trains for {length} (--patience without --epochs)."
            : $"{name} trains {length}: the default for convolutional networks on {trainImages:N0} images (--epochs N to choose; --patience P to stop early on a 10 % validation hold-out).");
        reporter.Json["length"] = new JsonObject
        {
            ["rule"] = !length.StopsEarly ? $"about {ConvolutionalDefaults.TargetSteps} weight updates" : length.TooFewImages ? "early stopping on the training loss" : "early stopping on a validation hold-out",
            ["epochs"] = length.Epochs,
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
