using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// <c>--out</c> in a folder that does not exist, or naming a folder, is refused before anything is read or trained:
/// it was found only when the model was saved, after the whole training (or the predictions' temporary file was named).
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Train_refuses_an_out_path_whose_folder_does_not_exist_before_training()
    {
        var csv = _dir.Write("data.csv", TestCsv.Binary(60, seed: 2));
        var missing = Path.Combine(_dir.Path, "no-such-folder", "model.zip");

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", missing, "--epochs", "1", "--no-plots");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --out {missing}: the folder {Path.GetDirectoryName(missing)} does not exist.", result.ErrorLines[0]);
        Assert.DoesNotContain("Training", result.Output);
    }

    [Fact]
    public void Train_and_predict_refuse_a_folder_given_as_the_out_file()
    {
        var csv = _dir.Write("data.csv", TestCsv.Binary(60, seed: 2));
        var model = _dir.File("model.zip");
        var trained = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", model, "--epochs", "1", "--no-plots", "-q");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var folder = Directory.CreateDirectory(_dir.File("results")).FullName;

        var train = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", folder, "--epochs", "1", "--no-plots");
        var predict = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", folder);
        var missing = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", Path.Combine(folder, "nested", "p.csv"));

        Assert.Equal([2, 2, 2], new[] { train.ExitCode, predict.ExitCode, missing.ExitCode });
        Assert.Equal($"error: --out {folder} is a folder; give the name of a file (in it or elsewhere).", train.ErrorLines[0]);
        Assert.Equal(train.ErrorLines[0], predict.ErrorLines[0]);
        Assert.Equal($"error: --out {Path.Combine(folder, "nested", "p.csv")}: the folder {Path.Combine(folder, "nested")} does not exist.", missing.ErrorLines[0]);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
