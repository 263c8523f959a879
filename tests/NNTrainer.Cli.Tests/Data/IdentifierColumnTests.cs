using System.Globalization;
using System.Text;
using NNTrainer.Cli.Data;
using NNTrainer.Cli.Tests.Support;

namespace NNTrainer.Cli.Tests.Data;

/// <summary>
/// A whole-number column named as an id is noted even when some ids repeat (MASS's biopsy: 645 different sample
/// <c>ID</c>s in 699 rows, shuffled, so neither the every-row nor the row-number rule saw it), but not a code of few
/// values, a column of fractions, or a name that merely ends in the letters.
/// </summary>
public sealed class IdentifierColumnTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private IReadOnlyList<string> Notes(string header, Func<int, string> value, int rows = 300)
    {
        var text = new StringBuilder($"{header},Size,Class\n");
        var random = new Random(3);
        for (int i = 0; i < rows; i++) text.Append(CultureInfo.InvariantCulture, $"{value(i)},{random.Next(1, 11)},{(random.Next(2) == 0 ? "benign" : "malignant")}\n");
        var path = _dir.Write("biopsy.csv", text.ToString());
        return TabularProblem.Create(CsvTable.Load(path), "Class", null, new HashSet<string>()).Notes;
    }

    /// <summary>Sample numbers in a shuffled order, every tenth sample measured twice.</summary>
    private static string Shuffled(int i) => (1_000_000 + (i - i / 10) * 7919 % 100_003).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("ID", "ID")]
    [InlineData("patient_id", "patient_id")]
    [InlineData("PassengerId", "PassengerId")]
    [InlineData("Sample ID", "'Sample ID'")]
    public void A_column_named_as_an_id_with_some_repeated_values_is_noted(string name, string ignore)
    {
        var notes = Notes(name, Shuffled);

        Assert.Contains($"Column '{name}' is named like an id and holds 271 different whole numbers in 300 rows; it is used as a feature, so pass --ignore {ignore} if it only identifies rows.", notes);
        Assert.DoesNotContain(notes, n => n.Contains("'Size'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("grid")]     // a word that ends in the letters
    [InlineData("ACID")]
    [InlineData("Sizeid")]
    public void A_name_that_only_ends_in_the_letters_is_not_an_id(string name) =>
        Assert.DoesNotContain(Notes(name, Shuffled), n => n.Contains($"'{name}'", StringComparison.Ordinal));

    [Fact]
    public void A_code_of_few_values_or_fractions_is_not_noted_however_named()
    {
        Assert.DoesNotContain(Notes("store_id", i => (i * 7 % 12).ToString(CultureInfo.InvariantCulture)), n => n.Contains("'store_id'", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes("ID", i => Shuffled(i) + ".5"), n => n.Contains("'ID'", StringComparison.Ordinal));
        Assert.DoesNotContain(Notes("ID", Shuffled, rows: 15), n => n.Contains("'ID'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_different_in_every_row_keeps_the_every_row_note()
    {
        var notes = Notes("CustomerID", i => (5_000_000 + i * 7919 % 100_003).ToString(CultureInfo.InvariantCulture));

        Assert.Contains(notes, n => n.StartsWith("Column 'CustomerID' holds a different whole number in every row (an id?)", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("named like an id", StringComparison.Ordinal));
    }

    /// <summary>
    /// caret's segmentationData: 2,019 <c>Cell</c> ids of nine digits, mostly consecutive, that float32 merges into 194
    /// values; the check counts them as written.
    /// </summary>
    [Fact]
    public void Ids_too_large_for_a_float_are_counted_as_written()
    {
        var notes = Notes("Cell", i => (207_827_637 + i + i / 10 * 900).ToString(CultureInfo.InvariantCulture));

        Assert.Contains(notes, n => n.StartsWith("Column 'Cell' holds a different whole number in every row (an id?); it is used as a feature (its 300 different values read as ", StringComparison.Ordinal)
            && n.EndsWith(": a 32-bit float holds whole numbers above 16,777,216 only to within 16), so pass --ignore Cell if it only identifies rows.", StringComparison.Ordinal));
    }

    [Fact]
    public void Large_whole_numbers_that_repeat_are_not_an_id()
    {
        // a population or a price in cents: large, whole, many alike
        var notes = Notes("population", i => (20_000_000 + i % 40 * 1_000_003).ToString(CultureInfo.InvariantCulture));

        Assert.DoesNotContain(notes, n => n.Contains("'population'", StringComparison.Ordinal));
    }
}
