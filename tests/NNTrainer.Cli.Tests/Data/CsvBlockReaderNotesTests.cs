using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// The notes <c>predict</c> and <c>evaluate</c> give after reading a file for a saved model: missing values grouped on a
/// wide table as training's are, and texts outside a capped column's categories told apart from texts never seen.
/// </summary>
public sealed class CsvBlockReaderNotesTests
{
    [Fact]
    public void Twelve_columns_with_blanks_make_one_note_at_predict_as_at_train()
    {
        // Set 4's pbc: twelve per-column lines on every refit and prediction, where train's first note was one.
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder(string.Join(',', Enumerable.Range(0, 12).Select(c => $"x{c}")) + ",y\n");
        for (int i = 0; i < 80; i++)
            text.Append(string.Join(',', Enumerable.Range(0, 12).Select(c => i % 10 == c % 10 ? "" : System.FormattableString.Invariant($"{(i * 7 + c) % 13 * 0.1:F1}")))).Append(i % 2 == 0 ? ",a\n" : ",b\n");
        var csv = dir.Write("wide-blanks.csv", text.ToString());
        var model = dir.File("wide-blanks.zip");

        var train = CliRunner.Run(dir.Path, "train", csv, "--label", "y", "--out", model, "--no-plots", "--epochs", "2");
        var predict = CliRunner.Run(dir.Path, "predict", model, csv, "--out", dir.File("p.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Contains("12 numeric columns have missing values (10% of the rows each), replaced by the training mean: 'x0', 'x1', 'x2' and 9 more.", predict.Output);
        Assert.DoesNotContain("Column 'x3':", predict.Output);
    }

    [Fact]
    public void Texts_past_a_capped_column_are_told_apart_from_texts_never_seen()
    {
        var capped = UnseenCategoryNote.For("name", ["Zelda", "Yuri", "Xena", "Walt"], more: false, known: 100, cap: 100);
        var unseen = UnseenCategoryNote.For("color", ["teal"], more: true, known: 5, cap: 100);
        // 99 categories under a cap of 100 were all the column had: a text outside them was never seen.
        var underCap = UnseenCategoryNote.For("name", ["Zelda"], more: false, known: 99, cap: 100);

        Assert.Contains("not among the categories the model was trained with", underCap);
        Assert.Equal("Column 'name': 4 values outside the 100 most frequent categories the model keeps for it ('Zelda', 'Yuri', 'Xena', …) encoded as no category, as training encoded its rarer ones (--max-categories).", capped);
        Assert.Equal("Column 'color': 1+ value not among the categories the model was trained with ('teal') encoded as no category.", unseen);
    }

    [Fact]
    public void Predict_on_the_training_file_of_a_capped_column_says_the_model_kept_its_most_frequent_categories()
    {
        using var dir = new TempDirectory();
        var text = new System.Text.StringBuilder("name,x,y\n");
        for (int i = 0; i < 300; i++) text.Append(System.FormattableString.Invariant($"n{(i < 200 ? i % 10 : i)},{i % 7 * 0.1:F1},{(i % 3 == 0 ? "a" : "b")}\n"));
        var csv = dir.Write("capped.csv", text.ToString());
        var model = dir.File("capped.zip");

        var train = CliRunner.Run(dir.Path, "train", csv, "--label", "y", "--out", model, "--no-plots", "--epochs", "2", "--max-categories", "20");
        var predict = CliRunner.Run(dir.Path, "predict", model, csv, "--out", dir.File("p.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Contains("Column 'name': ", predict.Output);
        Assert.Contains("most frequent categories the model keeps for it", predict.Output);
        Assert.DoesNotContain("not among the categories the model was trained with", predict.Output);
    }
}
