namespace NNTrainer.Cli.Data;

/// <summary>
/// A CSV file turned into a learning problem: the task, the classes, the feature columns, the rows that have a
/// label, and notes for the user about what was skipped or filled in.
/// </summary>
internal sealed class TabularProblem
{
    private TabularProblem(CsvTable table, ModelSchema schema, IReadOnlyList<string> notes)
    {
        Table = table;
        Schema = schema;
        Notes = notes;
    }

    /// <summary>The rows that have a label.</summary>
    public CsvTable Table { get; }

    /// <summary>Task, classes and features; the trainer name is not set yet.</summary>
    public ModelSchema Schema { get; }

    public IReadOnlyList<string> Notes { get; }

    /// <summary>The same rows read with another model's columns and classes (<c>train --resume</c>, after checking they fit).</summary>
    /// <remarks>The markers this run read the file with stay: a resumed model is saved with them.</remarks>
    public TabularProblem WithSchema(ModelSchema schema) => new(Table, schema with { MissingValues = Schema.MissingValues }, Notes);

    /// <summary>Reads the task, classes and feature columns of <paramref name="table"/>, with notes on what was left out or filled in.</summary>
    /// <param name="table">The rows.</param>
    /// <param name="labelName">The label column.</param>
    /// <param name="requestedTask">The task given by <c>--task</c>; null to detect it.</param>
    /// <param name="ignore">Columns that are not features.</param>
    /// <param name="positiveClass">A binary label's positive class (<c>--positive-class</c>); null for the default (<see cref="PositiveClass"/>).</param>
    /// <param name="keepRowNames">Keep an unnamed first column as a feature even when it reads as row names (<see cref="RowNameColumn"/>): <c>train --resume</c> of a model that reads it.</param>
    /// <param name="maxCategories">One-hot slots at most per category column (<c>--max-categories</c>); null for the default, which scales with the rows (<see cref="CategoryCap.ForRows"/>).</param>
    public static TabularProblem Create(CsvTable table, string labelName, TaskKind? requestedTask, IReadOnlyCollection<string> ignore, string? positiveClass = null, bool keepRowNames = false,
        int? maxCategories = null)
    {
        var notes = new List<string>(table.Notes);
        var label = table.Require(labelName, "the label given by --label");
        foreach (var name in ignore) table.Require(name, "given by --ignore");

        var labelled = Enumerable.Range(0, table.RowCount).Where(r => !label.IsMissing(r) && !LabelMarkers.Is(label, r)).ToArray();
        if (labelled.Length < table.RowCount)
        {
            notes.Add($"{table.RowCount - labelled.Length:N0} of {table.RowCount:N0} rows have no value in label column '{labelName}'{LabelMarkers.Detail(label)} and were skipped.");
            table = table.SelectRows(labelled);
            label = table.Require(labelName, "label");
        }
        int cap = maxCategories ?? CategoryCap.ForRows(table.RowCount);
        var task = TaskDetector.Detect(label, requestedTask);
        var classes = PositiveClass.Order(TaskDetector.Classes(label, task), positiveClass, labelName);
        if (task == TaskKind.Binary) notes.Add(PositiveClass.Note(classes, positiveClass));
        if (RareClass.Note(label, classes) is { } rare) notes.Add(rare);

        var features = new List<FeatureColumn>();
        var freeText = new List<string>();
        var missing = new List<MissingValueNotes.Column>();
        var constant = new List<string>();
        foreach (var column in table.Columns)
        {
            if (column.Name == labelName || ignore.Contains(column.Name)) continue;
            if (!keepRowNames && RowNameColumn.Is(table, column))
            {
                notes.Add(RowNameColumn.Note(column));
                continue;
            }
            if (ModelSchema.ReservedNames.Contains(column.Name))
            {
                throw new CliException($"{table.Path}: column '{column.Name}' has a name the ML.NET pipeline uses for its own columns; rename it (or pass --ignore {column.Name}).");
            }
            if (column.MissingCount == column.Length)
            {
                notes.Add($"Column '{column.Name}' is empty in every row and was ignored.");
                continue;
            }
            if (ConstantColumn.Value(column) is { } value)
            {
                notes.Add(ConstantColumn.Note(column, value));
                constant.Add(column.Name);
                continue;
            }
            var kind = column.Kind;
            if (column.Kind == ColumnKind.Categorical)
            {
                int distinct = column.Texts!.Where(t => t is not null).Distinct().Count();
                if (TooVaried(column, distinct, cap) is { } why)
                {
                    if (!ProseColumn.Is(column))
                    {
                        notes.Add(DateColumn.Is(column) ? DateColumn.Note(column, distinct) : why);
                        freeText.Add(column.Name);
                        continue;
                    }
                    kind = ColumnKind.Text;
                    notes.Add(ProseColumn.Note(column, distinct));
                }
                else if (distinct > cap)
                {
                    notes.Add(DateColumn.Is(column) ? DateColumn.CategoryNote(column, distinct, cap) : $"Column '{column.Name}' has {distinct:N0} distinct texts: its {cap:N0} most frequent categories are one-hot encoded and the other {distinct - cap:N0} share one 'other' encoding ({CategoryCap.Why(maxCategories, table.RowCount)}--max-categories {distinct} keeps them all).");
                }
            }
            features.Add(new FeatureColumn(column.Name, kind));
            if (RowNumberColumn.Is(column)) notes.Add(RowNumberColumn.Note(column));
            else if (IdentifierColumn.Is(column)) notes.Add(IdentifierColumn.Note(column));
            else if (RowNumberColumn.IsMonotonic(column)) notes.Add(RowNumberColumn.Note(column));
            else if (IdentifierColumn.IsNamed(column)) notes.Add(IdentifierColumn.NamedNote(column));
            if (column.MissingCount > 0)
            {
                var note = MissingValueNotes.Of(column.Name, column.MissingCount, column.Length, kind);
                notes.Add(note.Note);
                missing.Add(note);
            }
        }
        MissingValueNotes.Group(notes, missing);
        if (QuotedColumns.Note([.. table.QuotedCategories.Where(n => n == labelName || features.Any(f => f.Name == n))]) is { } quoted) notes.Add(quoted);
        if (MarkerCategories.Note(features.Where(f => f.Kind == ColumnKind.Categorical).Select(f => table.Require(f.Name, "a feature"))) is { } markers) notes.Add(markers);
        if (features.Count == 0) throw new CliException($"{table.Path}: no feature columns are left besides label '{labelName}'." + FreeTextHint(freeText) + ConstantHint(constant));
        return new TabularProblem(table, new ModelSchema(task, labelName, classes, features.ToArray(), Trainer: "") { MissingValues = table.MissingValues, MaxCategories = cap == CategoryCap.MaxCategories ? null : cap }, notes);
    }

