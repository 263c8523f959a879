using System.Globalization;
using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// Files as ML.NET's own test data writes them (breast-cancer.txt of dotnet/machinelearning: a block of "//" comment
/// lines, a blank line, then tab-separated rows of numbers without a header): the comments are skipped as ML.NET's
/// TextLoader skips them, and a first line of numbers that repeat (or have fractions) is data, its columns named
/// col0, col1, … as ML.NET's InferColumns names them. Whole distinct numbers stay a header (pandas' to_csv names
/// unnamed columns 0, 1, 2, …).
/// </summary>
public sealed class HeaderlessFileTests : IDisposable
{
    private const string Comments = "// Number of Instances: 9 (as of \"July\" 1992)\n// Attribute Information: 1, 2, 3\n// \n\n";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Leading_comment_lines_are_skipped_and_later_lines_keep_their_numbers()
    {
        var path = _dir.Write("c.csv", Comments + "a,b\n1,2\n3\n");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        // Lines 1–4 are comments and a blank line, 5 the header, 6 the first row: the short row is line 7.
        Assert.StartsWith($"{path} line 7: 1 field", error.Message);
    }

    [Fact]
    public void A_comment_block_with_commas_does_not_hide_a_tab_separator()
    {
        Assert.Equal('\t', CsvSeparator.Sniff(new StringReader(Comments + "0\t5\t1\n1\t3\t1\n")));
    }

    [Fact]
    public void A_first_line_of_repeated_numbers_is_read_as_data_with_columns_named_col0_on()
    {
        var path = _dir.Write("breast.txt", Comments + "0\t5\t1\t1\n1\t4\t4\t?\n0\t3\t1\t2\n");

        var table = CsvTable.Load(path);

        Assert.Equal(["col0", "col1", "col2", "col3"], table.Columns.Select(c => c.Name));
        Assert.Equal([0f, 1f, 0f], table.Require("col0", "test").Numbers!);
        Assert.Equal(1, table.Require("col3", "test").MissingCount);
        Assert.Equal([5, 6, 7], table.LineNumbers);
        Assert.Contains(table.Notes, n => n.StartsWith("breast.txt has no header row", StringComparison.Ordinal) && n.Contains("col0 … col3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("5.1,3.5,1.4,0.2", true)]   // fractions: values, not names
    [InlineData("0,5,1,1", true)]           // a repeated number cannot name two columns
    [InlineData("0,1,2,3", false)]          // pandas' to_csv of a frame with unnamed columns
    [InlineData("2019,2020,2021", false)]   // years as column names
    [InlineData("x,5.1,1", false)]          // any text: a header
    [InlineData("7", false)]
    public void Only_numbers_that_cannot_be_names_make_the_first_line_data(string line, bool data)
    {
        Assert.Equal(data, HeaderlessFile.IsData(line.Split(',')));
    }

    [Fact]
    public void Distinct_whole_numbers_stay_column_names()
    {
        var path = _dir.Write("pandas.csv", "0,1,2\n5,6,7\n8,9,10\n");

        var table = CsvTable.Load(path);

        Assert.Equal(["0", "1", "2"], table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.RowCount);
        Assert.Empty(table.Notes);
    }

    [Fact]
    public void A_missing_label_in_a_headerless_file_says_the_file_has_no_header()
    {
        var path = _dir.Write("b.txt", "0,5,5\n1,4,4\n");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path).Require("Label", "the label given by --label"));

        Assert.Contains("its columns are: col0, col1, col2. The file has no header row", error.Message);
    }

    [Fact]
    public void A_quote_left_undoubled_is_named_on_the_line_where_its_field_opened()
    {
        var text = new StringBuilder("y\ttext\n1\tfine\n");
        text.Append("0\t\"a quoted comment with an \"inner\" quote\n1\tnext row\n0\t\"other\"\tx\n");
        var path = _dir.Write("detox.tsv", text.ToString());

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path, separator: '\t'));

        Assert.Contains("line 3: text after a closing quote", error.Message);
        Assert.DoesNotContain("runs from line", error.Message);
        // A closing quote left out: the field runs on into the next line, whose own quote then ends it.
        var spanning = _dir.Write("spanning.tsv", "y\ttext\tz\n0\t\"opens \"\"ok\"\" never closes\tT\n1\t\"next\"\tT\n");
        var late = Assert.Throws<CliException>(() => CsvTable.Load(spanning, separator: '\t'));
        Assert.Contains("line 3: text after a closing quote; quote the whole field. The quoted field runs from line 2", late.Message);
    }

    [Fact]
    public void The_cli_trains_predicts_and_evaluates_a_commented_headerless_file()
    {
        var random = new Random(3);
        var rows = new StringBuilder(Comments);
        for (int i = 0; i < 120; i++)
        {
            int x = random.Next(1, 11), z = random.Next(1, 11);
            rows.Append(CultureInfo.InvariantCulture, $"{(x + z > 11 ? 1 : 0)}\t{x}\t{z}\t{random.Next(1, 4)}\n");
        }
        var path = _dir.Write("bc.txt", rows.ToString());
        var model = _dir.File("m.zip");

        var train = CliRunner.Run(_dir.Path, "train", path, "--label", "col0", "--out", model, "--epochs", "3", "--no-plots");
        var predict = CliRunner.Run(_dir.Path, "predict", model, path, "--out", _dir.File("p.csv"));

        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("bc.txt: 120 rows; label 'col0'", train.Output);
        Assert.Contains("bc.txt has no header row", train.Output);
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal(121, File.ReadLines(_dir.File("p.csv")).Count());
        Assert.StartsWith("col0,col1,col2,col3,", File.ReadLines(_dir.File("p.csv")).First());
    }
}
