namespace NNTrainer.Cli.Models;

/// <summary>
/// The categories a saved model one-hot encodes, per text feature: the slot names of its <c>__OneHot_</c> columns.
/// A text outside them is encoded as no category (all zeros), which <see cref="CsvBlockReader"/> reports.
/// </summary>
internal static class ModelCategories
{
    /// <summary>Per text feature, its categories; null when the model does not say (no input schema, another pipeline).</summary>
    public static Dictionary<string, HashSet<string>>? Read(LoadedModel model)
    {
        if (model.InputSchema is null) return null;
        try
        {
            var output = model.Transformer.GetOutputSchema(model.InputSchema);
            var categories = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var feature in model.Schema.Features.Where(f => f.Kind == ColumnKind.Categorical))
            {
                var column = output.GetColumnOrNull(ColumnNames.CategoricalPrefix + feature.Name);
                if (column is not { } found || !found.HasSlotNames()) return null;
                var names = default(VBuffer<ReadOnlyMemory<char>>);
                found.GetSlotNames(ref names);
                categories[feature.Name] = names.DenseValues().Select(n => n.ToString()).ToHashSet(StringComparer.Ordinal);
            }
            return categories;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidCastException)
        {
            return null;
        }
    }
}
