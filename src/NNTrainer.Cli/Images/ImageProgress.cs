using System.Text.Json.Nodes;

namespace NNTrainer.Cli.Images;

/// <summary>
/// The progress of a network on images: a line for every epoch with its seconds (a convolutional epoch takes seconds to
/// minutes, and the default stops early, so there is no known last epoch to space lines out to), and in <c>--json</c>
/// every epoch's figures under <c>epochs</c>.
/// </summary>
internal sealed class ImageProgress
{
    private readonly Reporter _reporter;
    private readonly JsonArray? _epochs;

    public ImageProgress(Reporter reporter)
    {
        _reporter = reporter;
        if (reporter.Mode == OutputMode.Json) reporter.Json["epochs"] = _epochs = [];
    }

    /// <summary>Reports one epoch; called on the training thread.</summary>
    public void OnEpochEnded(EpochResult epoch)
    {
        if (_epochs is not null)
        {
            _epochs.Add(new JsonObject
            {
                ["epoch"] = epoch.Epoch,
                ["loss"] = Finite(epoch.DataLoss),
                ["accuracy"] = Finite(epoch.Accuracy),
                ["validationLoss"] = epoch.ValidationLoss is { } loss ? Finite(loss) : null,
                ["validationAccuracy"] = epoch.ValidationAccuracy is { } accuracy ? Finite(accuracy) : null,
                ["learningRate"] = Finite(epoch.LearningRate),
                ["seconds"] = Math.Round(epoch.Elapsed.TotalSeconds, 4),
            });
        }
        else if (_reporter.Mode is OutputMode.Plain or OutputMode.Rich)
        {
            _reporter.Note($"  epoch {epoch.Epoch,4}  {EpochLine.Figures(epoch)}  {EpochLine.Seconds(epoch.Elapsed.TotalSeconds)} s");
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
