using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

public sealed class CsvSeparatorTests
{
    [Theory]
    [InlineData("a;b;c\n1;2;3\n4;5;6\n", ';')]
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t')]
    [InlineData("a|b\n1|2\n", '|')]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    // Decimal commas in a ';' file: the comma splits the rows unevenly, the semicolon evenly.
    [InlineData("x;y\n5,1;3,25\n4;2,0\n", ';')]
    // A quoted separator does not count; a tie (two fields each way) goes to the comma.
    [InlineData("name,note\n\"a;b\",c\n", ',')]
    [InlineData("a,b;c\n1,2;3\n", ',')]
    // One column: nothing splits it, so comma.
    [InlineData("a\n1\n", ',')]
    public void TheSeparatorSplittingEveryLineIntoTheMostFieldsWins(string text, char expected)
    {
        Assert.Equal(expected, CsvSeparator.Sniff(new StringReader(text)));
    }

    [Fact]
    public void ASemicolonFileWithDecimalCommasReadsAsNumbers()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("european.csv", "Länge;Farbe;Preis\n5,1;rot;-0,25\n4;\"blau; hell\";12\n;grün;1,5\n");

        var table = CsvTable.Load(path);

        Assert.Equal(["Länge", "Farbe", "Preis"], table.Columns.Select(c => c.Name));
        Assert.Equal([5.1f, 4f, float.NaN], table.Require("Länge", "test").Numbers!);
        Assert.Equal([-0.25f, 12f, 1.5f], table.Require("Preis", "test").Numbers!);
        Assert.Equal(new string?[] { "rot", "blau; hell", "grün" }, table.Require("Farbe", "test").Texts!);
    }

    [Theory]
    [InlineData("5,1", true)]
    [InlineData("-0,25", true)]
    [InlineData("1,2,3", false)]
    [InlineData(",5", false)]
    [InlineData("5,", false)]
    [InlineData("-,5", false)]
    [InlineData("1e3,5", false)]
    [InlineData("12", false)]
    public void ADecimalCommaIsDigitsCommaDigits(string field, bool expected)
    {
        Assert.Equal(expected, DecimalComma.IsDecimalComma(field));
    }
}
