using System.Text.RegularExpressions;
using NNTrainer.Cli.Images;
using Microsoft.ML;
using NNTrainer.Cli.Output;
using NNTrainer.Cli.Running;
using NNTrainer.Cli.Trainers;
using NNTrainer.Tests.Images;
using Spectre.Console;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>
/// The terminal's progress bar (<see cref="OutputMode.Rich"/>) while a network trains on images: it counts the epochs
/// stated before training, says "up to" when early stopping may end sooner, and is complete when training stops.
/// Rendered by Spectre.Console into a string instead of a terminal.
/// </summary>
public sealed partial class ImageRichProgressTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nntrainer-cli-image-rich-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_bar_counts_the_epochs_LeNet_trains_and_completes()
    {
        var screen = TrainLeNet(new NetworkSettings { Epochs = 3 });

        // Before the fix the bar had no epoch count: "LeNet" at 0 % while the epoch lines printed, then 100 %.
        Assert.Matches(@"LeNet\s+epoch 3/3\s+loss \d\.\d{4}\s+acc \d\.\d{4}.*100%", screen);
        Assert.DoesNotContain("up to", screen);
        // The lines with each epoch's seconds still print above the bar.
        Assert.Equal([1, 2, 3], EpochLine().Matches(screen).Select(m => int.Parse(m.Groups[1].Value)).Distinct());
    }

    [Fact]
    public void With_early_stopping_the_bar_says_up_to_and_completes_where_training_stopped()
    {
        // 9 training images (too few for a validation hold-out): patience 1 on the training loss of a learning rate
        // far too large stops within a few epochs of the 50.
        var screen = TrainLeNet(new NetworkSettings { Epochs = 50, Patience = 1, LearningRate = 5f });

        var last = Regex.Matches(screen, @"LeNet\s+epoch (\d+) of up to 50\b.*?(\d+)%").Last();
        Assert.True(int.Parse(last.Groups[1].Value) < 50, screen);
        Assert.Equal("100", last.Groups[2].Value);
    }

    private string TrainLeNet(NetworkSettings settings)
    {
        var folder = Path.Combine(_directory, "images");
        TestImages.WriteFolder(folder, perClass: 6, seed: 1, classes: 2);
        var (classes, files) = ImageFolder.ReadClasses(folder);
        var images = new ImageSettings("lenet", 1, 12, 12);
        var ml = new MLContext(seed: 0);
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 200;
        var reporter = new Reporter(OutputMode.Rich, TextWriter.Null, TextWriter.Null, console);
        var network = new ImageNetworkTrainer(images, new ImageProgress(reporter));
        var data = ImageData.Prepare(ml, folder, classes, files, images, testFraction: 0.25, settings.Seed, "LeNet");

        ExperimentRunner.Run(reporter, ml, data, [network], settings, skipFailures: false, CancellationToken.None);

        // Without the cursor movements and colours, what the terminal was sent, in order.
        var text = AnsiEscape().Replace(screen.ToString(), "");
        output.WriteLine(text);
        return text;
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"epoch\s+(\d+)\s+loss \d+\.\d{4}\s+acc \d\.\d{4}\s+\d+\.\d{2} s")]
    private static partial Regex EpochLine();
}
