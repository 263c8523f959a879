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
    public TabularProblem WithSchema(ModelSchema schema) => new(Table, schema, Notes);

    public static TabularProblem Create(CsvTable table, string labelName, TaskKind? requestedTask, IReadOnlyCollection<string> ignore)
    {
        var notes = new List<string>(table.Notes);
        var label = table.Require(labelName, "the label given by --label");
        foreach (var name in ignore) table.Require(name, "given by --ignore");

        var labelled = Enumerable.Range(0, table.RowCount).Where(r => !label.IsMissing(r)).ToArray();
        if (labelled.Length < table.RowCount)
        {
            notes.Add($"{table.RowCount - labelled.Length} of {table.RowCount} rows have no value in label column '{labelName}' and were skipped.");
            table = table.SelectRows(labelled);
            label = table.Require(labelName, "label");
        }
        var task = TaskDetector.Detect(label, requestedTask);
        var classes = TaskDetector.Classes(label, task);
        if (RareClass.Note(label, classes) is { } rare) notes.Add(rare);

        var features = new List<FeatureColumn>();
        var freeText = new List<string>();
        foreach (var column in table.Columns)
        {
            if (column.Name == labelName || ignore.Contains(column.Name)) continue;
            if (ModelSchema.ReservedNames.Contains(column.Name))
            {
                throw new CliException($"{table.Path}: column '{column.Name}' has a name the ML.NET pipeline uses for its own columns; rename it (or pass --ignore {column.Name}).");
            }
            if (column.MissingCount == column.Length)
            {
                notes.Add($"Column '{column.Name}' is empty in every row and was ignored.");
                continue;
            }
            if (column.Kind == ColumnKind.Categorical)
            {
                int distinct = column.Texts!.Where(t => t is not null).Distinct().Count();
                if (distinct == column.Length - column.MissingCount && column.Length > 20)
                {
                    notes.Add($"Column '{column.Name}' has a different text in every row (an identifier?) and was ignored.");
                    freeText.Add(column.Name);
                    continue;
                }
                if (CategoryCap.IsNearlyUnique(distinct, column.Length - column.MissingCount))
                {
                    freeText.Add(column.Name);
                    notes.Add($"Column '{column.Name}' has {distinct:N0} distinct texts in {column.Length - column.MissingCount:N0} values (free text or an identifier?) and was ignored: a text met in one row only says nothing about another, and one-hot encoding would keep {CategoryCap.MaxCategories} of them as chance picks.");
                    continue;
                }
                if (distinct > CategoryCap.FreeTextDistinct && distinct > (column.Length - column.MissingCount) / 2)
                {
                    freeText.Add(column.Name);
                    notes.Add($"Column '{column.Name}' has {distinct:N0} distinct texts in {column.Length - column.MissingCount:N0} values (free text or an identifier?) and was ignored; one-hot encoding it would add {distinct:N0} features.");
                    continue;
                }
                if (distinct > CategoryCap.MaxCategories)
                {
                    notes.Add($"Column '{column.Name}' has {distinct:N0} distinct texts: its {CategoryCap.MaxCategories} most frequent categories are one-hot encoded and the other {distinct - CategoryCap.MaxCategories:N0} share one 'other' encoding.");
                }
            }
            features.Add(new FeatureColumn(column.Name, column.Kind));
            if (RowNumberColumn.Is(column)) notes.Add(RowNumberColumn.Note(column));
            else if (IdentifierColumn.Is(column)) notes.Add(IdentifierColumn.Note(column));
            if (column.MissingCount > 0)
            {
                var how = column.Kind == ColumnKind.Numeric ? "replaced by the training mean" : "treated as a category of their own";
                notes.Add($"Column '{column.Name}': {column.MissingCount} missing value{(column.MissingCount == 1 ? "" : "s")} ({100.0 * column.MissingCount / column.Length:0.#}%) {how}.");
            }
        }
        if (features.Count == 0) throw new CliException($"{table.Path}: no feature columns are left besides label '{labelName}'." + FreeTextHint(freeText));
        return new TabularProblem(table, new ModelSchema(task, labelName, classes, features.ToArray(), Trainer: ""), notes);
    }

    // A file of documents (a text and a label, as Weka's Reuters sets) loses its only feature to the free-text rule; the
    // bare "no feature columns" left the user guessing why a column full of words counts for nothing.
    private static string FreeTextHint(List<string> freeText) => freeText.Count == 0 ? ""
        : $" {(freeText.Count == 1 ? "Column" : "Columns")} {string.Join(", ", freeText.Select(n => $"'{n}'"))} {(freeText.Count == 1 ? "was" : "were")} left out as free text or identifiers"
          + ": text columns are one-hot encoded as categories, and the tool does not turn documents into word features. "
          + "Add numeric columns made from the text (word counts, TF-IDF, embeddings), or featurise it in code with ML.NET's FeaturizeText before the trainer.";
}
