using NNTrainer.Cli.Data;
using NNTrainer.Cli.Evaluation;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// A text label's "NA" (R's write.csv for a missing factor; MASS's survey has one in Sex) is a missing label, skipped
/// as a blank one is, not a class of its own; "none" and "-" stay classes.
/// </summary>
public sealed class LabelMarkerTests
{
    private static TabularProblem Create(Func<int, string?> label)
    {
        float[] x = [.. Enumerable.Range(0, 40).Select(i => (float)i)];
        var columns = new[] { TableColumn.Numeric("x", x), TableColumn.Categorical("y", [.. Enumerable.Range(0, 40).Select(label)]) };
        return TabularProblem.Create(new CsvTable("t.csv", columns, Enumerable.Range(2, 40).ToArray()), "y", null, new HashSet<string>());
    }

    [Fact]
    public void NA_in_a_text_label_is_a_missing_label_and_the_label_stays_binary()
    {
        var problem = Create(i => i == 7 ? "NA" : i == 9 ? "#N/A" : i == 11 ? null : i % 2 == 0 ? "Female" : "Male");

        Assert.Equal(TaskKind.Binary, problem.Schema.Task);
        Assert.Equal(["Female", "Male"], problem.Schema.Classes);
        Assert.Equal(37, problem.Table.RowCount);
        Assert.Contains("3 of 40 rows have no value in label column 'y' ('#N/A' in 1 row, 'NA' in 1 row read as missing, as pandas reads them) and were skipped.", problem.Notes);
    }

    [Fact]
    public void None_and_minus_stay_classes()
    {
        var problem = Create(i => (i % 3) switch { 0 => "none", 1 => "-", _ => "+" });

        Assert.Equal(["+", "-", "none"], problem.Schema.Classes);
        Assert.Equal(40, problem.Table.RowCount);
    }
}
