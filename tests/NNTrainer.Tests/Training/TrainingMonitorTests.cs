using System.Text.Json;
using NNTrainer.Tests.TestSupport;

namespace NNTrainer.Tests.Training;

public sealed class TrainingMonitorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nnt-monitor-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheLogHoldsOneEntryPerEpochWithItsFiguresAndTheFigureIsRedrawnEveryEpoch()
    {
        var (x, y) = TinyImages.Make(96, seed: 3);
        var network = TinyImages.EverySpatialLayerNetwork(seed: 4);
        var drawn = new List<int>();
        var monitor = new TrainingMonitor(Path.Combine(_folder, "run"), (epochs, path) =>
        {
            drawn.Add(epochs.Count);
            File.WriteAllText(path, "figure");
        });
        var history = network.Fit(x, y, monitor.Attach(new FitOptions { Epochs = 3, BatchSize = 32, ValidationFraction = 0.25 }));

        using var log = JsonDocument.Parse(File.ReadAllBytes(monitor.LogPath));
        var entries = log.RootElement.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        for (int i = 0; i < 3; i++)
        {
            var expected = history.Epochs[i];
            Assert.Equal(i + 1, entries[i].GetProperty("epoch").GetInt32());
            Assert.Equal(expected.Loss, entries[i].GetProperty("loss").GetDouble());
            Assert.Equal(expected.Accuracy, entries[i].GetProperty("accuracy").GetDouble());
            Assert.Equal(expected.ValidationLoss, entries[i].GetProperty("validationLoss").GetDouble());
            Assert.Equal(expected.LearningRate, entries[i].GetProperty("learningRate").GetDouble(), 6);
        }
        Assert.Equal([1, 2, 3], drawn);
        Assert.Equal(Path.Combine(_folder, "run", TrainingMonitor.FigureFileName), monitor.FigurePath);
        Assert.True(File.Exists(monitor.FigurePath));
    }

    [Fact]
    public void WithoutValidationTheValidationFiguresAreNull()
    {
        var result = new EpochResult(1, double.NaN, 0, 0.25, null, null, 0.1f, TimeSpan.FromSeconds(2));
        using var log = JsonDocument.Parse(TrainingMonitor.Serialize([result]));
        var entry = log.RootElement.GetProperty("epochs")[0];
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("validationLoss").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("loss").ValueKind); // NaN is not JSON
        Assert.Equal(2.0, entry.GetProperty("seconds").GetDouble());
    }

    [Fact]
    public void AFileInPlaceOfTheFolderIsRefusedByName()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "");
        var e = Assert.Throws<ArgumentException>(() => new TrainingMonitor(file));
        Assert.Contains(file, e.Message);
    }
}
