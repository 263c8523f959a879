using NNTrainer.Cli.Tests.Support;
using NNTrainer.Tests.Images;

namespace NNTrainer.Cli.Tests.Images;

/// <summary>Image folders written once per test class, and a LeNet model trained on them with <c>nntrainer train</c>.</summary>
public sealed class ImageModels : IDisposable
{
    public ImageModels()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("nntrainer-cli-images-").FullName;
        TrainFolder = Path.Combine(Directory, "train");
        TestFolder = Path.Combine(Directory, "test");
        TestImages.WriteFolder(TrainFolder, perClass: 20, seed: 1);
        TestImages.WriteFolder(TestFolder, perClass: 6, seed: 2);
        Model = Path.Combine(Directory, "lenet.zip");
        Train = CliRunner.Run(Directory, "train", TrainFolder, "--architecture", "lenet", "--image-size", "12", "--epochs", "15",
            "--learning-rate", "0.005", "--patience", "0", "--validation-fraction", "0", "--test-fraction", "0.2", "--out", Model, "--no-plots");
    }

    public string Directory { get; }

    public string TrainFolder { get; }

    public string TestFolder { get; }

    public string Model { get; }

    /// <summary>What the fixture's <c>train</c> run printed.</summary>
    public CliResult Train { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
