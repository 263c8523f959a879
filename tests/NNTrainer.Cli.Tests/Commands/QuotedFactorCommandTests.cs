using System.Globalization;
using System.Text;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// A table as R's write.csv writes it, whose label is decided by a factor with numbers for labels (VerbAgg's respondent
/// id): train reads the quoted column as categories and says so, the saved model reads evaluate's and predict's files
/// the same way, streaming too, and <c>--numeric</c> turns the rule off.
/// </summary>
public sealed class QuotedFactorCommandTests : IDisposable
{
    private const int Levels = 40;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Level i of 40 (quoted "1"…"40", as R writes a factor) has a class of its own drawn at random; x is noise.</summary>
    private string Table(string name, int rowsPerLevel, int seed, bool quoted = true)
    {
        var classes = new Random(7);
        var label = Enumerable.Range(0, Levels + 1).Select(_ => classes.Next(2) == 0 ? "no" : "yes").ToArray();
        var random = new Random(seed);
        var q = quoted ? "\"" : "";
        var text = new StringBuilder($"{q}x{q},{q}id{q},{q}y{q}\n");
        for (int r = 0; r < rowsPerLevel; r++)
        {
            for (int level = 1; level <= Levels; level++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F3},{q}{level}{q},{q}{label[level]}{q}\n");
            }
        }
        return _dir.Write(name, text.ToString());
    }

    private double Accuracy(string model, string test)
    {
        var evaluated = CliRunner.Run(_dir.Path, "evaluate", model, test);
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        return Support.Table.Number(Assert.Single(Support.Table.Parse(evaluated.Output)), "Accuracy");
    }

    [Fact]
    public void A_quoted_factor_of_numbers_is_learnt_as_categories_and_scores_far_better_than_as_numbers()
    {
        var train = Table("train.csv", rowsPerLevel: 10, seed: 1);
        var test = Table("test.csv", rowsPerLevel: 4, seed: 2);
        var model = _dir.File("m.zip");

        var trained = CliRunner.Run(_dir.Path, "train", train, "--label", "y", "--out", model, "--no-plots");
        var numbers = CliRunner.Run(_dir.Path, "train", train, "--label", "y", "--numeric", "id", "--out", _dir.File("n.zip"), "--no-plots");

        Assert.True(trained.ExitCode == 0, trained.ToString());
        Assert.True(numbers.ExitCode == 0, numbers.ToString());
        Assert.Contains("features: x (numeric), id (categorical)", trained.Output);
        Assert.Contains("Column 'id' was read as categories although it holds numbers: the file quotes them and not its numbers", trained.Output);
        Assert.Contains("features: x (numeric), id (numeric)", numbers.Output);
        Assert.DoesNotContain("was read as categories", numbers.Output);
        double categories = Accuracy(model, test), asNumbers = Accuracy(_dir.File("n.zip"), test);
        Assert.True(categories >= 0.95, $"categories: accuracy {categories}");
        Assert.True(asNumbers <= 0.8, $"numbers: accuracy {asNumbers}");
    }

    [Fact]
    public void The_saved_model_reads_a_file_without_quotes_as_it_was_trained_and_predicts_each_levels_class()
    {
        var model = _dir.File("m.zip");
        var trained = CliRunner.Run(_dir.Path, "train", Table("train.csv", rowsPerLevel: 10, seed: 1), "--label", "y", "--out", model, "--no-plots");
        Assert.True(trained.ExitCode == 0, trained.ToString());
        var plain = Table("plain.csv", rowsPerLevel: 2, seed: 3, quoted: false);
        var predictions = _dir.File("p.csv");

        var predicted = CliRunner.Run(_dir.Path, "predict", model, plain, "--out", predictions);

        Assert.True(predicted.ExitCode == 0, predicted.ToString());
        var rows = File.ReadLines(predictions).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(2 * Levels, rows.Length);
        // x, id, y, predicted_y, …: every level's class comes back.
        Assert.True(rows.Count(f => f[2] == f[3]) >= 0.95 * rows.Length, predicted.ToString());
    }

    [Fact]
    public void Numeric_is_refused_for_a_built_in_data_set_and_for_a_column_the_file_lacks()
    {
        var builtIn = CliRunner.Run(_dir.Path, "compare", "--dataset", "spiral", "--numeric", "id", "--no-plots");
        var unknown = CliRunner.Run(_dir.Path, "train", Table("t.csv", rowsPerLevel: 1, seed: 1), "--label", "y", "--numeric", "ID", "--out", _dir.File("m.zip"), "--no-plots");

        Assert.Equal(2, builtIn.ExitCode);
        Assert.Contains("--numeric applies to the columns of a --csv file.", builtIn.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--numeric names column 'ID', which", unknown.Error);
        Assert.False(File.Exists(_dir.File("m.zip")));
    }

    [Fact]
    public void Streaming_training_reads_the_quoted_column_as_categories_too()
    {
        var result = CliRunner.Run(_dir.Path, "train", Table("train.csv", rowsPerLevel: 10, seed: 1), "--label", "y", "--streaming", "--epochs", "3", "--out", _dir.File("s.zip"), "--no-plots");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("id (categorical)", result.Output);
        Assert.Contains("Column 'id' was read as categories although it holds numbers", result.Output);
    }
}
