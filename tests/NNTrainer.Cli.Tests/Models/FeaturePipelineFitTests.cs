using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Models;

/// <summary>
/// <see cref="FeaturePipeline.Fit"/> (statistics from the typed columns, stock transforms fitted on tiny views) against
/// ML.NET fitting the same pipeline on the rows: the saved transformers must be the same bytes.
/// </summary>
public sealed class FeaturePipelineFitTests
{
    [Theory]
    [InlineData("binary", false)]
    [InlineData("multiclass", true)]
    [InlineData("regression", true)]
    public void SameSavedTransformersAsMlNetFittingTheRows(string taskName, bool subset)
    {
        var task = Enum.Parse<TaskKind>(taskName, ignoreCase: true);
        var table = RandomTable(task, rows: 3_000, seed: (int)task + 11);
        var problem = TabularProblem.Create(table, "y", task, new HashSet<string>());
        int[]? rows = subset ? HoldOutSplit.Random(problem.Table.RowCount, 0.25, 5).Train : null;

        var (expected, ours) = FitBothWays(problem, rows);

        AssertSameSavedModel(expected, ours);
    }

    [Fact]
    public void ConstantZeroAndMostlyMissingColumnsAsMlNetDoes()
    {
        var random = new Random(3);
        int n = 500;
        var table = new CsvTable("edge.csv",
        [
            TableColumn.Numeric("constant", Enumerable.Repeat(2.5f, n).ToArray()),
            TableColumn.Numeric("zeros", new float[n]),
            TableColumn.Numeric("oneValue", Enumerable.Range(0, n).Select(i => i == 7 ? -3f : float.NaN).ToArray()),
            TableColumn.Numeric("huge", Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 3e30)).ToArray()),
            TableColumn.Numeric("tiny", Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 1e-30 - 5e-31)).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray()),
        ], Enumerable.Range(2, n).ToArray());
        var problem = TabularProblem.Create(table, "y", TaskKind.Regression, new HashSet<string>());
        // A file's constant columns are left out of its features (ConstantColumn), but the rows of a fold or a measuring
        // fit can still hold one value in a column: the pipeline is checked with them kept.
        problem = problem.WithSchema(problem.Schema with { Features = [.. table.Columns.Where(c => c.Name != "y").Select(c => new FeatureColumn(c.Name, ColumnKind.Numeric))] });

        var (expected, ours) = FitBothWays(problem, null);

        AssertSameSavedModel(expected, ours);
    }

    [Fact]
    public void CategoriesInOrderOfOccurrenceGiveMlNetsOwnOneHotFitOnAllRows()
    {
        // The final fit on every row: ML.NET learned the categories from the rows, in the order they first occur.
        var table = RandomTable(TaskKind.Binary, rows: 2_000, seed: 21);
        var problem = TabularProblem.Create(table, "y", TaskKind.Binary, new HashSet<string>());
        var raw = TableDataView.Create(problem.Table, problem.Schema, labelRequired: true);

        var expected = FeaturePipeline.Create(new MLContext(1), problem.Schema).Fit(raw);
        var ours = FeaturePipeline.Fit(new MLContext(1), problem.Schema, CategoryCap.InOrderOfOccurrence(problem.Table, problem.Schema), problem.Table, null, raw);

        Assert.NotNull(ours);
        AssertSameSavedModel((expected, raw.Schema, raw), (ours, raw.Schema, raw));
    }

    [Fact]
    public void AColumnOfManyCategoriesIsCappedInTheFinalFitToo()
    {
        var texts = Enumerable.Range(0, 1_000).Select(i => $"c{i % 150}").ToArray();
        var table = new CsvTable("many.csv", [TableColumn.Categorical("code", texts), TableColumn.Numeric("y", Enumerable.Range(0, 1_000).Select(i => (float)i).ToArray())],
            Enumerable.Range(2, 1_000).ToArray());
        var problem = TabularProblem.Create(table, "y", TaskKind.Regression, new HashSet<string>(), maxCategories: CategoryCap.MaxCategories);

        var categories = CategoryCap.InOrderOfOccurrence(problem.Table, problem.Schema);

        Assert.Equal(CategoryCap.MaxCategories, categories["code"].Length);
        Assert.Equal(CategoryCap.Choose(problem.Table, problem.Schema, Enumerable.Range(0, 1_000).ToArray())["code"], categories["code"]);
    }

    [Fact]
    public void StatisticsFollowMlNetsRunningMeanAndZeroFold()
    {
        float[] values = [0, 2, float.NaN, -4, 0, 8];
        var statistics = NumericStatistics.Compute([values, [float.NaN, float.NaN], [0f, 0f, 0f]], null);

        // Mean of the five non-missing values (zeros count): 6 / 5.
        Assert.Equal(1.2f, statistics.Fill[0]);
        // Filled: 0, 2, 1.2, -4, 0, 8 → mean 7.2 / 6, variance + mean² = mean of squares = 85.44 / 6.
        Assert.Equal((float)Math.Sqrt(85.44 / 6), statistics.RootMeanSquare[0], 6);
        // All missing: ML.NET fills with 0 and the column is then constant.
        Assert.Equal(0f, statistics.Fill[1]);
        Assert.Equal(0f, statistics.RootMeanSquare[1]);
        Assert.Equal(0f, statistics.RootMeanSquare[2]);
    }

    private static ((ITransformer Model, DataViewSchema Schema, IDataView Raw) Expected, (ITransformer Model, DataViewSchema Schema, IDataView Raw) Ours) FitBothWays(TabularProblem problem, int[]? rows)
    {
        var table = problem.Table;
        var raw = TableDataView.Create(table, problem.Schema, labelRequired: false, rows);
        var categories = CategoryCap.Choose(table, problem.Schema, rows ?? Enumerable.Range(0, table.RowCount).ToArray());
        var expected = FeaturePipeline.Create(new MLContext(1), problem.Schema, categories).Fit(raw);
        var ours = FeaturePipeline.Fit(new MLContext(1), problem.Schema, categories, table, rows, raw);
        Assert.NotNull(ours);
        return ((expected, raw.Schema, raw), (ours, raw.Schema, raw));
    }

    private static CsvTable RandomTable(TaskKind task, int rows, int seed)
    {
        var random = new Random(seed);
        float Value(int column) => random.NextDouble() switch
        {
            < 0.05 => float.NaN,
            < 0.12 => 0f,
            _ => (float)((random.NextDouble() - 0.3) * Math.Pow(10, column - 2)),
        };
        var columns = new List<TableColumn>();
        for (int c = 0; c < 5; c++) columns.Add(TableColumn.Numeric($"x{c}", Enumerable.Range(0, rows).Select(_ => Value(c)).ToArray()));
        string[] cities = ["Oslo", "Lima", "Pune", "Kiev"];
        columns.Add(TableColumn.Categorical("city", Enumerable.Range(0, rows).Select(_ => random.NextDouble() < 0.03 ? null : cities[random.Next(cities.Length)]).ToArray()));
        columns.Add(task == TaskKind.Regression
            ? TableColumn.Numeric("y", Enumerable.Range(0, rows).Select(_ => (float)random.NextDouble()).ToArray())
            : TableColumn.Categorical("y", Enumerable.Range(0, rows).Select(_ => task == TaskKind.Binary ? (random.Next(2) == 0 ? "no" : "yes") : cities[random.Next(3)]).ToArray()));
        return new CsvTable("random.csv", columns, Enumerable.Range(2, rows).ToArray());
    }

    private static void AssertSameSavedModel((ITransformer Model, DataViewSchema Schema, IDataView Raw) expected, (ITransformer Model, DataViewSchema Schema, IDataView Raw) actual)
    {
        var want = SavedEntries(expected.Model, expected.Schema);
        var got = SavedEntries(actual.Model, actual.Schema);
        Assert.Equal(want.Keys.Order(), got.Keys.Order());
        // ML.NET's binary data views (.idv: the label map) lay out their blocks in the order its writer threads finish,
        // so two saves of one transformer differ there; they are compared by size, and the transforms by their output.
        foreach (var (name, bytes) in want)
        {
            Assert.True(name.EndsWith(".idv", StringComparison.Ordinal) ? bytes.Length == got[name].Length : bytes.AsSpan().SequenceEqual(got[name]), $"{name} differs");
        }
        Assert.Equal(Labels(expected.Model, expected.Raw), Labels(actual.Model, actual.Raw));
        Assert.Equal(Features(expected.Model, expected.Raw), Features(actual.Model, actual.Raw));
    }

    private static Dictionary<string, byte[]> SavedEntries(ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        new MLContext(1).Model.Save(model, schema, stream);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static string[] Labels(ITransformer model, IDataView raw)
    {
        var view = model.Transform(raw);
        var type = view.Schema[ColumnNames.Label].Type;
        return type == BooleanDataViewType.Instance ? view.GetColumn<bool>(ColumnNames.Label).Select(b => b.ToString()).ToArray()
            : type is KeyDataViewType ? view.GetColumn<uint>(ColumnNames.Label).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : view.GetColumn<float>(ColumnNames.Label).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static float[] Features(ITransformer model, IDataView raw)
    {
        var view = model.Transform(raw);
        return view.GetColumn<VBuffer<float>>(ColumnNames.Features).SelectMany(v => v.DenseValues()).ToArray();
    }
}
