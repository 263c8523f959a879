using System.Globalization;
using System.Text.RegularExpressions;

namespace NNTrainer.Training;

/// <summary>
/// "Save the best model so far", Rosebrock's <c>ModelCheckpoint</c>: after every epoch whose monitored loss improves on
/// the best so far, the network is written to a model file (atomically, through a temporary file in the same folder,
/// so a crash never leaves half a file). The monitored loss is the validation loss when there is validation data and
/// the training loss (data plus regularisation) otherwise, as for early stopping.
/// </summary>
/// <example>
/// <code>
/// var options = new FitOptions { Epochs = 20, ValidationFraction = 0.1 };
/// new ModelCheckpoint(network, "lenet-best.nnt").Attach(options);           // one file, overwritten on each improvement
/// new ModelCheckpoint(network, "weights-{epoch:000}-{loss:0.0000}.nnt").Attach(options); // one file per improvement
/// network.Fit(inputs, targets, options);
/// </code>
/// </example>
public sealed partial class ModelCheckpoint
{
    private readonly Network _network;

    /// <summary>Creates a checkpoint of <paramref name="network"/>; call <see cref="Attach"/> to hook it to a fit.</summary>
    /// <param name="network">The network being trained.</param>
    /// <param name="path">
    /// The model file. It may hold <c>{epoch}</c> and <c>{loss}</c>, each optionally with a .NET format after a colon
    /// (<c>{epoch:000}</c>, <c>{loss:0.0000}</c>), replaced by the epoch number and the monitored loss (invariant
    /// culture), so that every improvement gets a file of its own as in the book's <c>weights-{epoch:03d}-{val_loss:.4f}.hdf5</c>.
    /// </param>
    /// <param name="minDelta">Smallest decrease of the monitored loss that counts as an improvement (default 0).</param>
    /// <exception cref="ArgumentException">The path is empty, holds another placeholder, or <paramref name="minDelta"/> is negative or not finite.</exception>
    public ModelCheckpoint(Network network, string path, double minDelta = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!(minDelta >= 0) || double.IsInfinity(minDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "ModelCheckpoint: minDelta must be a finite number ≥ 0.");
        }
        foreach (Match match in Braces().Matches(path))
        {
            if (!Placeholder().IsMatch(match.Value))
            {
                throw new ArgumentException($"ModelCheckpoint: path \"{path}\" holds {match.Value}; the placeholders are {{epoch}} and {{loss}}, optionally with a format such as {{epoch:000}} or {{loss:0.0000}}.", nameof(path));
            }
        }
        _network = network;
        PathTemplate = path;
        MinDelta = minDelta;
    }

    /// <summary>The model file's path as given, with its placeholders.</summary>
    public string PathTemplate { get; }

    /// <summary>Smallest decrease of the monitored loss that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>The best monitored loss so far (positive infinity before the first epoch).</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>The epoch whose weights were written last (0 before any).</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The file written last (null before any).</summary>
    public string? LastPath { get; private set; }

    /// <summary>Adds <see cref="OnEpochEnded"/> to <paramref name="options"/>' <see cref="FitOptions.EpochEnded"/>, after any callback already there.</summary>
    /// <param name="options">The options of the fit to watch.</param>
    /// <returns>The same options, for chaining.</returns>
    public FitOptions Attach(FitOptions options) => FitOptions.AppendEpochEnded(options, OnEpochEnded);

    /// <summary>Writes the network when this epoch's monitored loss improves on the best so far by more than <see cref="MinDelta"/>.</summary>
    /// <param name="epoch">The epoch's figures, as <see cref="FitOptions.EpochEnded"/> passes them.</param>
    public void OnEpochEnded(EpochResult epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        double monitored = epoch.ValidationLoss ?? epoch.Loss;
        if (!(monitored < BestLoss - MinDelta)) return;
        var path = PathFor(epoch.Epoch, monitored);
        // Network.Save writes a temporary file beside the target and renames it over the old one.
        _network.Save(path);
        BestLoss = monitored;
        BestEpoch = epoch.Epoch;
        LastPath = path;
    }

    /// <summary>The template with its placeholders replaced.</summary>
    /// <param name="epoch">Epoch number.</param>
    /// <param name="loss">Monitored loss.</param>
    public string PathFor(int epoch, double loss) =>
        Placeholder().Replace(PathTemplate, match =>
        {
            var format = match.Groups[2].Success ? match.Groups[2].Value : null;
            return match.Groups[1].Value == "epoch"
                ? epoch.ToString(format, CultureInfo.InvariantCulture)
                : loss.ToString(format ?? "0.0000", CultureInfo.InvariantCulture);
        });

    [GeneratedRegex(@"\{(epoch|loss)(?::([^{}]+))?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Braces();
}
