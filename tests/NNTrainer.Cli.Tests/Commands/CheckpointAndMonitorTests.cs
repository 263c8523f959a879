using System.Text.Json;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class CheckpointAndMonitorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Train_on_images_writes_the_best_network_a_json_log_per_epoch_and_a_learning_curve_png()
    {
        var folder = _dir.File("images");
        TestImages.WriteFolder(folder, perClass: 12, seed: 3);
        var checkpoint = _dir.File("best.nnt");
        var monitor = _dir.File("monitor");

        var result = CliRunner.Run(_dir.Path, "train", folder, "--architecture", "lenet", "--image-size", "12", "--epochs", "4",
            "--learning-rate", "0.005", "--validation-fraction", "0.25", "--test-fraction", "0.2", "--out", _dir.File("m.zip"), "--no-plots",
            "--checkpoint", checkpoint, "--monitor", monitor);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var log = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(monitor, "training.json")));
        var epochs = log.RootElement.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e => Assert.True(e.GetProperty("validationLoss").GetDouble() > 0));
        Png.AssertValid(Path.Combine(monitor, "training.png"));
        var network = Network.Load(checkpoint);
        Assert.IsType<Conv2DLayer>(network.Layers[0]);
        Assert.Empty(Directory.GetFiles(monitor, "*.tmp*").Concat(Directory.GetFiles(monitor, ".*")));
    }

    [Fact]
    public void Train_on_a_csv_checkpoints_the_final_fit_with_epoch_and_loss_in_the_name()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--epochs", "3", "--no-plots",
            "--checkpoint", _dir.File("w-{epoch:00}.nnt"));

        Assert.True(result.ExitCode == 0, result.ToString());
        // The final fit has no validation data: its training loss falls every epoch on this easy set.
        Assert.Equal(["w-01.nnt", "w-02.nnt", "w-03.nnt"], Directory.GetFiles(_dir.Path, "w-*.nnt").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--checkpoint", "w-{val_loss}.nnt", "--checkpoint w-{val_loss}.nnt: ModelCheckpoint: path \"w-{val_loss}.nnt\" holds {val_loss}")]
    [InlineData("--checkpoint", "missing/best.nnt", "--checkpoint missing/best.nnt: the folder")]
    [InlineData("--monitor", "multi.csv", "--monitor multi.csv is a file")]
    public void Bad_checkpoint_and_monitor_options_are_refused_by_name_before_training(string option, string value, string message)
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.False(File.Exists(_dir.File("m.zip")));
    }

    [Fact]
    public void A_trainer_without_epochs_refuses_checkpoints()
    {
        var csv = _dir.Write("multi.csv", TestCsv.Multiclass());
        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "species", "--out", _dir.File("m.zip"), "--trainer", "sdca", "--monitor", _dir.File("mon"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--checkpoint and --monitor watch a network's epochs; trainer 'sdca' has none", result.Error);
    }
}
