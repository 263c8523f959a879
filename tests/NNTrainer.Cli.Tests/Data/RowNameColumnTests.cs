using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// R's <c>write.csv(df, "x.csv")</c> writes the row names, quoted, under an empty header field: that column is the
/// table's row names, not a feature, so a model trained on the file scores the same rows saved with
/// <c>row.names = FALSE</c>.
/// </summary>
public sealed class RowNameColumnTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>TestCsv.Binary's rows as R writes them: quoted row names from 85 (R keeps a subset's names), quoted texts.</summary>
    private static string AsWrittenByR(string csv, bool rowNames)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return string.Join('\n', lines.Select((line, i) =>
        {
            var fields = line.Split(',').Select(f => double.TryParse(f, System.Globalization.CultureInfo.InvariantCulture, out _) || f == "NA" ? f : $"\"{f}\"");
            var name = i == 0 ? "\"\"" : $"\"{84 + i}\"";
            return rowNames ? name + "," + string.Join(',', fields) : string.Join(',', fields);
        })) + "\n";
    }

    [Fact]
    public void R_row_names_are_not_a_feature_and_the_model_scores_the_file_without_them()
    {
        var csv = TestCsv.Binary(120, seed: 5);
        var withNames = _dir.Write("r.csv", AsWrittenByR(csv, rowNames: true));
        var without = _dir.Write("r-norn.csv", AsWrittenByR(csv, rowNames: false));
        var model = _dir.File("m.zip");

        var train = CliRunner.Run(_dir.Path, "train", withNames, "--label", "churned", "--out", model, "--epochs", "2", "--no-plots");
        var evaluate = CliRunner.Run(_dir.Path, "evaluate", model, without);
        var predict = CliRunner.Run(_dir.Path, "predict", model, withNames, "--out", _dir.File("p.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("features: age (numeric), income (numeric), plan (categorical)", train.Output);
        Assert.Contains("Column 'Unnamed: 0' has no name in the header and a different value in every row ('85', '86', …): row names, as R's write.csv writes them", train.Output);
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Contains("on r-norn.csv: 120 rows", evaluate.Output);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.StartsWith("\"\",age,", File.ReadLines(_dir.File("p.csv")).First()); // the row names stay with their rows, under the header R wrote
    }

    [Fact]
    public void Only_an_unnamed_first_column_without_repeats_is_read_as_row_names()
    {
        float[] repeated = [.. Enumerable.Range(0, 30).Select(i => (float)(i % 5))];
        float[] distinct = [.. Enumerable.Range(0, 30).Select(i => (float)(3 * i + 7))];
        string?[] label = [.. Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? "a" : "b")];
        CsvTable Table(params TableColumn[] columns) => new("t.csv", columns, Enumerable.Range(2, 30).ToArray());

        var names = TabularProblem.Create(Table(TableColumn.Numeric("Unnamed: 0", distinct), TableColumn.Numeric("x", repeated), TableColumn.Categorical("y", label)), "y", null, new HashSet<string>());
        var measurement = TabularProblem.Create(Table(TableColumn.Numeric("Unnamed: 0", repeated), TableColumn.Numeric("x", distinct), TableColumn.Categorical("y", label)), "y", null, new HashSet<string>());
        var notFirst = TabularProblem.Create(Table(TableColumn.Numeric("x", repeated), TableColumn.Numeric("Unnamed: 0", distinct), TableColumn.Categorical("y", label)), "y", null, new HashSet<string>());

        Assert.Equal(["x"], names.Schema.Features.Select(f => f.Name));
        Assert.Equal(["Unnamed: 0", "x"], measurement.Schema.Features.Select(f => f.Name));
        Assert.Equal(["x", "Unnamed: 0"], notFirst.Schema.Features.Select(f => f.Name));
    }

    [Fact]
    public void A_model_that_reads_an_unnamed_first_column_resumes_on_a_file_where_it_reads_as_row_names()
    {
        // Trained where the column repeats (a feature), or by a version that read row names as one.
        var lines = TestCsv.Binary(120, seed: 6).TrimEnd('\n').Split('\n');
        string With(Func<int, int> value) => string.Join('\n', lines.Select((line, i) => (i == 0 ? "" : value(i).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "," + line)) + "\n";
        var repeated = _dir.Write("repeated.csv", With(i => i % 7));
        var distinct = _dir.Write("distinct.csv", With(i => i));
        var model = _dir.File("m.zip");

        var train = CliRunner.Run(_dir.Path, "train", repeated, "--label", "churned", "--out", model, "--epochs", "2", "--no-plots");
        var resume = CliRunner.Run(_dir.Path, "train", distinct, "--label", "churned", "--resume", model, "--out", _dir.File("r.zip"), "--epochs", "2", "--no-plots");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("features: Unnamed: 0 (numeric), age (numeric)", train.Output);
        Assert.True(resume.ExitCode == 0, resume.ToString());
    }
}
