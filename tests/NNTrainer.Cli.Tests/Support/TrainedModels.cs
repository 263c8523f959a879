namespace NNTrainer.Cli.Tests.Support;

/// <summary>
/// Models trained once for the evaluate and predict tests: the network on the multiclass file and LightGBM on
/// the binary file, saved as model zips.
/// </summary>
public sealed class TrainedModels : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TrainedModels()
    {
        MulticlassCsv = _dir.Write("multi.csv", TestCsv.Multiclass());
        BinaryCsv = _dir.Write("binary.csv", TestCsv.Binary());
        MulticlassModel = _dir.File("multi.zip");
        BinaryModel = _dir.File("binary.zip");
        Train(MulticlassCsv, "species", MulticlassModel, "--epochs", "15");
        Train(BinaryCsv, "churned", BinaryModel, "--trainer", "lightgbm");
    }

    public string Directory => _dir.Path;

    public string MulticlassCsv { get; }

    public string MulticlassModel { get; }

    public string BinaryCsv { get; }

    public string BinaryModel { get; }

    /// <summary>
    /// Runs <c>predict</c> with the multiclass model on the comma CSV and on <paramref name="sameTable"/> (the same rows in
    /// another form), each to its own CSV named after <paramref name="tag"/>, and asserts both succeed with the same lines.
    /// </summary>
    public void AssertPredictsAsTheCommaCsv(string sameTable, string tag)
    {
        var expectedFile = Path.Combine(Directory, $"{tag}-expected.csv");
        var actualFile = Path.Combine(Directory, $"{tag}-actual.csv");
        var expected = CliRunner.Run(Directory, "predict", MulticlassModel, MulticlassCsv, "--out", expectedFile, "--quiet");
        var actual = CliRunner.Run(Directory, "predict", MulticlassModel, sameTable, "--out", actualFile, "--quiet");
        Assert.True(expected.ExitCode == 0, expected.ToString());
        Assert.True(actual.ExitCode == 0, actual.ToString());
        Assert.Equal(File.ReadAllLines(expectedFile), File.ReadAllLines(actualFile));
    }

    public void Dispose() => _dir.Dispose();

    private void Train(string csv, string label, string model, params string[] extra)
    {
        var result = CliRunner.Run(_dir.Path, ["train", csv, "--label", label, "--out", model, "--no-plots", "--quiet", .. extra]);
        if (result.ExitCode != 0) throw new InvalidOperationException("Training the shared test model failed:\n" + result);
    }
}
