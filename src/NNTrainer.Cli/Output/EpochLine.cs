namespace NNTrainer.Cli.Output;

/// <summary>How an epoch is written in progress lines.</summary>
internal static class EpochLine
{
    /// <summary>The epoch's loss and the task's own metric: accuracy for classification, R² for regression.</summary>
    /// <remarks>
    /// The regression network trains on the label standardised with the training rows' mean and standard deviation,
    /// so its mean squared error is in units of the label's variance and R² = 1 − loss (on validation rows, relative
    /// to the training rows' variance); "acc" would always read 0 for a quantity.
    /// </remarks>
    public static string Figures(EpochResult e, bool regression = false)
    {
        if (regression)
        {
            var line = FormattableString.Invariant($"loss {e.DataLoss:0.0000}  R2 {1 - e.DataLoss:0.0000}");
            if (e.ValidationLoss is { } loss) line += FormattableString.Invariant($"  val_loss {loss:0.0000}  val_R2 {1 - loss:0.0000}");
            return line;
        }
        var text = FormattableString.Invariant($"loss {e.DataLoss:0.0000}  acc {e.Accuracy:0.0000}");
        if (e.ValidationLoss is { } vl) text += FormattableString.Invariant($"  val_loss {vl:0.0000}");
        if (e.ValidationAccuracy is { } va) text += FormattableString.Invariant($"  val_acc {va:0.0000}");
        return text;
    }

    /// <summary>Every epoch of a short run; about ten lines for a long one, always the first and last.</summary>
    public static bool ShouldPrint(int epoch, int epochs)
    {
        if (epochs <= 20 || epoch == 1 || epoch == epochs) return true;
        int every = (int)Math.Ceiling(epochs / 10.0);
        return epoch % every == 0;
    }

    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
}
