using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>A text the model was not trained with is encoded as no category, and predict and evaluate say so.</summary>
public sealed class UnseenCategoryTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void PredictNotesTheTextsOfAColumnTheModelHasNoCategoryFor()
    {
        // Four distinct unseen colours over many rows: counted once each, the first three shown.
        string[] unseen = ["purple", "lila", "teal", "ochre"];
        var lines = File.ReadAllLines(models.MulticlassCsv);
        for (int i = 1; i < lines.Length; i += 5)
        {
            var fields = lines[i].Split(',');
            fields[3] = unseen[(i / 5) % unseen.Length];
            lines[i] = string.Join(',', fields);
        }
        var csv = Path.Combine(models.Directory, "unseen-colours.csv");
        File.WriteAllLines(csv, lines);

        var predict = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, csv, "--out", Path.Combine(models.Directory, "unseen-out.csv"));
        var evaluate = CliRunner.Run(models.Directory, "evaluate", models.MulticlassModel, csv);

        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Contains("Column 'color': 4 values not among the categories the model was trained with ('purple', 'lila', 'teal', …) encoded as no category.", predict.Output);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("Column 'color': 4 values not among the categories", evaluate.Output);
    }

    [Fact]
    public void AFileOfKnownCategoriesGetsNoSuchNote()
    {
        var result = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, models.MulticlassCsv, "--out", Path.Combine(models.Directory, "known-out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("not among the categories", result.Output);
    }
}
