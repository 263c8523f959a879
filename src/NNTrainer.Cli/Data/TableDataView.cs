namespace NNTrainer.Cli.Data;

/// <summary>
/// Presents a <see cref="CsvTable"/> to ML.NET as the columns a <see cref="ModelSchema"/> expects: numeric features
/// as Single (NaN when missing), categorical and free-text features as text, the label as text (classification) or Single (regression).
/// The view reads the table's arrays in place (optionally a subset of its rows); nothing is copied.
/// </summary>
internal static class TableDataView
{
    /// <summary>The category given to a missing text value.</summary>
    public const string MissingCategory = "(missing)";

    /// <param name="table">The rows.</param>
    /// <param name="schema">What the model reads.</param>
    /// <param name="labelRequired">Evaluate needs the label; predict does not and gets a placeholder when the file has none.</param>
    /// <param name="rows">The table rows to present, in this order; all rows when null.</param>
    public static IDataView Create(CsvTable table, ModelSchema schema, bool labelRequired, int[]? rows = null)
    {
        int count = rows?.Length ?? table.RowCount;
        Func<int, int> at = rows is null ? r => r : r => rows[r];
        var columns = new List<ColumnarDataView.Column>();
        foreach (var feature in schema.Features)
        {
            var column = table.Require(feature.Name, "a feature the model was trained on");
            columns.Add(feature.Kind == ColumnKind.Numeric ? NumericColumn(table, column, at) : TextColumn(column, at, feature.Kind == ColumnKind.Text ? "" : MissingCategory));
        }
        var label = table.Find(schema.LabelColumn);
        if (label is null && labelRequired) table.Require(schema.LabelColumn, "the label the model was trained to predict");
        if (schema.Task == TaskKind.Regression)
        {
            columns.Add(label is null
                ? new(schema.LabelColumn, NumberDataViewType.Single, ColumnarDataView.Getter(_ => float.NaN))
                : NumericColumn(table, label, at));
        }
        else
        {
            if (label is not null && labelRequired) CheckClasses(table, schema, label, count, at);
            columns.Add(new(schema.LabelColumn, TextDataViewType.Instance,
                ColumnarDataView.Getter(r => (label?.TextAt(at(r)) ?? "").AsMemory())));
        }
        return new ColumnarDataView(columns, count);
    }

    private static void CheckClasses(CsvTable table, ModelSchema schema, TableColumn label, int count, Func<int, int> at)
    {
        var classes = new HashSet<string>(schema.Classes, StringComparer.Ordinal);
        for (int r = 0; r < count; r++)
        {
            var value = label.TextAt(at(r));
            if (value is not null && !classes.Contains(value))
            {
                throw new CliException($"{table.Path} {table.Locator.Describe(table.LineNumbers[at(r)])}: label '{value}' is not one of the model's classes ({string.Join(", ", schema.Classes)}).");
            }
        }
    }

    private static ColumnarDataView.Column NumericColumn(CsvTable table, TableColumn column, Func<int, int> at)
    {
        if (column.Kind == ColumnKind.Numeric)
        {
            var numbers = column.Numbers!;
            return new(column.Name, NumberDataViewType.Single, ColumnarDataView.Getter(r => numbers[at(r)]));
        }
        int bad = Enumerable.Range(0, column.Length).First(r =>
            !column.IsMissing(r) && !float.TryParse(column.Texts![r], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        throw new CliException($"{table.Path} {table.Locator.Describe(table.LineNumbers[bad])}: column '{column.Name}' must be numeric, but holds '{column.Texts![bad]}'.");
    }

    private static ColumnarDataView.Column TextColumn(TableColumn column, Func<int, int> at, string missing) =>
        new(column.Name, TextDataViewType.Instance, ColumnarDataView.Getter(r => (column.TextAt(at(r)) ?? missing).AsMemory()));
}
