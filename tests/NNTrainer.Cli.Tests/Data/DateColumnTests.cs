using System.Globalization;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Models;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// A column of ISO dates (R's write.csv of a Date: modeldata's Chicago, ggplot2's economics) is left out as an
/// identifier is, but its note says it holds dates and how to make features of them, not "an identifier?".
/// </summary>
public sealed class DateColumnTests
{
    private static string?[] Days(int n, string suffix = "") =>
        Enumerable.Range(0, n).Select(i => (string?)new DateTime(2001, 1, 22).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + suffix).ToArray();

    [Fact]
    public void A_column_of_dates_is_named_as_dates_in_the_note()
    {
        int n = 40;
        TableColumn[] columns =
        [
            TableColumn.Categorical("date", Days(n)),
            TableColumn.Numeric("x", Enumerable.Range(0, n).Select(i => (float)(i % 7)).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, n).Select(i => i * 0.5f).ToArray()),
        ];
        var table = new CsvTable("dates.csv", columns, Enumerable.Range(2, n).ToArray());

        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>());

        Assert.Equal([new FeatureColumn("x", ColumnKind.Numeric)], problem.Schema.Features);
        var note = Assert.Single(problem.Notes, n => n.StartsWith("Column 'date'", StringComparison.Ordinal));
        Assert.StartsWith("Column 'date' holds dates ('2001-01-22', '2001-01-23', …), a different one in every row, and was ignored", note);
        Assert.DoesNotContain("identifier", note);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 13:45:00")]
    [InlineData("T13:45:00Z")]
    public void Dates_and_date_times_as_R_readr_and_pandas_write_them_are_dates(string suffix)
    {
        var values = Days(30, suffix);
        values[3] = null;

        Assert.True(DateColumn.Is(TableColumn.Categorical("d", values)));
    }

    [Theory]
    [InlineData("2001-13-01")]
    [InlineData("22/01/2001")]
    [InlineData("R00017")]
    public void A_column_with_one_value_that_is_no_ISO_date_is_not_a_date_column(string odd)
    {
        var values = Days(30);
        values[7] = odd;

        Assert.False(DateColumn.Is(TableColumn.Categorical("d", values)));
        Assert.False(DateColumn.Is(TableColumn.Numeric("n", new float[30])));
    }

    /// <summary>
    /// dslabs' polls_us_election_2016: 347 start dates in 3,779 polls, not varied enough to be left out, were kept as
    /// categories under the generic "347 distinct texts" note; the note now says they are dates and what to do.
    /// </summary>
    [Fact]
    public void Dates_kept_as_categories_beyond_the_cap_are_named_as_dates()
    {
        int n = 1200;
        var days = Days(150);
        TableColumn[] columns =
        [
            TableColumn.Categorical("startdate", Enumerable.Range(0, n).Select(i => days[i * 7 % 150]).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, n).Select(i => i * 0.5f).ToArray()),
        ];
        var table = new CsvTable("polls.csv", columns, Enumerable.Range(2, n).ToArray());

        // The cap of a large table (the default keeps all 150 on 1,200 rows).
        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>(), maxCategories: CategoryCap.MaxCategories);

        Assert.Equal([new FeatureColumn("startdate", ColumnKind.Categorical)], problem.Schema.Features);
        var note = Assert.Single(problem.Notes, n => n.StartsWith("Column 'startdate'", StringComparison.Ordinal));
        Assert.StartsWith("Column 'startdate' holds dates ('2001-01-22', '2001-01-29', …), 150 distinct in 1,200 values, read as categories: its 100 most frequent dates are one-hot encoded and the other 50 share one 'other' encoding, with no order between them. To learn from it", note);
    }

    /// <summary>vcd's Bundesliga: 3,396 kick-off times in 14,018 matches, two of them NA as R writes a missing date.</summary>
    [Fact]
    public void A_date_column_with_NA_markers_is_still_dates()
    {
        int n = 1200;
        var days = Days(150, " 14:30:00");
        TableColumn[] columns =
        [
            TableColumn.Categorical("Date", Enumerable.Range(0, n).Select(i => i is 5 or 700 ? "NA" : days[i * 7 % 150]).ToArray()),
            TableColumn.Numeric("y", Enumerable.Range(0, n).Select(i => i * 0.5f).ToArray()),
        ];
        var table = new CsvTable("bundesliga.csv", columns, Enumerable.Range(2, n).ToArray());

        // The cap of a large table (the default keeps all 150 on 1,200 rows).
        var problem = TabularProblem.Create(table, "y", null, new HashSet<string>(), maxCategories: CategoryCap.MaxCategories);

        Assert.Contains(problem.Notes, n => n.StartsWith("Column 'Date' holds dates ('2001-01-22 14:30:00', '2001-01-29 14:30:00', …), 151 distinct in 1,200 values, read as categories", StringComparison.Ordinal));
    }
}
