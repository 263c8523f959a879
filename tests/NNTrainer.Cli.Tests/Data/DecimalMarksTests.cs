using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// A ';' file's column writes its decimals with one mark: "1,5" and "1.5" in one column is an error naming both lines
/// (read per field, "1.234" beside "1,5" was 1.234, where a decimal-comma writer means 1,234); columns may differ.
/// </summary>
public sealed class DecimalMarksTests
{
    [Theory]
    [InlineData("1,5", "1.5", "1.5", "point", "1,5", "comma")]
    [InlineData("1.5", "2,25", "2,25", "comma", "1.5", "point")]
    [InlineData("1,5", "1.234", "1.234", "point", "1,5", "comma")]
    public void A_column_mixing_decimal_commas_and_points_is_an_error_naming_both_lines(string first, string second, string value, string mark, string firstValue, string firstMark)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.csv", $"id;Preis;Farbe\n1;{first};rot\n2;7;blau\n3;{second};grün\n");

        var error = Assert.Throws<CliException>(() => CsvTable.Load(path));

        Assert.StartsWith($"{path} line 4: column 'Preis' writes '{value}' with a decimal {mark}, but '{firstValue}' on line 2 with a decimal {firstMark}.", error.Message);
        Assert.EndsWith("Write the column's numbers with one mark.", error.Message);
    }

    [Fact]
    public void Each_column_may_use_its_own_mark_and_whole_numbers_and_texts_go_with_either()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("columns.csv", "a;b;c\n1,5;2.5;x\n3;4.75;1,2,3\n-0,25;7;v1.2\n");

        var table = CsvTable.Load(path);

        Assert.Equal([1.5f, 3f, -0.25f], table.Require("a", "test").Numbers!);
        Assert.Equal([2.5f, 4.75f, 7f], table.Require("b", "test").Numbers!);
        Assert.Equal(new string?[] { "x", "1,2,3", "v1.2" }, table.Require("c", "test").Texts!);
    }

    [Fact]
    public void A_comma_separated_file_has_no_decimal_commas_to_check()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("comma.csv", "a,b\n1.5,x\n\"2,5\",y\n");

        var table = CsvTable.Load(path);

        // Comma-separated: no decimal commas, so the quoted "2,5" is a text (as pandas reads it) and nothing is mixed.
        Assert.Equal(new string?[] { "1.5", "2,5" }, table.Require("a", "test").Texts!);
    }

    [Theory]
    [InlineData("1.5", true)]
    [InlineData("-0.25", true)]
    [InlineData("1.2.3", false)]
    [InlineData(".5", false)]
    [InlineData("5.", false)]
    [InlineData("1e3", false)]
    [InlineData("12", false)]
    public void A_decimal_point_is_digits_point_digits(string field, bool expected)
    {
        Assert.Equal(expected, DecimalMarks.IsDecimalPoint(field));
    }
}
