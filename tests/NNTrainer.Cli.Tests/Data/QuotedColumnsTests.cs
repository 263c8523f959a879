using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// R's write.csv quotes factors and text and leaves numbers and NA bare: in a file that quotes so selectively, a column
/// of numbers whose every value was quoted is read as categories; a file that quotes everything, or only where a value
/// needs it, reads as before.
/// </summary>
public sealed class QuotedColumnsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ColumnKind KindOf(CsvTable table, string name) => table.Require(name, "test").Kind;

    [Fact]
    public void A_quoted_column_of_numbers_in_a_file_that_leaves_its_numbers_bare_is_categories()
    {
        var path = _dir.Write("r.csv", "\"x\",\"id\",\"g\",\"y\"\n1.5,\"1\",\"a\",\"no\"\n2.5,\"2\",\"b\",\"yes\"\n3,NA,\"a\",\"no\"\n4,\"2\",NA,\"yes\"\n");

        var table = CsvTable.Load(path);

        Assert.Equal(ColumnKind.Numeric, KindOf(table, "x"));
        Assert.Equal(ColumnKind.Categorical, KindOf(table, "id"));
        Assert.Equal(new string?[] { "1", "2", "NA", "2" }, table.Require("id", "test").Texts!); // NA stays a category of its own, as in any text column
        Assert.Equal(["id"], table.QuotedCategories);
    }

    [Fact]
    public void A_file_that_quotes_every_field_reads_as_before()
    {
        var path = _dir.Write("all.csv", "\"x\",\"id\",\"y\"\n\"1.5\",\"1\",\"no\"\n\"2.5\",\"2\",\"yes\"\n");

        var table = CsvTable.Load(path);

        Assert.Equal(ColumnKind.Numeric, KindOf(table, "x"));
        Assert.Equal(ColumnKind.Numeric, KindOf(table, "id"));
        Assert.Empty(table.QuotedCategories);
    }

    [Fact]
    public void A_file_that_quotes_only_where_a_value_needs_it_reads_as_before()
    {
        // 'code' is quoted in every row, but only because each value holds a comma: the quotes say nothing of its type.
        var path = _dir.Write("needed.csv", "x,name,code,y\n1.5,\"Smith, J\",\"1,5\",no\n2.5,Lee,\"2,5\",yes\n3,\"Ng, A\",\"3,5\",no\n");
        var bare = _dir.Write("bare.csv", "x,name,code,y\n1.5,Smith J,15,no\n2.5,Lee,25,yes\n3,Ng A,35,no\n");

        var table = CsvTable.Load(path);

        Assert.Empty(table.QuotedCategories);
        Assert.Equal(ColumnKind.Numeric, KindOf(table, "x"));
        Assert.Equal(ColumnKind.Categorical, KindOf(table, "name"));
        Assert.Equal(ColumnKind.Numeric, KindOf(CsvTable.Load(bare), "code"));
    }

    [Fact]
    public void Numeric_reads_a_quoted_column_as_numbers_and_categorical_still_wins_over_bare_numbers()
    {
        var path = _dir.Write("r.csv", "x,id,y\n1.5,\"1\",\"no\"\n2.5,\"2\",\"yes\"\n");

        var numeric = CsvTable.Load(path, numeric: ["id"]);
        var categorical = CsvTable.Load(path, categorical: ["x"]);

        Assert.Equal(ColumnKind.Numeric, KindOf(numeric, "id"));
        Assert.Empty(numeric.QuotedCategories);
        Assert.Equal(ColumnKind.Categorical, KindOf(categorical, "x"));
        Assert.Equal(ColumnKind.Categorical, KindOf(categorical, "id"));
    }

    [Fact]
    public void Numeric_and_categorical_naming_one_column_or_a_missing_one_is_a_usage_error()
    {
        var path = _dir.Write("r.csv", "x,id,y\n1.5,\"1\",\"no\"\n2.5,\"2\",\"yes\"\n");

        var both = Assert.Throws<CliException>(() => CsvTable.Load(path, categorical: ["id"], numeric: ["id"]));
        var missing = Assert.Throws<CliException>(() => CsvTable.Load(path, numeric: ["ID"]));

        Assert.Equal("Column 'id' is named by both --categorical and --numeric; name it in one of them.", both.Message);
        Assert.StartsWith("--numeric names column 'ID', which", missing.Message);
    }

    [Fact]
    public void The_reader_knows_which_fields_were_quoted_on_either_path()
    {
        var path = _dir.Write("q.csv", "a,b,c\n1,2,3\n\"4\",5,\"x,y\"\n");
        using var reader = TableFile.OpenCsv(path);

        Assert.True(reader.Read());
        Assert.False(reader.WasQuoted(0) || reader.WasQuoted(1) || reader.WasQuoted(2));
        Assert.True(reader.Read());
        Assert.True(reader.WasQuoted(0));
        Assert.False(reader.WasQuoted(1));
        Assert.True(reader.WasQuoted(2));
        Assert.False(reader.WasQuoted(3));
    }

    [Fact]
    public void R_row_names_stay_row_names_and_are_not_named_in_the_quoted_note()
    {
        var lines = Enumerable.Range(1, 40).Select(r => $"\"{r}\",{r % 7 * 0.5},\"{r % 3}\",\"{(r % 2 == 0 ? "a" : "b")}\"");
        var path = _dir.Write("rn.csv", "\"\",\"x\",\"g\",\"y\"\n" + string.Join('\n', lines) + "\n");

        var problem = TabularProblem.Create(CsvTable.Load(path), "y", null, new HashSet<string>());

        Assert.DoesNotContain(problem.Schema.Features, f => f.Name == RowNameColumn.UnnamedFirst);
        Assert.Contains(problem.Schema.Features, f => f.Name == "g" && f.Kind == ColumnKind.Categorical);
        Assert.Contains("Column 'g' was read as categories although it holds numbers: the file quotes them and not its numbers, as R's write.csv writes factors and text (--numeric reads a column as numbers).", problem.Notes);
    }
}
