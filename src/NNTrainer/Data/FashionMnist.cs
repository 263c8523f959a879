using NNTrainer.Layers;
using NNTrainer.Tensors;

namespace NNTrainer.Data;

/// <summary>
/// Fashion-MNIST: 60,000 training and 10,000 test images of 28×28 grey pixels in 10 clothing classes, read from
/// the IDX files (gzipped or not) of the original distribution.
/// </summary>
public static class FashionMnist
{
    /// <summary>The environment variable that names a folder holding the files.</summary>
    public const string EnvironmentVariable = "FASHION_MNIST_DIR";

    /// <summary>The folder Debian's <c>dataset-fashion-mnist</c> package installs to.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>What to do when the files are missing, for error messages.</summary>
    public static string HowToGet =>
        $"Install Debian's package (sudo apt-get install -y dataset-fashion-mnist, files in {DebianDirectory}), " +
        $"or put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz " +
        $"(from https://github.com/zalandoresearch/fashion-mnist) in a folder and set {EnvironmentVariable} to it, or into {UserCacheDirectory}.";

    /// <summary>The per-user cache folder searched last: <c>~/.cache/nntrainer/fashion-mnist</c>.</summary>
    public static string UserCacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "nntrainer", "fashion-mnist");

    /// <summary>
    /// Finds a folder holding the four files: <paramref name="directory"/> if given, else the
    /// <see cref="EnvironmentVariable"/> folder, the Debian package's folder, then the per-user cache.
    /// </summary>
    /// <param name="directory">A folder to use instead of searching.</param>
    /// <returns>The folder, or null when none holds the files.</returns>
    public static string? FindDirectory(string? directory = null)
    {
        if (!string.IsNullOrEmpty(directory)) return HasFiles(directory) ? directory : null;
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable(EnvironmentVariable), DebianDirectory, UserCacheDirectory })
        {
            if (!string.IsNullOrEmpty(candidate) && HasFiles(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The shape of one image as the spatial layers see it: 1 channel of 28×28. The rows <see cref="Load"/> returns are
    /// already in this (NCHW) order, so they feed a <see cref="Conv2DLayer"/> of this input shape directly.
    /// </summary>
    public static ImageShape ImageShape { get; } = new(1, 28, 28);

    /// <summary>Loads the training and test sets, pixels scaled to [0, 1]; each row is one 28×28 image, row by row (see <see cref="ImageShape"/>).</summary>
    /// <param name="directory">The folder; searched for as <see cref="FindDirectory"/> does when null.</param>
    /// <exception cref="FileNotFoundException">No folder with the files was found; the message says how to get them.</exception>
    public static (Matrix TrainImages, int[] TrainLabels, Matrix TestImages, int[] TestLabels) Load(string? directory = null)
    {
        var found = FindDirectory(directory) ?? throw new FileNotFoundException(
            directory is null ? $"Fashion-MNIST was not found. {HowToGet}" : $"Fashion-MNIST was not found in {directory}. {HowToGet}");
        var trainImages = IdxReader.ReadImages(FilePath(found, "train-images-idx3-ubyte"));
        var trainLabels = IdxReader.ReadLabels(FilePath(found, "train-labels-idx1-ubyte"));
        var testImages = IdxReader.ReadImages(FilePath(found, "t10k-images-idx3-ubyte"));
        var testLabels = IdxReader.ReadLabels(FilePath(found, "t10k-labels-idx1-ubyte"));
        if (trainImages.Rows != trainLabels.Length || testImages.Rows != testLabels.Length)
        {
            throw new InvalidDataException($"{found}: image and label counts differ ({trainImages.Rows}/{trainLabels.Length} train, {testImages.Rows}/{testLabels.Length} test).");
        }
        return (trainImages, trainLabels, testImages, testLabels);
    }

    private static bool HasFiles(string directory) =>
        new[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" }
            .All(name => File.Exists(Path.Combine(directory, name + ".gz")) || File.Exists(Path.Combine(directory, name)));

    private static string FilePath(string directory, string name)
    {
        var gz = Path.Combine(directory, name + ".gz");
        return File.Exists(gz) ? gz : Path.Combine(directory, name);
    }
}
