using System.Globalization;
using System.Text;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// <c>train --task regression</c> on a label with one value (every y = 7): the model predicts 7 for every row, as
/// scikit-learn's and ML.NET's regressors do, however few the epochs; without --task the error says what to pass.
/// </summary>
public sealed class ConstantLabelCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_constant_regression_label_is_predicted_exactly_after_five_epochs()
    {
        var text = new StringBuilder("a,b,y\n");
        var random = new Random(3);
        for (int i = 0; i < 200; i++) text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble() * 10},{random.NextDouble() - 5},7\n");
        var csv = _dir.Write("constant.csv", text.ToString());
        var model = _dir.File("m.zip");
        var predictions = _dir.File("p.csv");

        var auto = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--out", model, "--epochs", "5", "--no-plots");
        var train = CliRunner.Run(_dir.Path, "train", csv, "--label", "y", "--task", "regression", "--out", model, "--epochs", "5", "--no-plots");
        var predict = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", predictions);

        Assert.Equal(1, auto.ExitCode);
        Assert.Contains("(or --task regression, to fit a model that predicts that value)", auto.Error);
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var predicted = File.ReadAllLines(predictions)[1..].Select(line => line.Split(',')[3]).ToArray();
        Assert.Equal(200, predicted.Length);
        Assert.All(predicted, p => Assert.Equal("7", p));
    }
}
