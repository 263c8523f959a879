namespace NNTrainer.Cli.Data;

/// <summary>
/// Keeps the notes about missing values readable on wide tables: a column of a few blanks is worth a line, fifty of
/// them are not. A World Bank table of fertility rates by year (statsmodels' <c>fertility</c>) printed fifty lines,
/// one per year column, before the training started; past <see cref="MostListed"/> columns the lines become one note
/// per kind of column, with the range of the shares and the first names.
/// </summary>
internal static class MissingValueNotes
{
    /// <summary>Up to this many columns with missing values get a note each: 8.</summary>
    public const int MostListed = 8;

    /// <summary>A column with missing values and the note written for it.</summary>
    public readonly record struct Column(string Name, long Missing, long Rows, ColumnKind Kind, string Note);

    /// <summary>The column's own note: "Column 'x': 3 missing values (3.3%) replaced by the training mean."</summary>
    /// <param name="name">The column's name.</param>
    /// <param name="missing">Its missing values among the rows counted.</param>
    /// <param name="rows">The rows counted (for <c>evaluate</c>, those it scores).</param>
    /// <param name="kind">The column's kind, which says what takes a missing value's place.</param>
    public static Column Of(string name, long missing, long rows, ColumnKind kind) =>
        new(name, missing, rows, kind, $"Column '{name}': {missing:N0} missing value{(missing == 1 ? "" : "s")} ({Share(100.0 * missing / rows)}) {TabularProblem.MissingValues(kind)}.");

    /// <summary>
    /// A share of the rows as a note prints it: one decimal, and "&lt;0.1%" for a share that would print as 0% although
    /// values are missing (carData's Chile: 1 missing 'age' of 2,532 rows read "1 missing value (0%)").
    /// </summary>
    public static string Share(double percent) => percent > 0 && percent < 0.05 ? "<0.1%" : $"{percent:0.#}%";

    /// <summary>Replaces the per-column notes of <paramref name="missing"/> in <paramref name="notes"/> by one note per kind when there are more than <see cref="MostListed"/>.</summary>
    public static void Group(List<string> notes, IReadOnlyList<Column> missing)
    {
        if (missing.Count <= MostListed) return;
        foreach (var column in missing) notes.Remove(column.Note);
        foreach (var group in missing.GroupBy(c => c.Kind))
        {
            var names = group.Select(c => $"'{c.Name}'").ToList();
            string listed = names.Count <= 3 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(3))} and {names.Count - 3} more";
            double low = group.Min(c => 100.0 * c.Missing / c.Rows), high = group.Max(c => 100.0 * c.Missing / c.Rows);
            string shares = Share(low) == Share(high) ? Share(low) : $"{Share(low).TrimEnd('%')}–{Share(high)}";
            string kind = group.Key == ColumnKind.Numeric ? "numeric" : group.Key == ColumnKind.Text ? "text" : "category";
            string columns = names.Count == 1 ? "column has" : "columns have";
            notes.Add($"{names.Count} {kind} {columns} missing values ({shares} of the rows{(names.Count == 1 ? "" : " each")}), {TabularProblem.MissingValues(group.Key)}: {listed}.");
        }
    }
}
