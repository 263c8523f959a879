using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// A header field with no name, as pandas' <c>DataFrame.to_csv</c> writes above the index by default: the column is
/// named as pandas' <c>read_csv</c> names it (<c>Unnamed: 0</c>, its 0-based position) instead of the file being refused;
/// a first one with a different value in every row is the index, not a feature (<see cref="RowNameColumnTests"/>).
/// </summary>
public sealed class UnnamedColumnTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_header_field_with_no_name_is_named_as_pandas_names_it()
    {
        var path = _dir.Write("f.csv", ",a,,c\n0,1,2,3\n1,4,5,6\n");

        var table = CsvTable.Load(path);

        Assert.Equal(["Unnamed: 0", "a", "Unnamed: 2", "c"], table.Columns.Select(c => c.Name));
        Assert.Equal([2f, 5f], table.Require("Unnamed: 2", "test").Numbers!);
    }

    [Fact]
    public void A_pandas_to_csv_index_is_not_a_feature_and_ignoring_it_is_still_accepted()
    {
        var lines = TestCsv.Binary(120, seed: 4).TrimEnd('\n').Split('\n');
        var pandas = lines.Select((line, i) => (i == 0 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "," + line);
        var csv = _dir.Write("exported.csv", string.Join('\n', pandas) + "\n");

        var train = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--out", _dir.File("m.zip"), "--epochs", "2", "--no-plots");
        var ignored = CliRunner.Run(_dir.Path, "train", csv, "--label", "churned", "--ignore", "Unnamed: 0", "--out", _dir.File("i.zip"), "--epochs", "2", "--no-plots");

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("Column 'Unnamed: 0' has no name in the header and a different value in every row ('0', '1', …): row names", train.Output);
        Assert.DoesNotContain("Unnamed: 0 (numeric)", train.Output);
        Assert.True(ignored.ExitCode == 0, ignored.ToString());
        Assert.DoesNotContain("Unnamed", ignored.Output);
    }
}
