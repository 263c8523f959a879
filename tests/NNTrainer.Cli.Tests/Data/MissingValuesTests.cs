using NNTrainer.Cli.Data;

namespace NNTrainer.Cli.Tests.Data;

public sealed class MissingValuesTests
{
    [Fact]
    public void EntriesSplitIntoEveryColumnAndOneColumn()
    {
        var markers = MissingValues.Parse(["?, -999", "plas=0,unknown", "pres = 0", "?"], out var error)!;

        Assert.Null(error);
        Assert.Equal(["?", "-999", "unknown"], markers.All);
        Assert.Equal(["plas", "pres"], markers.Columns.Keys);
        Assert.Equal(["0"], markers.Columns["pres"]);
        Assert.Equal("'?', '-999', 'unknown' in every column but the label; '0' in 'plas'; '0' in 'pres'", markers.Describe());
        Assert.Equal("?,-999,unknown,plas=0,pres=0", markers.AsOption());
    }

    [Fact]
    public void TheSameValuesInAnotherOrderAreTheSameList()
    {
        var one = MissingValues.Parse(["?,NA,b=0,a=1,a=2"], out _)!;

        Assert.True(one.SameAs(MissingValues.Parse(["a=2,NA,a=1", "b=0,?"], out _)!));
        Assert.False(one.SameAs(MissingValues.Parse(["?,NA,b=0,a=1"], out _)!));
        Assert.False(one.SameAs(MissingValues.Parse(["?,b=0,a=1,a=2"], out _)!));
    }

    [Theory]
    [InlineData("", "--missing-values names no value; give them comma-separated, e.g. --missing-values \"?,-999\" (an empty field is always missing).")]
    [InlineData(" , ", "--missing-values names no value; give them comma-separated, e.g. --missing-values \"?,-999\" (an empty field is always missing).")]
    [InlineData("?,plas=", "--missing-values: 'plas=' names no value; give VALUE for every column or COLUMN=VALUE for one (an empty field is always missing).")]
    [InlineData("=0", "--missing-values: '=0' names no column; give VALUE for every column or COLUMN=VALUE for one (an empty field is always missing).")]
    public void AnEmptyListOrEntryIsAnError(string option, string message)
    {
        Assert.Null(MissingValues.Parse([option], out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void TheLabelGetsOnlyItsOwnMarkers()
    {
        var markers = MissingValues.Parse(["?,class=unknown"], out _)!.ForLabel("class");

        Assert.True(markers.For("x")!.Matches("?"));
        Assert.False(markers.For("x")!.Matches("unknown"));
        Assert.False(markers.For("class")!.Matches("?"));
        Assert.True(markers.For("class")!.Matches("unknown"));
        Assert.Null(MissingValues.Parse(["class=unknown"], out _)!.ForLabel("class").For("x"));
    }

    [Fact]
    public void AValueOfTheLabelIsNotedWithTheWayToDropItsRows()
    {
        string?[] lenses = ["soft", "none", "hard", "none", "?"];
        var markers = MissingValues.Parse(["none,?"], out _)!.ForLabel("lenses");

        var note = markers.LabelNote([TableColumn.Numeric("age", [1, 2, 3, 4, 5]), TableColumn.Categorical("lenses", lenses)]);

        Assert.Equal("Label column 'lenses' holds '?' in 1 row, 'none' in 2 rows: --missing-values applies to the other columns, so the label keeps them as a class. "
            + "To skip those rows as unlabelled, name the label column: --missing-values \"lenses=?,lenses=none\".", note);
        Assert.Null(markers.LabelNote([TableColumn.Categorical("lenses", ["soft", "hard"])]));
    }

    [Fact]
    public void ANumericLabelIsMatchedByValue()
    {
        var markers = MissingValues.Parse(["-999"], out _)!.ForLabel("y");

        var note = markers.LabelNote([TableColumn.Numeric("y", [1.5f, -999f, 2f])]);

        Assert.StartsWith("Label column 'y' holds '-999' in 1 row: --missing-values applies to the other columns, so the label keeps it as a value.", note);
    }
}