    /// <summary>What a missing value of a feature of this kind becomes, for the notes.</summary>
    public static string MissingValues(ColumnKind kind) => kind switch
    {
        ColumnKind.Numeric => "replaced by the training mean",
        ColumnKind.Text => "read as empty texts",
        _ => "treated as a category of their own",
    };

    /// <summary>Why a text column has too many distinct values to be one-hot encoded as categories; null when it has not.</summary>
    private static string? TooVaried(TableColumn column, int distinct, int cap)
    {
        int present = column.Length - column.MissingCount;
        if (distinct == present && column.Length > 20)
        {
            return $"Column '{column.Name}' has a different text in every row (an identifier?) and was ignored.";
        }
        if (CategoryCap.IsNearlyUnique(distinct, present))
        {
            return $"Column '{column.Name}' has {distinct:N0} distinct texts in {present:N0} values (free text or an identifier?) and was ignored: a text met in one row only says nothing about another, and one-hot encoding would keep {Math.Min(cap, distinct):N0} of them as chance picks.";
        }
        if (distinct > CategoryCap.FreeTextDistinct && distinct > present / 2)
        {
            return $"Column '{column.Name}' has {distinct:N0} distinct texts in {present:N0} values (free text or an identifier?) and was ignored; one-hot encoding it would add {distinct:N0} features.";
        }
        return null;
    }

    private static string ConstantHint(List<string> constant) => constant.Count == 0 ? ""
        : $" {(constant.Count == 1 ? "Column" : "Columns")} {string.Join(", ", constant.Select(n => $"'{n}'"))} {(constant.Count == 1 ? "holds" : "hold")} one value in every row, which tells no row from another.";

    // A file whose only other column is an identifier or short varied texts (names, codes) loses it to the rule above;
    // the bare "no feature columns" left the user guessing why that column counts for nothing.
    private static string FreeTextHint(List<string> freeText) => freeText.Count == 0 ? ""
        : $" {(freeText.Count == 1 ? "Column" : "Columns")} {string.Join(", ", freeText.Select(n => $"'{n}'"))} {(freeText.Count == 1 ? "was" : "were")} left out: too varied to one-hot encode as categories, "
          + $"and too short to read as free text (that takes {ProseColumn.MinimumWords:0} words a value on average, mostly letters). "
          + "Add numeric or category columns, or make features from the text in code (ML.NET's FeaturizeText) before the trainer.";
}
