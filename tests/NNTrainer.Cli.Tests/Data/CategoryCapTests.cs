using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// <c>--max-categories</c>: a category column of more categories than the cap keeps them all when asked, the note says
/// how, and the cap is saved with the model; without the option the cap scales with the rows (<see cref="CategoryCap.ForRows"/>).
/// </summary>
public sealed class CategoryCapTests : IDisposable
{
    private const int Levels = 150;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EveryLevelOfAWideFactorTrainsWhenMaxCategoriesCoversIt()
    {
        var train = _dir.Write("train.csv", Table(rowsPerLevel: 8, seed: 1));
        var test = _dir.Write("test.csv", Table(rowsPerLevel: 4, seed: 2));

        var capped = TrainAndEvaluate(train, test, "capped", "--max-categories", "100");
        var all = TrainAndEvaluate(train, test, "all", "--max-categories", "150");
        // 150 levels on 1,200 rows: the default cap for so few rows is 1,000, which keeps them all and is saved.
        var scaled = TrainAndEvaluate(train, test, "scaled");

        // The class is the level's own: past the 100 kept levels the 'other' slot can only guess.
        Assert.Contains($"Column 'level' has {Levels} distinct texts: its 100 most frequent categories are one-hot encoded and the other 50 share one 'other' encoding (--max-categories {Levels} keeps them all).", capped.Notes);
        Assert.DoesNotContain(all.Notes, n => n.Contains("distinct texts", StringComparison.Ordinal));
        Assert.True(all.Accuracy >= 0.97, $"all levels: accuracy {all.Accuracy}");
        Assert.True(capped.Accuracy <= 0.92, $"100 levels: accuracy {capped.Accuracy}");
        Assert.Equal(150, SavedCap(_dir.File("all.zip")));
        Assert.Null(SavedCap(_dir.File("capped.zip")));
        Assert.DoesNotContain(scaled.Notes, n => n.Contains("distinct texts", StringComparison.Ordinal));
        Assert.True(scaled.Accuracy >= 0.97, $"default cap: accuracy {scaled.Accuracy}");
        Assert.Equal(1000, SavedCap(_dir.File("scaled.zip")));
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2_000, 1000)]
    [InlineData(32_000, 1000)]
    [InlineData(64_000, 500)]
    [InlineData(100_000, 320)]
    [InlineData(320_000, 100)]
    [InlineData(10_000_000, 100)]
    public void The_default_cap_keeps_the_one_hot_values_of_a_column_under_32_million(long rows, int cap)
    {
        Assert.Equal(cap, CategoryCap.ForRows(rows));
        Assert.True(rows * Math.Min(cap, CategoryCap.FreeTextDistinct) <= CategoryCap.OneHotBudget || cap == CategoryCap.MaxCategories);
    }

    [Fact]
    public void A_column_of_many_categories_on_many_rows_is_capped_with_a_note_that_names_the_option()
    {
        // 400 levels on 100,000 rows: the default cap for them is 320 (a table, not a file: TabularProblem takes the rows as read).
        var texts = Enumerable.Range(0, 100_000).Select(r => (string?)$"L{r % 400:D3}").ToArray();
        var labels = Enumerable.Range(0, 100_000).Select(r => (float)(r % 2)).ToArray();
        var table = new CsvTable("wide.csv", [TableColumn.Categorical("level", texts), TableColumn.Numeric("y", labels)], Enumerable.Range(2, 100_000).ToArray());

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Contains("Column 'level' has 400 distinct texts: its 320 most frequent categories are one-hot encoded and the other 80 share one 'other' encoding "
            + "(the default cap for 100,000 rows keeps a column's one-hot features under 32M values, 128 MB; --max-categories 400 keeps them all).", problem.Notes);
        Assert.Equal(320, problem.Schema.MaxCategories);
        Assert.Equal(320, CategoryCap.For(problem.Schema));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100001")]
    public void AMaxCategoriesOutOfRangeIsAUsageError(string value)
    {
        var train = _dir.Write("small.csv", "a,y\nx,1\ny,0\n");

        var result = CliRunner.Run(_dir.Path, "train", train, "--label", "y", "--out", _dir.File("m.zip"), "--max-categories", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--max-categories must be from 2 to 100,000; got {value}.", result.Error);
        Assert.False(File.Exists(_dir.File("m.zip")));
    }

    [Fact]
    public void AModelSavedWithoutTheOptionReadsWithTheDefaultCap() =>
        Assert.Equal(100, CategoryCap.For(new NNTrainer.Cli.Models.ModelSchema(NNTrainer.Cli.Evaluation.TaskKind.Binary, "y", ["a", "b"], [], "NeuralNetwork")));

    /// <summary>Level i of 150 (texts 'L000'…) belongs to class i mod 2, with one numeric column of noise.</summary>
    private static string Table(int rowsPerLevel, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("level,noise,y\n");
        for (int r = 0; r < rowsPerLevel; r++)
        {
            for (int level = 0; level < Levels; level++)
            {
                text.Append(CultureInfo.InvariantCulture, $"L{level:D3},{random.NextDouble():F3},{(level % 2 == 0 ? "even" : "odd")}\n");
            }
        }
        return text.ToString();
    }

    private (double Accuracy, string[] Notes) TrainAndEvaluate(string train, string test, string name, params string[] extra)
    {
        var model = _dir.File($"{name}.zip");
        var trained = CliRunner.Run(_dir.Path, ["train", train, "--label", "y", "--out", model, "--no-plots", "--json", .. extra]);
        Assert.True(trained.ExitCode == 0, trained.ToString());
        using var json = JsonDocument.Parse(trained.Output);
        var notes = json.RootElement.TryGetProperty("notes", out var n) ? n.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
        var evaluated = CliRunner.Run(_dir.Path, "evaluate", model, test, "--json");
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        using var scores = JsonDocument.Parse(evaluated.Output);
        return (scores.RootElement.GetProperty("results")[0].GetProperty("metrics").GetProperty("Accuracy").GetDouble(), notes);
    }

    private static int? SavedCap(string model)
    {
        using var zip = ZipFile.OpenRead(model);
        using var reader = new StreamReader(zip.GetEntry("nntrainer/schema.json")!.Open());
        using var schema = JsonDocument.Parse(reader.ReadToEnd());
        return schema.RootElement.TryGetProperty("MaxCategories", out var cap) ? cap.GetInt32() : null;
    }
}
