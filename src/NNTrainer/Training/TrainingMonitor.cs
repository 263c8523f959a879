using System.Text.Json;

namespace NNTrainer.Training;

/// <summary>
/// Rosebrock's <c>TrainingMonitor</c>: after every epoch, a JSON log of every epoch's figures so far is rewritten
/// (atomically) in a folder, and an optional drawing callback redraws the learning curves beside it, so a long run
/// can be watched while it trains. The engine draws nothing itself (it has no dependencies): the command line passes
/// a callback that draws a PNG with ScottPlot.
/// </summary>
/// <remarks>
/// The log is <c>training.json</c>: <c>{ "epochs": [ { "epoch", "loss", "dataLoss", "regularizationLoss", "accuracy",
/// "validationLoss", "validationAccuracy", "learningRate", "seconds" }, … ] }</c>, the validation figures null without
/// validation data. The figure, when drawn, is <c>training.png</c>.
/// </remarks>
public sealed class TrainingMonitor
{
    /// <summary>Name of the JSON log inside the folder.</summary>
    public const string LogFileName = "training.json";

    /// <summary>Name of the figure inside the folder, when a drawing callback is given.</summary>
    public const string FigureFileName = "training.png";

    private readonly List<EpochResult> _epochs = [];
    private readonly Action<IReadOnlyList<EpochResult>, string>? _draw;

    /// <summary>Creates a monitor writing into <paramref name="directory"/> (created if missing).</summary>
    /// <param name="directory">The folder for the log and the figure.</param>
    /// <param name="draw">
    /// Optional: draws the learning curves of the epochs so far into the file whose path it is given (<see cref="FigurePath"/>);
    /// called after the log is written. Null draws nothing.
    /// </param>
    /// <exception cref="ArgumentException">The folder is empty or names a file.</exception>
    public TrainingMonitor(string directory, Action<IReadOnlyList<EpochResult>, string>? draw = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var full = Path.GetFullPath(directory);
        if (File.Exists(full)) throw new ArgumentException($"TrainingMonitor: {directory} is a file; give a folder for {LogFileName}.", nameof(directory));
        Directory.CreateDirectory(full);
        LogPath = Path.Combine(full, LogFileName);
        FigurePath = Path.Combine(full, FigureFileName);
        _draw = draw;
    }

    /// <summary>Full path of the JSON log.</summary>
    public string LogPath { get; }

    /// <summary>Full path of the figure (written only when a drawing callback was given).</summary>
    public string FigurePath { get; }

    /// <summary>The epochs seen so far, in order.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>Adds <see cref="OnEpochEnded"/> to <paramref name="options"/>' <see cref="FitOptions.EpochEnded"/>, after any callback already there.</summary>
    /// <param name="options">The options of the fit to watch.</param>
    /// <returns>The same options, for chaining.</returns>
    public FitOptions Attach(FitOptions options) => FitOptions.AppendEpochEnded(options, OnEpochEnded);

    /// <summary>Records the epoch, rewrites the log and redraws the figure.</summary>
    /// <param name="epoch">The epoch's figures, as <see cref="FitOptions.EpochEnded"/> passes them.</param>
    public void OnEpochEnded(EpochResult epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        _epochs.Add(epoch);
        WriteAtomically(LogPath, Serialize(_epochs));
        _draw?.Invoke(_epochs, FigurePath);
    }

    /// <summary>The log's JSON text for these epochs.</summary>
    /// <param name="epochs">The epochs, in order.</param>
    public static byte[] Serialize(IReadOnlyList<EpochResult> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("epochs");
            foreach (var e in epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", e.Epoch);
                Number(json, "loss", e.Loss);
                Number(json, "dataLoss", e.DataLoss);
                Number(json, "regularizationLoss", e.RegularizationLoss);
                Number(json, "accuracy", e.Accuracy);
                Number(json, "validationLoss", e.ValidationLoss);
                Number(json, "validationAccuracy", e.ValidationAccuracy);
                Number(json, "learningRate", e.LearningRate);
                Number(json, "seconds", e.Elapsed.TotalSeconds);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // JSON has no NaN or infinity: such a figure is written as null rather than making the log unreadable.
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
