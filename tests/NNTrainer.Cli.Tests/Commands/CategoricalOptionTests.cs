using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary><c>train --categorical COLUMNS</c>: integer-coded factors read as categories, saved so, and scored so.</summary>
public sealed class CategoricalOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A group coded 1–6 whose label is not monotone in the code (groups 2 and 5 are 'yes'), and a noise column.</summary>
    private string Table()
    {
        var lines = new List<string> { "group,noise,label" };
        for (int i = 0; i < 240; i++)
        {
            int group = i % 6 + 1;
            lines.Add($"{group},{(i * 37 % 100) / 10.0:0.0},{(group is 2 or 5 ? "yes" : "no")}");
        }
        return _dir.Write("groups.csv", string.Join("\n", lines) + "\n");
    }

    [Fact]
    public void A_listed_number_column_is_one_hot_encoded_and_scores_new_rows_the_same_way()
    {
        var csv = Table();
        var model = _dir.File("m.zip");

        var result = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--categorical", "group", "--out", model, "--no-plots");
        var plain = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--out", _dir.File("plain.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("features: group (categorical), noise (numeric)", result.Output);
        Assert.Contains("features: group (numeric), noise (numeric)", plain.Output);
        var evaluated = CliRunner.Run(_dir.Path, "evaluate", model, csv);
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Equal(1.0, Support.Table.Number(Assert.Single(Support.Table.Parse(evaluated.Output)), "Accuracy"), 6);
        var predictions = _dir.File("p.csv");
        var predicted = CliRunner.Run(_dir.Path, "predict", model, csv, "--out", predictions);
        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        Assert.All(File.ReadLines(predictions).Skip(1).Select(l => l.Split(',')), f => Assert.Equal(f[2], f[3]));
    }

    [Fact]
    public void A_resumed_model_reads_its_category_columns_as_categories_without_the_option()
    {
        var csv = Table();
        var first = _dir.File("first.zip");
        var trained = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--categorical", "group", "--epochs", "3", "--out", first, "--no-plots");
        Assert.True(trained.ExitCode == 0, trained.ToString());

        var resumed = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--resume", first, "--epochs", "3", "--out", _dir.File("again.zip"), "--no-plots");
        var contradicted = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--epochs", "3", "--out", _dir.File("plain.zip"), "--no-plots");
        var numeric = _dir.File("numeric.zip");
        Assert.True(contradicted.ExitCode == 0, contradicted.ToString());
        var forced = CliRunner.Run(_dir.Path, "train", csv, "--label", "label", "--categorical", "group", "--resume", _dir.File("plain.zip"), "--epochs", "3", "--out", numeric, "--no-plots");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("features: group (categorical), noise (numeric)", resumed.Output);
        Assert.NotEqual(0, forced.ExitCode);
        Assert.Contains("Column 'group' is categorical in the file but numeric in", forced.Error);
    }

    [Fact]
    public void Streaming_training_reads_the_listed_column_as_categories_too()
    {
        var result = CliRunner.Run(_dir.Path, "train", Table(), "--label", "label", "--categorical", "group", "--streaming", "--out", _dir.File("s.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("group (categorical)", result.Output);
    }

    [Fact]
    public void Compare_takes_it_for_a_csv_file_and_refuses_it_for_a_built_in_data_set()
    {
        var csv = Table();
        var compared = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "label", "--categorical", "group", "--trainers", "lbfgs", "--no-plots");
        var asNumbers = CliRunner.Run(_dir.Path, "compare", "--csv", csv, "--label", "label", "--trainers", "lbfgs", "--no-plots");
        var builtIn = CliRunner.Run(_dir.Path, "compare", "--dataset", "spiral", "--categorical", "group", "--no-plots");

        Assert.True(compared.ExitCode == 0, compared.ToString());
        // A linear model separates groups 2 and 5 from the others only when each group is a column of its own.
        Assert.Equal(1.0, Support.Table.Number(Assert.Single(Support.Table.Parse(compared.Output)), "Accuracy"), 6);
        Assert.True(Support.Table.Number(Assert.Single(Support.Table.Parse(asNumbers.Output)), "Accuracy") < 0.9, asNumbers.Output);
        Assert.Equal(ExitCodes.UsageError, builtIn.ExitCode);
        Assert.Contains("--categorical applies to the columns of a --csv file.", builtIn.Error);
    }

    [Fact]
    public void A_column_the_file_lacks_is_refused_by_name()
    {
        var result = CliRunner.Run(_dir.Path, "train", Table(), "--label", "label", "--categorical", "grup", "--out", _dir.File("x.zip"), "--no-plots");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--categorical names column 'grup'", result.Error);
        Assert.Contains("its columns are: group, noise, label", result.Error);
        Assert.False(File.Exists(_dir.File("x.zip")));
    }
}
