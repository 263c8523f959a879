using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Commands;

/// <summary>
/// <c>train --streaming</c> and a column with no value in the 10,000-row sample it takes the types and the feature
/// pipeline from: if the column holds values further down, the user is told at its first value what to pass, instead
/// of the column being left out of the model without a word.
/// </summary>
public sealed class StreamingLateColumnTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>12,000 rows of x, note, y; note is empty up to row <paramref name="firstNote"/> (0-based) and then holds <paramref name="value"/>.</summary>
    private string Write(string name, int firstNote, string value)
    {
        var text = new StringBuilder("x,note,y\n");
        var random = new Random(4);
        for (int i = 0; i < 12_000; i++)
        {
            double x = random.NextDouble();
            text.Append(x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(i >= firstNote ? value : "").Append(',').Append(x > 0.5 ? "a" : "b").Append('\n');
        }
        return _dir.Write(name, text.ToString());
    }

    [Theory]
    [InlineData("red")]
    [InlineData("2.5")]
    public void A_value_after_the_sample_in_a_column_empty_in_it_is_an_error_naming_the_line_and_the_switch(string value)
    {
        var csv = Write("late.csv", firstNote: 10_500, value);
        var sample = CsvTable.Load(csv, maxRows: ColumnSniffer.SampleRows);

        var error = Assert.Throws<CliException>(() => LateValueCheck.Run(csv, sample, "y", [], skipBadRows: false, separator: null));

        // Line 1 is the header: row 10,500 (0-based) is line 10,502.
        Assert.Equal($"{csv} line 10502: column 'note' is empty in the first 10,000 rows, from which --streaming takes the column types and the feature pipeline, " +
            $"but holds '{value}' here. Pass --ignore note to train without it, move rows where it has values near the top of the file, or train without --streaming " +
            "(in memory a column takes its type from its first value).", error.Message);
    }

    [Fact]
    public void Ignored_columns_and_columns_empty_in_the_whole_file_pass_and_a_file_within_the_sample_is_not_read_again()
    {
        var late = Write("late.csv", firstNote: 10_500, "red");
        var never = Write("never.csv", firstNote: 12_000, "red");
        var lateSample = CsvTable.Load(late, maxRows: ColumnSniffer.SampleRows);
        var neverSample = CsvTable.Load(never, maxRows: ColumnSniffer.SampleRows);
        var small = _dir.Write("small.csv", "x,note,y\n1,,a\n2,,b\n");

        Assert.False(LateValueCheck.Run(late, lateSample, "y", ["note"], skipBadRows: false, separator: null));
        Assert.True(LateValueCheck.Run(never, neverSample, "y", [], skipBadRows: false, separator: null));
        Assert.False(LateValueCheck.Run(small, CsvTable.Load(small, maxRows: ColumnSniffer.SampleRows), "y", [], skipBadRows: false, separator: null));
    }

    [Fact]
    public void Train_streaming_stops_before_training_and_trains_with_the_column_ignored()
    {
        var csv = Write("late.csv", firstNote: 10_500, "red");
        string[] network = ["--epochs", "1", "--hidden", "8", "--no-plots"];

        var refused = CliRunner.Run(_dir.Path, ["train", csv, "--label", "y", "--streaming", "--out", _dir.File("a.zip"), .. network]);
        var ignored = CliRunner.Run(_dir.Path, ["train", csv, "--label", "y", "--streaming", "--ignore", "note", "--out", _dir.File("b.zip"), .. network]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"error: {csv} line 10502: column 'note' is empty in the first 10,000 rows", refused.Error);
        Assert.DoesNotContain("Training", refused.Output);
        Assert.False(File.Exists(_dir.File("a.zip")));
        Assert.True(ignored.ExitCode == 0, ignored.ToString());
        Assert.True(File.Exists(_dir.File("b.zip")));
    }
}
