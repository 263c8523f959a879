using NNTrainer.Cli.Commands;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>Predicting a file of earlier predictions again: the new columns never take a name the file already has.</summary>
public sealed class PredictColumnNamesTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void A_taken_name_gets_the_first_free_suffix_and_a_note()
    {
        var schema = new ModelSchema(TaskKind.Binary, "churned", ["no", "yes"], [new FeatureColumn("age", ColumnKind.Numeric)], Trainer: "NeuralNetwork");
        var notes = new List<string>();

        var names = PredictCommand.PredictionColumns(schema, ["age", "predicted_churned", "predicted_churned_2", "probability_yes"], notes);

        Assert.Equal(["predicted_churned_3", "probability_yes_2"], names);
        Assert.Equal(
        [
            "The file already has a column 'predicted_churned': the new predictions are written as 'predicted_churned_3'.",
            "The file already has a column 'probability_yes': the new predictions are written as 'probability_yes_2'.",
        ], notes);
    }

    [Fact]
    public void Scoring_a_file_of_predictions_again_writes_each_header_once()
    {
        var first = Path.Combine(models.Directory, "scored-once.csv");
        var second = Path.Combine(models.Directory, "scored-twice.csv");
        var once = CliRunner.Run(models.Directory, "predict", models.BinaryModel, models.BinaryCsv, "--out", first);
        Assert.True(once.ExitCode == 0, once.ToString());

        var twice = CliRunner.Run(models.Directory, "predict", models.BinaryModel, first, "--out", second);

        Assert.True(twice.ExitCode == 0, twice.ToString());
        var header = File.ReadLines(second).First().Split(',');
        Assert.Equal(header.Length, header.Distinct().Count());
        Assert.Equal(["predicted_churned", "probability_yes", "predicted_churned_2", "probability_yes_2"], header[^4..]);
        Assert.Contains("the new predictions are written as 'predicted_churned_2'", twice.Output);
        // The same rows scored by the same model: the new columns repeat the old ones.
        Assert.All(File.ReadLines(second).Skip(1).Select(l => l.Split(',')), f => Assert.Equal(f[^4], f[^2]));
    }

    /// <summary>
    /// R's write.csv heads its row names with "": the predictions file kept the input's columns but named that one
    /// <c>Unnamed: 0</c> (pandas' name, which the reader uses), so read.csv gave the user a column <c>Unnamed..0</c>.
    /// </summary>
    [Fact]
    public void A_blank_header_field_stays_blank_in_the_predictions()
    {
        var lines = File.ReadAllLines(models.BinaryCsv);
        var rnames = Path.Combine(models.Directory, "binary-rownames.csv");
        File.WriteAllLines(rnames, [$"\"\",{lines[0]}", .. lines.Skip(1).Select((l, i) => $"\"{i + 1}\",{l}")]);
        var output = Path.Combine(models.Directory, "binary-rownames-predicted.csv");

        var run = CliRunner.Run(models.Directory, "predict", models.BinaryModel, rnames, "--out", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var header = File.ReadLines(output).First();
        Assert.Equal($"\"\",{lines[0]},predicted_churned,probability_yes", header);
        Assert.StartsWith("1,", File.ReadLines(output).Skip(1).First(), StringComparison.Ordinal);
    }
}
