using System.Globalization;
using System.Text;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// A label of whole numbers 1–10 (a test score, as mlmRev's ScotsSec <c>attain</c>) is read as 10 classes by
/// <c>--task auto</c>; train (with or without <c>--cv</c>) and compare now say so and name <c>--task regression</c>. Not said when the task was
/// given, for two values (a yes/no) or for text classes.
/// </summary>
public sealed class IntegerClassesNoteTests : IDisposable
{
    private const string Note = "Label 'score' holds 10 different whole numbers (1 to 10), read as 10 classes: up to 10 are. If they measure an amount (a score, a count), --task regression predicts it as a number.";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, Func<int, string> label)
    {
        var text = new StringBuilder("x,score\n");
        for (int i = 0; i < 120; i++) text.Append(CultureInfo.InvariantCulture, $"{i * 0.1},{label(i)}\n");
        return _dir.Write(name, text.ToString());
    }

    [Fact]
    public void Train_and_compare_say_that_a_score_of_1_to_10_was_read_as_classes()
    {
        var csv = Write("scores.csv", i => (i % 10 + 1).ToString(CultureInfo.InvariantCulture));

        var train = CliRunner.Run(_dir.Path, "train", csv, "--label", "score", "--out", _dir.File("m.zip"), "--epochs", "2", "--no-plots");
        var compare = CliRunner.Run(_dir.Path, "compare", csv, "--label", "score", "--trainers", "nn", "--epochs", "2", "--no-plots");
        var regression = CliRunner.Run(_dir.Path, "train", csv, "--label", "score", "--task", "regression", "--out", _dir.File("r.zip"), "--epochs", "2", "--no-plots");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("label 'score' (multiclass, 10 classes)", train.Output);
        Assert.Contains(Note, train.Output);
        Assert.True(compare.ExitCode == 0, compare.ToString());
        Assert.Contains(Note, compare.Output);
        Assert.True(regression.ExitCode == 0, regression.ToString());
        Assert.DoesNotContain("read as 10 classes", regression.Output);
    }

    [Fact]
    public void Train_with_cv_says_it_too_and_not_when_the_task_is_given()
    {
        var csv = Write("scores.csv", i => (i % 10 + 1).ToString(CultureInfo.InvariantCulture));

        var cv = CliRunner.Run(_dir.Path, "train", csv, "--label", "score", "--cv", "3", "--out", _dir.File("m.zip"), "--epochs", "2", "--no-plots");
        var json = CliRunner.Run(_dir.Path, "train", csv, "--label", "score", "--cv", "3", "--out", _dir.File("j.zip"), "--epochs", "2", "--no-plots", "--json");
        var given = CliRunner.Run(_dir.Path, "train", csv, "--label", "score", "--cv", "3", "--task", "multiclass", "--out", _dir.File("g.zip"), "--epochs", "2", "--no-plots");

        Assert.True(cv.ExitCode == 0, cv.ToString());
        Assert.Contains(Note, cv.Output);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains(System.Text.Json.Nodes.JsonNode.Parse(json.Output)!["notes"]!.AsArray(), n => n!.GetValue<string>() == Note);
        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.DoesNotContain("read as 10 classes", given.Output);
    }

    [Fact]
    public void Two_whole_numbers_and_text_classes_get_no_note()
    {
        var binary = Write("binary.csv", i => (i % 2).ToString(CultureInfo.InvariantCulture));
        var text = Write("text.csv", i => ((char)('a' + i % 3)).ToString());

        var zeroOne = CliRunner.Run(_dir.Path, "train", binary, "--label", "score", "--out", _dir.File("b.zip"), "--epochs", "2", "--no-plots");
        var letters = CliRunner.Run(_dir.Path, "train", text, "--label", "score", "--out", _dir.File("t.zip"), "--epochs", "2", "--no-plots");

        Assert.True(zeroOne.ExitCode == 0, zeroOne.ToString());
        Assert.DoesNotContain("whole numbers", zeroOne.Output);
        Assert.True(letters.ExitCode == 0, letters.ToString());
        Assert.Contains("(multiclass, 3 classes)", letters.Output);
        Assert.DoesNotContain("whole numbers", letters.Output);
    }
}
