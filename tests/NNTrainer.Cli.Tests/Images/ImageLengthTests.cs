using System.Text.Json;
using System.Text.RegularExpressions;
using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

/// <summary><c>train FOLDER</c>'s length for convolutional networks given no <c>--epochs</c>, and its progress: a line per epoch with its seconds.</summary>
public sealed partial class ImageLengthTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-image-length-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void By_default_LeNet_says_how_long_it_trains_and_prints_every_epoch_with_its_seconds()
    {
        var folder = WriteFolder(perClass: 6, classes: 2);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        // 9 training images make one update an epoch: 2,000 updates are capped at 50 epochs.
        Assert.Contains("LeNet trains 50 epochs (about 2,000 weight updates, from 5 to 50 epochs): the default for convolutional networks on 9 images "
            + "(--epochs N to choose; --patience P to stop early on a 10 % validation hold-out).", result.Output);
        Assert.Equal(Enumerable.Range(1, 50), EpochLines(result).Select(e => e.Epoch));
        Assert.DoesNotContain("val_loss", result.Output);
        Assert.DoesNotContain("stopped after", result.Output);
    }

    [Fact]
    public void With_a_patience_LeNet_says_how_it_stops_and_where_it_stopped_with_a_line_per_epoch()
    {
        var folder = WriteFolder(perClass: 80);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--patience", "5", "--test-fraction", "0.1", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, result.ToString());
        // 240 images, 24 kept for the report: 216 to train on, 22 of them held out for validation.
        Assert.Contains("LeNet trains for up to 50 epochs, stopping after 5 without a lower loss on a 10 % validation hold-out (22 images) and keeping the best epoch's weights "
            + "(--patience without --epochs).", result.Output);
        var epochs = EpochLines(result);
        var stop = Regex.Match(result.Output, @"LeNet stopped after epoch (\d+): no better validation loss for 5 epochs; it keeps the weights of epoch (\d+), the best\.");
        Assert.True(stop.Success, result.Output);
        Assert.Equal(int.Parse(stop.Groups[1].Value) - 5, int.Parse(stop.Groups[2].Value));
        Assert.Equal(Enumerable.Range(1, int.Parse(stop.Groups[1].Value)), epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.Contains("val_loss", e.Line));
        Assert.DoesNotContain("default length", result.Output);
    }

    [Fact]
    public void With_a_patience_and_too_few_images_to_hold_out_the_stop_note_names_the_training_loss()
    {
        // 12 images, 9 to train on: too few to hold out 20 for validation, so early stopping watches the training loss,
        // which LeNet drives to its floor on these within the 50 epochs.
        var folder = WriteFolder(perClass: 6, classes: 2);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--patience", "2", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("without a lower training loss", result.Output);
        Assert.Matches(@"LeNet stopped after epoch \d+: no better training loss for 2 epochs; it keeps the weights of epoch \d+, the best\.", result.Output);
        Assert.DoesNotContain("validation loss", result.Output);
    }

    [Fact]
    public void Json_has_every_epochs_figures_and_seconds_and_the_length_that_was_used()
    {
        var folder = WriteFolder(perClass: 80);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--patience", "5", "--test-fraction", "0.1", "--out", Path.Combine(_directory, "m.zip"), "--no-plots", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Output).RootElement;
        var length = root.GetProperty("length");
        Assert.Equal("early stopping on a validation hold-out", length.GetProperty("rule").GetString());
        Assert.Equal(50, length.GetProperty("epochs").GetInt32());
        Assert.Equal(0.1, length.GetProperty("validationFraction").GetDouble());
        Assert.Equal(22, length.GetProperty("validationImages").GetInt32());
        Assert.Equal(5, length.GetProperty("patience").GetInt32());
        Assert.True(length.GetProperty("stoppedEarly").GetBoolean());
        int run = length.GetProperty("epochsRun").GetInt32();
        Assert.Equal(run - 5, length.GetProperty("keptEpoch").GetInt32());
        var epochs = root.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, run), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e =>
        {
            Assert.True(e.GetProperty("seconds").GetDouble() > 0);
            Assert.InRange(e.GetProperty("accuracy").GetDouble(), 0, 1);
            Assert.InRange(e.GetProperty("validationAccuracy").GetDouble(), 0, 1);
            Assert.True(e.GetProperty("validationLoss").GetDouble() > 0);
            Assert.Equal(0.001, e.GetProperty("learningRate").GetDouble(), 6);
        });
        // The kept epoch has the lowest validation loss of the run.
        var losses = epochs.Select(e => e.GetProperty("validationLoss").GetDouble()).ToList();
        Assert.Equal(losses.IndexOf(losses.Min()) + 1, run - 5);
    }

    [Fact]
    public void Json_of_the_default_length_names_the_rule_and_has_every_epoch()
    {
        var folder = WriteFolder(perClass: 6, classes: 2);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var root = JsonDocument.Parse(result.Output).RootElement;
        var length = root.GetProperty("length");
        Assert.Equal("about 2000 weight updates", length.GetProperty("rule").GetString());
        Assert.Equal(50, length.GetProperty("epochs").GetInt32());
        Assert.Equal(0, length.GetProperty("patience").GetInt32());
        Assert.False(length.GetProperty("stoppedEarly").GetBoolean());
        Assert.Equal(50, length.GetProperty("keptEpoch").GetInt32());
        var epochs = root.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 50), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("validationLoss").ValueKind));
    }

    [Fact]
    public void Epochs_given_train_that_many_on_every_image_with_no_word_on_the_default()
    {
        var folder = WriteFolder(perClass: 6, classes: 2);

        var result = CliRunner.Run(_directory, "train", folder, "--image-size", "12", "--epochs", "3", "--test-fraction", "0.25", "--out", Path.Combine(_directory, "m.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([1, 2, 3], EpochLines(result).Select(e => e.Epoch));
        Assert.DoesNotContain("default for convolutional networks", result.Output);
        Assert.DoesNotContain("weight updates", result.Output);
        Assert.DoesNotContain("stopped after", result.Output);
    }

    private string WriteFolder(int perClass, int classes = 3)
    {
        var folder = Path.Combine(_directory, "images");
        TestImages.WriteFolder(folder, perClass, seed: 1, classes);
        return folder;
    }

    /// <summary>The progress lines, "epoch N  loss … acc …  1.23 s", in order.</summary>
    private static List<(int Epoch, string Line)> EpochLines(CliResult result) =>
        result.OutputLines.Select(l => (Match: EpochLine().Match(l), Line: l)).Where(m => m.Match.Success)
            .Select(m => (int.Parse(m.Match.Groups[1].Value), m.Line)).ToList();

    [GeneratedRegex(@"^epoch\s+(\d+)\s+loss \d+\.\d{4}\s+acc \d\.\d{4}.*\s\d+\.\d{2} s$")]
    private static partial Regex EpochLine();
}
