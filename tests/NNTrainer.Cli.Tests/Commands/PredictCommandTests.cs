using System.Globalization;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

public sealed class PredictCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void MulticlassPredictionsKeepTheRowsAndAddClassAndProbabilities()
    {
        var output = Path.Combine(models.Directory, "predictions-multi.csv");
        var result = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, models.MulticlassCsv, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Predictions: {output}", result.Output);
        var input = File.ReadAllLines(models.MulticlassCsv);
        var lines = File.ReadAllLines(output);
        Assert.Equal(input.Length, lines.Length);
        Assert.Equal(input[0] + ",predicted_species,probability_setosa,probability_versicolor,probability_virginica", lines[0]);
        int correct = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            Assert.StartsWith(input[i] + ",", lines[i]);
            var fields = lines[i].Split(',');
            Assert.Equal(10, fields.Length);
            var probabilities = fields[7..].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, probabilities.Sum(), 4);
            var predicted = fields[6];
            Assert.Equal(TestCsv.Species[Array.IndexOf(probabilities, probabilities.Max())], predicted);
            if (predicted == fields[5]) correct++;
        }
        Assert.True(correct >= 0.85 * (lines.Length - 1), $"{correct} of {lines.Length - 1} correct");
    }

    [Fact]
    public void BinaryPredictionsWithoutTheLabelColumn()
    {
        var csv = Path.Combine(models.Directory, "unlabelled.csv");
        File.WriteAllLines(csv, File.ReadAllLines(models.BinaryCsv).Select(l => l[..l.LastIndexOf(',')]));
        var output = Path.Combine(models.Directory, "predictions-binary.csv");

        var result = CliRunner.Run(models.Directory, "predict", models.BinaryModel, csv, "--out", output, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(output);
        Assert.Equal("age,income,plan,predicted_churned,probability_yes", lines[0]);
        var labels = File.ReadAllLines(models.BinaryCsv).Skip(1).Select(l => l[(l.LastIndexOf(',') + 1)..]).ToArray();
        int agree = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            var p = double.Parse(fields[4], CultureInfo.InvariantCulture);
            Assert.InRange(p, 0, 1);
            Assert.Equal(p > 0.5 ? "yes" : "no", fields[3]);
            if (fields[3] == labels[i - 1]) agree++;
        }
        Assert.True(agree >= 0.9 * labels.Length, $"{agree} of {labels.Length}");
    }

    [Fact]
    public void NonAsciiRowsAreCopiedAsUtf8AndTheJsonSaysWhereTheSecondsWent()
    {
        // An unseen category with accents: it scores as no known category and must be copied byte for byte.
        var csv = Path.Combine(models.Directory, "accented.csv");
        File.WriteAllLines(csv, File.ReadAllLines(models.BinaryCsv).Select((l, i) => i % 3 == 1 ? l.Replace(",basic,", ",prémium ünï,") : l));
        var output = Path.Combine(models.Directory, "predictions-accented.csv");

        var result = CliRunner.Run(models.Directory, "predict", models.BinaryModel, csv, "--out", output, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var input = File.ReadAllLines(csv);
        var lines = File.ReadAllLines(output, System.Text.Encoding.UTF8);
        Assert.Contains(input, l => l.Contains("prémium ünï"));
        Assert.Equal(input.Length, lines.Length);
        for (int i = 1; i < lines.Length; i++) Assert.StartsWith(input[i] + ",", lines[i]);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        foreach (var key in new[] { "seconds", "cpu_seconds" })
        {
            var phases = json.RootElement.GetProperty(key).EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(["startup", "start", "read", "score_and_check", "write"], phases);
        }
    }

    [Fact]
    public void MissingFeatureColumnIsOneClearError()
    {
        var csv = Path.Combine(models.Directory, "no-plan.csv");
        File.WriteAllLines(csv, File.ReadAllLines(models.BinaryCsv).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 2))));

        var result = CliRunner.Run(models.Directory, "predict", models.BinaryModel, csv, "--out", Path.Combine(models.Directory, "never.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {csv} has no column 'plan' (a feature the model was trained on); its columns are: age, income, churned.", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Path.Combine(models.Directory, "never.csv")));
    }

    [Fact]
    public void TextInANumericColumnNamesTheLine()
    {
        var lines = File.ReadAllLines(models.BinaryCsv);
        lines[3] = "old," + lines[3][(lines[3].IndexOf(',') + 1)..];
        var csv = Path.Combine(models.Directory, "text-age.csv");
        File.WriteAllLines(csv, lines);

        var result = CliRunner.Run(models.Directory, "predict", models.BinaryModel, csv, "--out", Path.Combine(models.Directory, "never2.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {csv} line 4: column 'age' must be numeric, but holds 'old'.", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void ADamagedModelZipIsOneErrorLineNamingTheEntry()
    {
        var damaged = Path.Combine(models.Directory, "damaged-predict.zip");
        string entry = DamagedModel.WithWrongCrc(models.MulticlassModel, damaged);

        var result = CliRunner.Run(models.Directory, "predict", damaged, models.MulticlassCsv, "--out", Path.Combine(models.Directory, "damaged.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: Model file {damaged}: entry '{entry}' is damaged: its data has CRC-32 ", Assert.Single(result.ErrorLines));
    }
}

public sealed class PredictBadRowTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void ABadRowNearTheEndStopsPredictWithNothingWritten()
    {
        var lines = File.ReadAllLines(models.MulticlassCsv).ToList();
        var good = lines.Skip(1).ToList();
        for (int i = 0; i < 60; i++) lines.AddRange(good);
        lines.Add("1.0,2.0");
        var csv = Path.Combine(models.Directory, "late-bad-row.csv");
        File.WriteAllLines(csv, lines);
        var output = Path.Combine(models.Directory, "late-bad-row-predictions.csv");

        var result = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, csv, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {csv} line {lines.Count}: 2 fields, but the header has", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(models.Directory, "late-bad-row-predictions.csv*"));
    }

    [Fact]
    public void SkipBadRowsPredictsTheOthersAndCountsThem()
    {
        var lines = File.ReadAllLines(models.MulticlassCsv).ToList();
        int fields = lines[0].Split(',').Length;
        lines.Insert(3, "1.0,2.0");
        var row = lines[6].Split(',');
        row[1] = "oops"; // x1, a numeric feature
        lines.Insert(6, string.Join(',', row));
        var csv = Path.Combine(models.Directory, "some-bad-rows.csv");
        File.WriteAllLines(csv, lines);
        var output = Path.Combine(models.Directory, "some-bad-rows-predictions.csv");

        var result = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, csv, "--out", output, "--skip-bad-rows");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("2 malformed or unreadable rows were skipped (--skip-bad-rows): lines 4, 7.", result.Output);
        Assert.Equal(lines.Count - 2, File.ReadAllLines(output).Length);
        Assert.All(File.ReadAllLines(output), l => Assert.True(l.Split(',').Length > fields));
    }

    [Fact]
    public void RowsOfManyBlocksComeOutInInputOrderEachWithItsOwnScores()
    {
        // 20,000 rows are three of predict's 8,192-row blocks; the same rows reversed put every row in another block at
        // another place, so a block written out of order, or a row scored with another's features, shows as a mismatch.
        var lines = TestCsv.Multiclass(20_000, seed: 9).TrimEnd('\n').Split('\n');
        var forward = Path.Combine(models.Directory, "order-forward.csv");
        var reversed = Path.Combine(models.Directory, "order-reversed.csv");
        File.WriteAllLines(forward, lines);
        File.WriteAllLines(reversed, [lines[0], .. lines[1..].Reverse()]);
        var forwardOut = Path.Combine(models.Directory, "order-forward-out.csv");
        var reversedOut = Path.Combine(models.Directory, "order-reversed-out.csv");

        var a = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, forward, "--out", forwardOut, "--quiet");
        var b = CliRunner.Run(models.Directory, "predict", models.MulticlassModel, reversed, "--out", reversedOut, "--quiet");

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.ToString() + b);
        var first = File.ReadAllLines(forwardOut);
        var second = File.ReadAllLines(reversedOut);
        Assert.Equal(lines.Length, first.Length);
        Assert.Equal(lines.Length, second.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            Assert.StartsWith(lines[i] + ",", first[i]);
            var mirrored = second[lines.Length - i];
            Assert.StartsWith(lines[i] + ",", mirrored);
            var p = first[i].Split(',')[^3..].Select(f => double.Parse(f, CultureInfo.InvariantCulture));
            var q = mirrored.Split(',')[^3..].Select(f => double.Parse(f, CultureInfo.InvariantCulture));
            Assert.All(p.Zip(q), pair => Assert.Equal(pair.First, pair.Second, 6));
        }
    }
}
